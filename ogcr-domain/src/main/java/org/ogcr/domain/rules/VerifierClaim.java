package org.ogcr.domain.rules;

import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * Who a report says verified it, next to what the registry's directory says of that actor. The
 * conflict-of-interest rule judges the registered organisation, never the one a document declares.
 *
 * @param registeredOrganisation the actor's organisation in the registry's directory, if known
 */
public record VerifierClaim(
    ActorId verifier,
    OrganisationId declaredOrganisation,
    Optional<OrganisationId> registeredOrganisation) {

  public VerifierClaim {
    Require.nonNull("verifierId", verifier);
    Require.nonNull("organisationId", declaredOrganisation);
    Require.nonNull("registeredOrganisation", registeredOrganisation);
  }
}
