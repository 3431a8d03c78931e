package org.ogcr.adapter.inmemory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.model.IdempotencyRecord;
import org.ogcr.port.model.RecordedResponse;
import org.ogcr.port.out.IdempotencyStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Idempotency records in memory, by owner and key; takes part in its {@link InMemoryUnitOfWork}.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  private record Key(ActorId owner, String key) {}

  private final InMemoryUnitOfWork uow;
  private final Map<Key, IdempotencyRecord> records = new HashMap<>();

  public InMemoryIdempotencyStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void claim(ActorId owner, String key, String fingerprint, Instant at) {
    IdempotencyRecord claimed =
        new IdempotencyRecord(owner, key, fingerprint, at, Optional.empty());
    Key id = new Key(owner, key);
    uow.locked(
        () -> {
          if (records.containsKey(id)) {
            throw StoreConflictException.exists(describe(id));
          }
          put(id, claimed);
        });
  }

  @Override
  public void complete(ActorId owner, String key, RecordedResponse response) {
    Require.nonNull("response", response);
    Key id = new Key(Require.nonNull("owner", owner), Require.nonNull("key", key));
    uow.locked(
        () -> {
          IdempotencyRecord stored = records.get(id);
          if (stored == null) {
            throw new IllegalStateException(describe(id) + " is not claimed; claim it first");
          }
          if (stored.response().isPresent()) {
            throw new IllegalStateException(describe(id) + " has its response already");
          }
          put(
              id,
              new IdempotencyRecord(
                  owner, key, stored.fingerprint(), stored.createdAt(), Optional.of(response)));
        });
  }

  @Override
  public Optional<IdempotencyRecord> find(ActorId owner, String key) {
    Key id = new Key(Require.nonNull("owner", owner), Require.nonNull("key", key));
    return uow.locked(() -> Optional.ofNullable(records.get(id)));
  }

  @Override
  public boolean release(ActorId owner, String key) {
    Key id = new Key(Require.nonNull("owner", owner), Require.nonNull("key", key));
    return uow.locked(
        () -> {
          IdempotencyRecord stored = records.remove(id);
          if (stored != null) {
            uow.onRollback(() -> records.put(id, stored));
          }
          return stored != null;
        });
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    Require.nonNull("cutoff", cutoff);
    return uow.locked(
        () -> {
          int purged = 0;
          for (Iterator<Map.Entry<Key, IdempotencyRecord>> it = records.entrySet().iterator();
              it.hasNext(); ) {
            Map.Entry<Key, IdempotencyRecord> e = it.next();
            if (e.getValue().createdAt().isBefore(cutoff)) {
              it.remove();
              uow.onRollback(() -> records.put(e.getKey(), e.getValue()));
              purged++;
            }
          }
          return purged;
        });
  }

  private void put(Key id, IdempotencyRecord value) {
    IdempotencyRecord before = records.put(id, value);
    uow.onRollback(
        () -> {
          if (before == null) {
            records.remove(id);
          } else {
            records.put(id, before);
          }
        });
  }

  private static String describe(Key id) {
    return "the idempotency key " + id.key() + " of " + id.owner();
  }
}
