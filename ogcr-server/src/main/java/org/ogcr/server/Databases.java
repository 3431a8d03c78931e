package org.ogcr.server;

import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/** The databases the server runs on. */
final class Databases {

  /** Connections kept open between requests. */
  private static final int IDLE_CONNECTIONS = 16;

  private Databases() {}

  /** A PostgreSQL database at {@code url}, migrated on open, with a pool of connections. */
  static JdbcDatabase postgresql(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    ds.setPassword(password);
    return JdbcDatabase.open(new ConnectionPool(ds, IDLE_CONNECTIONS));
  }
}
