package org.ogcr.port.out;

/**
 * Hands out issuance sequence numbers, the {@code 0001} of {@code EC-2026-0001-NULHEGAN}: per
 * serial prefix and vintage year, starting at 1, each number exactly once, even under concurrent
 * callers. A number taken by a transaction that later fails may be skipped; it is never handed out
 * twice.
 */
public interface SerialNumberSequence {

  /**
   * @param prefix the serial prefix, for example {@code EC}
   * @param vintageYear the vintage year of the issuance
   * @return the next sequence number for that prefix and year, from 1
   */
  int next(String prefix, int vintageYear);
}
