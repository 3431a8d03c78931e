package org.ogcr.adapter.jdbc;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Transactions of a system of its own beside the registry's record (the ledger, the chain
 * projection): READ COMMITTED, on a connection of their own even when the calling thread is inside
 * {@link JdbcUnitOfWork#transact}, run again a few times, with a short growing pause, when they
 * lose a race the database resolves by aborting one.
 */
final class OwnTransactions {

  private OwnTransactions() {}

  static <T> T run(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
      } catch (RuntimeException e) {
        if (attempt < JdbcUnitOfWork.ATTEMPTS && JdbcUnitOfWork.isRetryable(e)) {
          pause(attempt);
          continue;
        }
        throw e;
      }
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
