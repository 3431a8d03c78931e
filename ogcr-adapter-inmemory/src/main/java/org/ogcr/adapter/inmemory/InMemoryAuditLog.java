package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.AuditLog;

/** The hash-chained audit log in memory; appends are serialised so the chain never forks. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<ChainedEntry> entries = new ArrayList<>();

  @Override
  public synchronized ChainedEntry append(AuditEntry entry) {
    Require.nonNull("entry", entry);
    ChainedEntry chained = AuditChain.append(head(), entry);
    entries.add(chained);
    return chained;
  }

  @Override
  public synchronized Optional<ChainedEntry> head() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  @Override
  public synchronized List<ChainedEntry> read(long fromSequence, int limit) {
    return Pages.slice(entries, fromSequence, limit);
  }
}
