package org.ogcr.server;

import org.postgresql.ds.PGSimpleDataSource;

/** The databases the server runs on. */
final class Databases {

  /** Connections kept open between requests. */
  private static final int IDLE_CONNECTIONS = 16;

  private Databases() {}

  /** An open database and how to close the connections opened for it. */
  record Opened(org.ogcr.adapter.jdbc.JdbcDatabase database, Closer closer) {}

  /** Closes a database's connections. */
  @FunctionalInterface
  interface Closer {
    void close() throws Exception;
  }

  /**
   * The registry's database: PostgreSQL at {@code jdbcUrl} when given, else the H2 files under
   * {@code dataDirectory}; migrated to the current schema. At most {@code maxConnections}
   * PostgreSQL connections are open at once.
   */
  static Opened open(
      java.nio.file.Path dataDirectory,
      java.util.Optional<String> jdbcUrl,
      String user,
      String password,
      int maxConnections) {
    if (jdbcUrl.isPresent()) {
      ConnectionPool pool = postgresqlPool(jdbcUrl.get(), user, password, maxConnections);
      return new Opened(org.ogcr.adapter.jdbc.JdbcDatabase.open(pool), pool::closeIdle);
    }
    org.h2.jdbcx.JdbcConnectionPool pool =
        org.ogcr.adapter.jdbc.JdbcDatabase.h2FilePool(dataDirectory);
    return new Opened(org.ogcr.adapter.jdbc.JdbcDatabase.open(pool), pool::dispose);
  }

  /** A pool of at most {@code max} connections to the PostgreSQL database at {@code url}. */
  static ConnectionPool postgresqlPool(String url, String user, String password, int max) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    ds.setPassword(password);
    return new ConnectionPool(ds, Math.min(IDLE_CONNECTIONS, max), max);
  }
}
