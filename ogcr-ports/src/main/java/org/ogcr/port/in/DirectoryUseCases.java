package org.ogcr.port.in;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * The registry's directory: who acts for which organisation (the use cases check it against what a
 * principal claims), and which payees passed KYC (an issuance prerequisite).
 */
public interface DirectoryUseCases {

  /** Lists an actor under its organisation; an administrator's decision. */
  record RegisterActor(Principal principal, ActorId actor, OrganisationId organisation) {
    public RegisterActor {
      Require.nonNull("principal", principal);
      Require.nonNull("actor", actor);
      Require.nonNull("organisation", organisation);
    }
  }

  /** Records that a payee (a beneficiary, a property's treasury) passed KYC. */
  record AttestKyc(Principal principal, String party) {
    public AttestKyc {
      Require.nonNull("principal", principal);
      Require.nonNull("party", party);
      if (party.isBlank() || party.length() > 1024) {
        throw new org.ogcr.domain.common.InvalidValueException(
            "party", party, "must name the payee, 1 to 1024 characters");
      }
    }
  }

  /** An actor and the organisation it acts for. */
  record Listing(ActorId actor, OrganisationId organisation) {}

  /** That a payee passed KYC, who attested it and when. */
  record KycAttestation(String party, ActorId attestedBy, Instant attestedAt) {}

  /**
   * Lists the actor; listing it again under the same organisation changes nothing.
   *
   * @throws UseCaseRefusedException {@code actor_in_other_organisation} when the actor is listed
   *     under another organisation: an actor acts for one organisation
   */
  Listing register(RegisterActor command);

  KycAttestation attestKyc(AttestKyc command);

  Optional<Listing> find(ActorId actor);

  Optional<KycAttestation> kyc(String party);
}
