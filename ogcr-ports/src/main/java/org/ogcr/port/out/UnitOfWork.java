package org.ogcr.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case all or nothing: every store write, audit entry and outbox entry made inside
 * {@link #transact} is committed together when it returns, and none of them when it throws. A call
 * inside a running transaction joins it: its writes commit or roll back with the outer one; if the
 * nested call throws and the outer work catches the exception, the nested call's own writes are
 * rolled back (a savepoint) and the outer work goes on. Ledger writes never happen inside: they
 * leave as outbox entries and are relayed after commit.
 *
 * <p>Isolation: a transaction never sees another's uncommitted writes, and of two transactions that
 * change the same record only one commits (the stores refuse the other with {@link
 * StoreConflictException}); checks across records are made safe with {@link #lock}. The in-memory
 * adapter runs transactions one at a time.
 */
public interface UnitOfWork {

  /**
   * Runs {@code work} in a transaction.
   *
   * @return what {@code work} returned, once committed
   * @throws RuntimeException whatever {@code work} threw, after rolling everything back
   */
  <T> T transact(Supplier<T> work);

  /**
   * Inside {@link #transact}: makes every other transaction that locks the same {@code key} wait
   * until this one ends. A use case takes the lock of what its checks read across records (every
   * active boundary before registering a project, every period of a project before adding a
   * report), so two concurrent calls cannot both pass a check that only one of them may pass.
   * Records a use case writes are protected by their stores (versions, constraints,
   * compare-and-set) and need no lock.
   *
   * @param key what is locked, for example {@code projects} or {@code reports/nulhegan-forest}
   * @throws IllegalStateException outside a transaction
   */
  void lock(String key);
}
