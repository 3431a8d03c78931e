package org.ogcr.adapter.inmemory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.SerialNumberSequence;

/** Issuance sequence numbers per prefix and vintage year, in memory. Thread-safe. */
public final class InMemorySerialNumberSequence implements SerialNumberSequence {

  private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

  @Override
  public int next(String prefix, int vintageYear) {
    Require.nonNull("prefix", prefix);
    Require.between("vintageYear", vintageYear, 1900, 9999);
    return counters
        .computeIfAbsent(prefix + "-" + vintageYear, k -> new AtomicInteger())
        .incrementAndGet();
  }
}
