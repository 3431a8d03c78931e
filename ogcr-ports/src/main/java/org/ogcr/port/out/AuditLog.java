package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;

/**
 * The append-only, hash-chained record of every decision (ARCHITECTURE.md, "Access"). An
 * implementation chains each entry onto the current head atomically ({@link
 * org.ogcr.domain.audit.AuditChain#append}), so concurrent appends still form one unbroken chain,
 * and never changes or removes an entry.
 */
public interface AuditLog {

  /** Chains {@code entry} onto the head and stores it; returns it as stored. */
  ChainedEntry append(AuditEntry entry);

  /** The last entry, if any. */
  Optional<ChainedEntry> head();

  /**
   * Entries in sequence order from {@code fromSequence} (1 is the first), at most {@code limit}.
   */
  List<ChainedEntry> read(long fromSequence, int limit);
}
