package org.ogcr.adapter.rest.auth;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/**
 * What an access token that passed every check of {@link AccessTokenValidator#validate} says: who
 * acts ({@code sub}), for which organisation ({@code org}), with which roles ({@code roles}) and
 * scopes ({@code scope}), through which client ({@code client_id}), on which of the registry's
 * credentials ({@code ogcr_credential} when a person signed in through an application, else the
 * client itself), as which token ({@code jti}), until when ({@code exp}).
 */
public record VerifiedToken(
    ActorId actor,
    OrganisationId organisation,
    Set<Role> roles,
    Set<String> scopes,
    String clientId,
    String credentialId,
    String tokenId,
    Instant expiresAt) {

  public VerifiedToken {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(organisation, "organisation");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The principal every use case takes. */
  public Principal principal() {
    return new Principal(actor, organisation, roles);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
