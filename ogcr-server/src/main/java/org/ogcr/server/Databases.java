package org.ogcr.server;

import org.postgresql.ds.PGSimpleDataSource;

/** The databases the server runs on. */
final class Databases {

  /** Connections kept open between requests. */
  private static final int IDLE_CONNECTIONS = 16;

  private Databases() {}

  /** A pool of connections to the PostgreSQL database at {@code url}. */
  static ConnectionPool postgresqlPool(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    ds.setPassword(password);
    return new ConnectionPool(ds, IDLE_CONNECTIONS);
  }
}
