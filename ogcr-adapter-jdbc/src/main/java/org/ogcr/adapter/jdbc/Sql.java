package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small helpers the stores share: instants to and from SQL, and SQLSTATE checks. */
final class Sql {

  /** SQLSTATE of a unique violation. */
  static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  /** An instant as the driver binds {@code timestamp with time zone} on both engines. */
  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** At most 4,096 characters, the width of the error columns. */
  static String clip(String text) {
    return text.length() <= 4096 ? text : text.substring(0, 4095) + "…";
  }

  /** Whether {@code e} or a cause is an SQL error with {@code sqlState}. */
  static boolean hasState(Throwable e, String sqlState) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
