package org.ogcr.adapter.inmemory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.out.Directory;

/**
 * The directory in memory: actors registered with their organisation and parties attested by a
 * compliance officer. Registering an actor again moves it to the new organisation; attesting a
 * party again replaces its attestation. Thread-safe, and takes part in its {@link
 * InMemoryUnitOfWork} like the stores.
 */
public final class InMemoryIdentityVerifier implements Directory {

  private final InMemoryUnitOfWork uow;
  private final Map<ActorId, OrganisationId> organisations = new HashMap<>();
  private final Map<String, KycAttestation> attestations = new HashMap<>();

  /** A directory with a unit of work of its own. */
  public InMemoryIdentityVerifier() {
    this(new InMemoryUnitOfWork());
  }

  public InMemoryIdentityVerifier(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  /** Registers {@code actor} as a member of {@code organisation}. */
  @Override
  public void register(ActorId actor, OrganisationId organisation) {
    Require.nonNull("actor", actor);
    Require.nonNull("organisation", organisation);
    uow.locked(
        () -> {
          OrganisationId before = organisations.put(actor, organisation);
          uow.onRollback(() -> restore(organisations, actor, before));
        });
  }

  /**
   * Records that compliance officer {@code by} attested at {@code at} that {@code party} passed
   * KYC.
   */
  @Override
  public KycAttestation attestKyc(String party, ActorId by, Instant at) {
    KycAttestation attestation = new KycAttestation(party, by, at);
    uow.locked(
        () -> {
          KycAttestation before = attestations.put(party, attestation);
          uow.onRollback(() -> restore(attestations, party, before));
        });
    return attestation;
  }

  private static <K, V> void restore(Map<K, V> map, K key, V before) {
    if (before == null) {
      map.remove(key);
    } else {
      map.put(key, before);
    }
  }

  @Override
  public Optional<OrganisationId> organisationOf(ActorId actor) {
    Require.nonNull("actor", actor);
    return uow.locked(() -> Optional.ofNullable(organisations.get(actor)));
  }

  @Override
  public Optional<KycAttestation> kyc(String party) {
    Require.nonNull("party", party);
    return uow.locked(() -> Optional.ofNullable(attestations.get(party)));
  }
}
