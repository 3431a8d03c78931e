package org.ogcr.port.out;

import java.time.Instant;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * The registry's directory with its writes: which organisation each actor acts for, and the KYC
 * attestations of payees. Takes part in the unit of work.
 */
public interface Directory extends IdentityVerifier {

  /** Lists {@code actor} as acting for {@code organisation}, replacing any earlier listing. */
  void register(ActorId actor, OrganisationId organisation);

  /** Records that {@code by} attested at {@code at} that {@code party} passed KYC. */
  KycAttestation attestKyc(String party, ActorId by, Instant at);
}
