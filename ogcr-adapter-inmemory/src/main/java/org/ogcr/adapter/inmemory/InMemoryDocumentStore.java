package org.ogcr.adapter.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.DocumentStore;

/**
 * Submitted documents in memory by hash; takes part in its {@link InMemoryUnitOfWork}. The first
 * JSON stored under a hash is kept: a later one with the same hash has the same canonical form.
 */
public final class InMemoryDocumentStore implements DocumentStore {

  private final InMemoryUnitOfWork uow;
  private final Map<DocumentHash, String> byHash = new HashMap<>();

  public InMemoryDocumentStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void put(DocumentHash hash, String json) {
    Require.nonNull("hash", hash);
    Require.nonNull("json", json);
    uow.locked(
        () -> {
          if (byHash.putIfAbsent(hash, json) == null) {
            uow.onRollback(() -> byHash.remove(hash));
          }
        });
  }

  @Override
  public Optional<String> get(DocumentHash hash) {
    Require.nonNull("hash", hash);
    return uow.locked(() -> Optional.ofNullable(byHash.get(hash)));
  }
}
