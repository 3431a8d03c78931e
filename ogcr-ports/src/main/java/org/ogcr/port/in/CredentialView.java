package org.ogcr.port.in;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * A {@link Credential} as administrators see it: every field but the hash of its secret, so a
 * listing can be shown or serialised as it is.
 */
public record CredentialView(
    String id,
    OrganisationId organisation,
    ActorId actor,
    Set<Role> roles,
    Set<String> scopes,
    String label,
    int ratePerMinute,
    Instant createdAt,
    ActorId createdBy,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<ActorId> revokedBy,
    long version) {

  public CredentialView {
    Credential.requireId(id);
    Require.nonNull("organisation", organisation);
    Require.nonNull("actor", actor);
    roles = Credential.roles(roles);
    scopes = Credential.scopes(scopes);
    Require.nonNull("label", label);
    Require.nonNull("createdAt", createdAt);
    Require.nonNull("createdBy", createdBy);
    Require.nonNull("expiresAt", expiresAt);
    Require.nonNull("revokedAt", revokedAt);
    Require.nonNull("revokedBy", revokedBy);
  }

  public static CredentialView of(Credential c) {
    Require.nonNull("credential", c);
    return new CredentialView(
        c.id(),
        c.organisation(),
        c.actor(),
        c.roles(),
        c.scopes(),
        c.label(),
        c.ratePerMinute(),
        c.createdAt(),
        c.createdBy(),
        c.expiresAt(),
        c.revokedAt(),
        c.revokedBy(),
        c.version());
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  /** Whether it authenticates at {@code now}: neither revoked nor expired. */
  public boolean active(Instant now) {
    Require.nonNull("now", now);
    return revokedAt.isEmpty() && (expiresAt.isEmpty() || now.isBefore(expiresAt.get()));
  }
}
