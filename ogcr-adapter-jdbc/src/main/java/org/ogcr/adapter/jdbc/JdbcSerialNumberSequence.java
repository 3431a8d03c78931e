package org.ogcr.adapter.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.SerialNumberSequence;

/**
 * Issuance sequence numbers in table {@code serial_sequences}, one row per prefix and vintage year,
 * incremented in the caller's transaction: the row lock makes concurrent callers queue, and a
 * number taken by a transaction that rolls back is handed out again, never twice.
 */
public final class JdbcSerialNumberSequence implements SerialNumberSequence {

  private final JdbcUnitOfWork uow;

  public JdbcSerialNumberSequence(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public int next(String prefix, int vintageYear) {
    Require.nonNull("prefix", prefix);
    return uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  if (increment(h, prefix, vintageYear) == 0) {
                    try {
                      // the first number of the year; a concurrent first caller may win the row
                      uow.transact(
                          () ->
                              h.createUpdate(
                                      "insert into serial_sequences (prefix, vintage_year,"
                                          + " last_value) values (:prefix, :year, 0)")
                                  .bind("prefix", prefix)
                                  .bind("year", vintageYear)
                                  .execute());
                    } catch (UnableToExecuteStatementException e) {
                      if (!Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
                        throw e;
                      }
                    }
                    increment(h, prefix, vintageYear);
                  }
                  return h.createQuery(
                          "select last_value from serial_sequences"
                              + " where prefix = :prefix and vintage_year = :year")
                      .bind("prefix", prefix)
                      .bind("year", vintageYear)
                      .mapTo(Integer.class)
                      .one();
                }));
  }

  private static int increment(Handle h, String prefix, int year) {
    return h.createUpdate(
            "update serial_sequences set last_value = last_value + 1"
                + " where prefix = :prefix and vintage_year = :year")
        .bind("prefix", prefix)
        .bind("year", year)
        .execute();
  }
}
