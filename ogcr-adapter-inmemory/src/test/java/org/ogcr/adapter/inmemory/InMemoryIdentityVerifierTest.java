package org.ogcr.adapter.inmemory;

import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.out.IdentityVerifier;
import org.ogcr.port.out.IdentityVerifier.KycAttestation;
import org.ogcr.port.out.IdentityVerifierContract;

class InMemoryIdentityVerifierTest extends IdentityVerifierContract {

  @Override
  protected IdentityVerifier emptyDirectory() {
    return new InMemoryIdentityVerifier();
  }

  @Override
  protected void register(IdentityVerifier directory, ActorId actor, OrganisationId organisation) {
    ((InMemoryIdentityVerifier) directory).register(actor, organisation);
  }

  @Override
  protected void attest(IdentityVerifier directory, KycAttestation attestation) {
    ((InMemoryIdentityVerifier) directory)
        .attestKyc(attestation.party(), attestation.attestedBy(), attestation.attestedAt());
  }
}
