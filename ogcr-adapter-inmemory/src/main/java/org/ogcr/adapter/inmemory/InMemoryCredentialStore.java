package org.ogcr.adapter.inmemory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Credential;
import org.ogcr.port.out.CredentialStore;
import org.ogcr.port.out.StoreConflictException;

/** Credentials in memory, in id order; takes part in its {@link InMemoryUnitOfWork}. */
public final class InMemoryCredentialStore implements CredentialStore {

  private final InMemoryUnitOfWork uow;
  private final Map<String, Credential> byId = new TreeMap<>();

  public InMemoryCredentialStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(Credential credential) {
    Require.nonNull("credential", credential);
    if (credential.version() != 1) {
      throw new InvalidValueException(
          "version", credential.version(), "must be 1 for a new credential");
    }
    uow.locked(
        () -> {
          String id = credential.id();
          if (byId.containsKey(id)) {
            throw StoreConflictException.exists("credential " + id);
          }
          byId.put(id, credential);
          uow.onRollback(() -> byId.remove(id));
        });
  }

  @Override
  public Optional<Credential> find(String id) {
    Require.nonNull("id", id);
    return uow.locked(() -> Optional.ofNullable(byId.get(id)));
  }

  @Override
  public List<Credential> list(Optional<OrganisationId> organisation) {
    Require.nonNull("organisation", organisation);
    return uow.locked(
        () ->
            byId.values().stream()
                .filter(c -> organisation.isEmpty() || c.organisation().equals(organisation.get()))
                .toList());
  }

  @Override
  public Credential revoke(String id, Instant at, ActorId by) {
    Require.nonNull("id", id);
    Require.nonNull("at", at);
    Require.nonNull("by", by);
    return uow.locked(
        () -> {
          Credential stored = byId.get(id);
          if (stored == null) {
            throw new StoreConflictException(
                "concurrent_update",
                "credential " + id + " is not stored, so it cannot be revoked");
          }
          if (stored.revoked()) {
            throw new StoreConflictException(
                "concurrent_update",
                "credential "
                    + id
                    + " was revoked at "
                    + stored.revokedAt().get()
                    + " by "
                    + stored.revokedBy().get()
                    + "; read it again");
          }
          Credential revoked = stored.revokedAt(at, by);
          byId.put(id, revoked);
          uow.onRollback(() -> byId.put(id, stored));
          return revoked;
        });
  }

  @Override
  public long count() {
    return uow.locked(() -> (long) byId.size());
  }
}
