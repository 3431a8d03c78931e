package org.ogcr.adapter.jdbc;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.ogcr.port.out.UnitOfWork;

/**
 * Database transactions for the use cases. The outermost {@link #transact} opens a handle and a
 * READ COMMITTED transaction and binds it to the thread; stores reach it through {@link
 * #withHandle}. Correctness does not rest on the isolation level: records carry versions, blocks
 * are replaced compare-and-set, unique keys are constraints, the audit head is locked by every
 * append, and checks across records take a {@link #lock}; so writers queue on the rows they share
 * instead of failing, as they would at SERIALIZABLE on a row every use case writes.
 *
 * <p>A nested call runs under a savepoint: its own writes roll back when it throws, the outer
 * work's stay. A transaction that loses a race the database resolves by aborting it (a deadlock, a
 * serialization failure, a lock timeout) is run again from the start, a few times with a short,
 * growing pause; the work must therefore do nothing outside the database that a retry would repeat
 * (the use cases queue ledger commands in the outbox, inside the transaction, for this reason).
 */
public final class JdbcUnitOfWork implements UnitOfWork {

  /** How often a transaction that lost a serialization race is run again. */
  static final int ATTEMPTS = 8;

  /** SQLSTATEs of a lost race: serialization failure, deadlock, H2's lock timeout and conflict. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00", "90131");

  private final Jdbi jdbi;
  private final Engine engine;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();
  private final ThreadLocal<Integer> savepoints = ThreadLocal.withInitial(() -> 0);

  JdbcUnitOfWork(Jdbi jdbi, Engine engine) {
    this.jdbi = jdbi;
    this.engine = engine;
  }

  /**
   * {@code column} compared and ordered by code point, as the other adapters order identifiers:
   * PostgreSQL compares by the database's collation unless told otherwise; H2 by code point.
   */
  String byCodePoint(String column) {
    return engine == Engine.POSTGRESQL ? column + " collate \"C\"" : column;
  }

  @Override
  public <T> T transact(Supplier<T> work) {
    Handle open = current.get();
    if (open != null) {
      return nested(open, work);
    }
    for (int attempt = 1; ; attempt++) {
      try (Handle handle = jdbi.open()) {
        handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
        handle.begin();
        current.set(handle);
        try {
          T result = work.get();
          handle.commit();
          return result;
        } catch (RuntimeException | Error e) {
          rollbackQuietly(handle, e);
          if (attempt < ATTEMPTS && isRetryable(e)) {
            pause(attempt);
            continue;
          }
          throw e;
        } finally {
          current.remove();
          savepoints.remove();
        }
      }
    }
  }

  private <T> T nested(Handle handle, Supplier<T> work) {
    int n = savepoints.get() + 1;
    savepoints.set(n);
    String name = "ogcr_sp_" + n;
    handle.savepoint(name);
    try {
      T result = work.get();
      handle.releaseSavepoint(name);
      return result;
    } catch (RuntimeException | Error e) {
      handle.rollbackToSavepoint(name);
      throw e;
    } finally {
      savepoints.set(n - 1);
    }
  }

  /**
   * Takes the row of {@code key} in table {@code locks} for update, creating it first if needed:
   * another transaction locking the same key waits until this one commits or rolls back.
   */
  @Override
  public void lock(String key) {
    Handle h = current.get();
    if (h == null) {
      throw new IllegalStateException("lock(" + key + ") outside a transaction");
    }
    if (h.createQuery("select name from locks where name = :key for update")
        .bind("key", key)
        .mapTo(String.class)
        .findOne()
        .isEmpty()) {
      try {
        transact(
            () ->
                h.createUpdate("insert into locks (name) values (:key)")
                    .bind("key", key)
                    .execute());
      } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
        if (!Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
          throw e;
        }
      }
      h.createQuery("select name from locks where name = :key for update")
          .bind("key", key)
          .mapTo(String.class)
          .one();
    }
  }

  /**
   * Runs one store operation: in the thread's transaction when there is one, otherwise in a short
   * transaction of its own.
   */
  public <T> T withHandle(Function<Handle, T> op) {
    Handle open = current.get();
    if (open != null) {
      return op.apply(open);
    }
    return transact(() -> op.apply(current.get()));
  }

  /** Whether the calling thread is inside {@link #transact}. */
  public boolean inTransaction() {
    return current.get() != null;
  }

  static boolean isRetryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null && RETRYABLE.contains(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void rollbackQuietly(Handle handle, Throwable cause) {
    try {
      handle.rollback();
    } catch (RuntimeException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(200, 5L << attempt) + (long) (Math.random() * 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", e);
    }
  }
}
