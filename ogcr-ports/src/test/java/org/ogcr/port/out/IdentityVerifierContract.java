package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.port.out.Fixtures.T0;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.out.IdentityVerifier.KycAttestation;

/**
 * What every {@link IdentityVerifier} must do; adapters' tests extend it and say how a directory
 * learns of an actor and of a KYC attestation.
 */
public abstract class IdentityVerifierContract {

  /** A directory that knows no actor and no attestation. */
  protected abstract IdentityVerifier emptyDirectory();

  /** Makes {@code directory} list {@code actor} as a member of {@code organisation}. */
  protected abstract void register(
      IdentityVerifier directory, ActorId actor, OrganisationId organisation);

  /** Puts on file in {@code directory} the attestation that {@code attestation.party()} passed. */
  protected abstract void attest(IdentityVerifier directory, KycAttestation attestation);

  @Test
  void givenRegisteredActors_organisationOf_returnsEachActorsOwnOrganisation() {
    IdentityVerifier directory = emptyDirectory();
    register(directory, new ActorId("alice"), new OrganisationId("forest-trust"));
    register(directory, new ActorId("victor"), new OrganisationId("verifier-co"));
    assertThat(directory.organisationOf(new ActorId("alice")))
        .contains(new OrganisationId("forest-trust"));
    assertThat(directory.organisationOf(new ActorId("victor")))
        .contains(new OrganisationId("verifier-co"));
    assertThat(directory.organisationOf(new ActorId("mallory"))).isEmpty();
  }

  @Test
  void givenAttestedParty_kyc_returnsTheAttestation_andNoneForOthers() {
    IdentityVerifier directory = emptyDirectory();
    KycAttestation acme = new KycAttestation("Acme Corp", new ActorId("compliance-1"), T0);
    attest(directory, acme);
    assertThat(directory.kyc("Acme Corp")).contains(acme);
    assertThat(directory.kyc("acme corp")).isEmpty();
    assertThat(directory.kyc("Other Buyer")).isEmpty();
  }

  @Test
  void givenEmptyDirectory_nothingIsKnown() {
    IdentityVerifier directory = emptyDirectory();
    assertThat(directory.organisationOf(new ActorId("alice"))).isEmpty();
    assertThat(directory.kyc("Acme Corp")).isEmpty();
  }
}
