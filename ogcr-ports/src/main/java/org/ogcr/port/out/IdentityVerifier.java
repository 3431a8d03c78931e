package org.ogcr.port.out;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * The registry's directory of who is who: which organisation an actor belongs to (never taken from
 * the document that names the actor) and which parties a compliance officer has KYC-attested.
 */
public interface IdentityVerifier {

  /** The organisation the directory gives the actor, if the actor is registered. */
  Optional<OrganisationId> organisationOf(ActorId actor);

  /** The KYC attestation of a party (a beneficiary, a buyer), if one is on file. */
  Optional<KycAttestation> kyc(String party);

  /** A compliance officer's attestation that {@code party} passed KYC. */
  record KycAttestation(String party, ActorId attestedBy, Instant attestedAt) {
    public KycAttestation {
      Require.nonNull("party", party);
      Require.nonNull("attestedBy", attestedBy);
      Require.nonNull("attestedAt", attestedAt);
    }
  }
}
