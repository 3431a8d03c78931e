package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.AuditLog;

/**
 * The hash-chained audit log in memory. Appends are serialised by the lock of its {@link
 * InMemoryUnitOfWork}, so the chain never forks; an append inside a transaction that rolls back is
 * removed again, and the chain continues from the entry before it.
 */
public final class InMemoryAuditLog implements AuditLog {

  private final InMemoryUnitOfWork uow;
  private final List<ChainedEntry> entries = new ArrayList<>();

  /** A log with a unit of work of its own. */
  public InMemoryAuditLog() {
    this(new InMemoryUnitOfWork());
  }

  public InMemoryAuditLog(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public ChainedEntry append(AuditEntry entry) {
    Require.nonNull("entry", entry);
    return uow.locked(
        () -> {
          ChainedEntry chained = AuditChain.append(head(), entry);
          entries.add(chained);
          uow.onRollback(() -> entries.remove(entries.size() - 1));
          return chained;
        });
  }

  @Override
  public Optional<ChainedEntry> head() {
    return uow.locked(
        () -> entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1)));
  }

  @Override
  public List<ChainedEntry> read(long fromSequence, int limit) {
    return uow.locked(() -> Pages.slice(entries, fromSequence, limit));
  }
}
