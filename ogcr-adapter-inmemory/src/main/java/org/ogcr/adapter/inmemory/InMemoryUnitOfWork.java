package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.UnitOfWork;

/**
 * Transactions over in-memory state. One lock guards the state of every adapter built on this unit
 * of work: each store operation takes it ({@link #locked}), and so does a whole transaction ({@link
 * #transact}) from its first to its last step. In-memory transactions are therefore serialised, one
 * at a time, which is trivially serialisable isolation: no transaction ever sees another's
 * uncommitted writes, and a store read outside a transaction waits for a running one to finish.
 *
 * <p>Each store registers, with {@link #onRollback}, how to undo every mutation it makes. The
 * outermost {@link #transact} of a thread opens a journal of those undo actions; a nested call
 * joins it. When the work throws (any {@link RuntimeException} or {@link Error}) the undo actions
 * run in reverse order, then the exception is rethrown unchanged. A nested call that throws undoes
 * what it did itself before rethrowing, like a savepoint, so a caller that catches the exception
 * continues from the state before the nested call; what the nested call did successfully is undone
 * as well when the outer work throws later.
 *
 * <p>Outside a transaction every store operation commits on its own.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

  private final ReentrantLock lock = new ReentrantLock();

  /** The undo actions of the current thread's transaction, oldest first; empty outside one. */
  private final ThreadLocal<List<Runnable>> journal = new ThreadLocal<>();

  @Override
  public <T> T transact(Supplier<T> work) {
    Require.nonNull("work", work);
    lock.lock();
    try {
      List<Runnable> undo = journal.get();
      boolean outermost = undo == null;
      if (outermost) {
        undo = new ArrayList<>();
        journal.set(undo);
      }
      int mark = undo.size();
      try {
        return work.get();
      } catch (Throwable failure) {
        // work declares no checked exception, so this rethrows a RuntimeException or an Error
        rollBack(undo, mark, failure);
        throw failure;
      } finally {
        if (outermost) {
          journal.remove();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records how to undo a mutation just made, when the current thread is inside a transaction;
   * outside one the mutation is already committed and nothing is recorded. Call it while holding
   * the lock, that is from within {@link #locked}.
   */
  public void onRollback(Runnable undo) {
    Require.nonNull("undo", undo);
    List<Runnable> open = journal.get();
    if (open != null) {
      open.add(undo);
    }
  }

  /**
   * Runs one store operation under the lock and returns its result. Inside a transaction of the
   * current thread the lock is held already and the operation simply runs.
   */
  public <T> T locked(Supplier<T> op) {
    Require.nonNull("op", op);
    lock.lock();
    try {
      return op.get();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #locked(Supplier)} for an operation without a result. */
  public void locked(Runnable op) {
    Require.nonNull("op", op);
    lock.lock();
    try {
      op.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Nothing to wait for: in-memory transactions already run one at a time. Still refused outside a
   * transaction, as every adapter refuses it.
   */
  @Override
  public void lock(String key) {
    java.util.Objects.requireNonNull(key, "key");
    if (!inTransaction()) {
      throw new IllegalStateException("lock(" + key + ") outside a transaction");
    }
  }

  /** True when the current thread is running a transaction of this unit of work. */
  public boolean inTransaction() {
    return journal.get() != null;
  }

  /**
   * Undoes, newest first, the journal's actions from {@code mark} on and drops them. An undo action
   * that fails does not stop the others; its exception is attached to {@code failure}.
   */
  private static void rollBack(List<Runnable> undo, int mark, Throwable failure) {
    for (int i = undo.size() - 1; i >= mark; i--) {
      try {
        undo.get(i).run();
      } catch (RuntimeException | Error e) {
        failure.addSuppressed(e);
      }
      undo.remove(i);
    }
  }
}
