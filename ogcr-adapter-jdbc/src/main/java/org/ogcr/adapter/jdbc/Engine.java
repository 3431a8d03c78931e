package org.ogcr.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database engines the adapter runs on, with the same SQL. */
public enum Engine {
  /** H2 in PostgreSQL compatibility mode: the embedded default. */
  H2,
  /** PostgreSQL 17: production. */
  POSTGRESQL;

  static Engine of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return H2;
    }
    if (product.contains("postgresql")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database " + product + "; use H2 or PostgreSQL");
  }

  /** The Flyway location of the engine's own migrations, next to the common ones. */
  String migrations() {
    return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
  }
}
