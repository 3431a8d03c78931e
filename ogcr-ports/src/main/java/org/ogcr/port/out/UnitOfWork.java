package org.ogcr.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case all or nothing: every store write, audit entry and outbox entry made inside
 * {@link #transact} is committed together when it returns, and none of them when it throws. A call
 * inside a running transaction joins it. Ledger writes never happen inside: they leave as outbox
 * entries and are relayed after commit.
 */
public interface UnitOfWork {

  /**
   * Runs {@code work} in a transaction.
   *
   * @return what {@code work} returned, once committed
   * @throws RuntimeException whatever {@code work} threw, after rolling everything back
   */
  <T> T transact(Supplier<T> work);
}
