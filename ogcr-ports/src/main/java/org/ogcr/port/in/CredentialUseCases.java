package org.ogcr.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * The registry's credentials: API keys for server-to-server use, which are also OAuth 2.0 clients
 * of the client-credentials grant. Administrators issue, list and revoke them; the REST edge
 * authenticates requests with them.
 *
 * <p>A key reads {@code ogcr_<id>_<secret>}: the credential's id (16 lower-case base32 characters)
 * and its secret (32 random bytes, base64url without padding: 43 characters). As an OAuth client,
 * {@code client_id} is the id and {@code client_secret} the secret. The key is shown once, when the
 * credential is issued; the registry keeps only the SHA-256 of the secret.
 *
 * <p>Issuing and revoking are decisions, each one transaction and one audit entry, denials
 * included. Failed authentications are not audited (anyone could flood the hash-chained record with
 * them); those naming a well-formed credential id go to the access log ({@link AccessLogUseCases}).
 */
public interface CredentialUseCases {

  /** The rate limit of the first administrator's credential: 600 requests a minute. */
  int BOOTSTRAP_RATE_PER_MINUTE = 600;

  /** The label of the first administrator's credential. */
  String BOOTSTRAP_LABEL = "first administrator";

  /**
   * Issue a credential.
   *
   * @param actor whom it acts as: the registry's directory must list the actor under {@code
   *     organisation}
   * @param roles the roles it holds
   * @param scopes what it may reach, each one of {@link Scopes#ALL}, at least one
   * @param label what it is for, 1 to 256 characters
   * @param ratePerMinute its rate limit, positive
   * @param expiresAt when it stops authenticating, after now; empty for never
   */
  record IssueCredential(
      Principal principal,
      ActorId actor,
      OrganisationId organisation,
      Set<Role> roles,
      Set<String> scopes,
      String label,
      int ratePerMinute,
      Optional<Instant> expiresAt) {
    public IssueCredential {
      Require.nonNull("principal", principal);
      Require.nonNull("actor", actor);
      Require.nonNull("organisation", organisation);
      roles = Set.copyOf(Require.noNulls("roles", roles));
      scopes = Set.copyOf(Require.noNulls("scopes", scopes));
      Require.nonNull("label", label);
      Require.nonNull("expiresAt", expiresAt);
    }
  }

  /**
   * Revoke a credential.
   *
   * @param reason why, for the audit: 1 to 1024 characters, not blank
   */
  record RevokeCredential(Principal principal, String id, String reason) {
    public RevokeCredential {
      Require.nonNull("principal", principal);
      Require.nonNull("id", id);
      Require.nonNull("reason", reason);
    }
  }

  /**
   * A credential just issued and its key, which is shown this once and never again.
   *
   * @param key {@code ogcr_<id>_<secret>}: the API key
   * @param secret the secret alone, the OAuth {@code client_secret} ({@code client_id} is the id)
   */
  record IssuedCredential(CredentialView credential, String key, String secret) {
    public IssuedCredential {
      Require.nonNull("credential", credential);
      Require.nonNull("key", key);
      Require.nonNull("secret", secret);
    }

    /** Leaves the key and the secret out, so that a log line never shows them. */
    @Override
    public String toString() {
      return "IssuedCredential[credential=" + credential + ", key=(shown once)]";
    }
  }

  /**
   * Role administrator. Returns the credential and its key, once.
   *
   * @throws AccessDeniedException {@code role_required}; {@code identity_mismatch} when the
   *     directory does not list the actor under the organisation
   * @throws org.ogcr.domain.common.InvalidValueException an unknown scope, a blank label, a rate
   *     that is not positive, an expiry not after now
   */
  IssuedCredential issue(IssueCredential command);

  /**
   * Role administrator. A revoked credential never authenticates again.
   *
   * @return the credential as revoked
   * @throws NotFoundException when there is no credential with the id
   * @throws UseCaseRefusedException {@code credential_revoked} when it was revoked already
   */
  CredentialView revoke(RevokeCredential command);

  /**
   * Role administrator: the credentials of {@code organisation}, or all, in id order, revoked and
   * expired ones included. Denials are audited.
   */
  List<CredentialView> list(Principal principal, Optional<OrganisationId> organisation);

  /** Role administrator. Denials are audited. */
  Optional<CredentialView> find(Principal principal, String id);

  /**
   * The credential an API key {@code ogcr_<id>_<secret>} names, when the secret is its secret and
   * it is neither revoked nor expired; empty otherwise, never an exception, whatever the text. A
   * refusal of a well-formed credential id is recorded in the access log.
   */
  Optional<Credential> authenticate(String presentedKey);

  /**
   * {@link #authenticate} for the OAuth 2.0 client-credentials grant: {@code clientId} is the
   * credential's id and {@code clientSecret} its secret.
   */
  Optional<Credential> authenticateClient(String clientId, String clientSecret);

  /**
   * The credential {@code id} when it is neither revoked nor expired now; empty otherwise, also for
   * any text that is not a credential id. No principal check and no secret: for the edge, to check
   * that the client an access token was issued to is still active and to find its rate limit.
   */
  Optional<Credential> active(String id);

  /**
   * On the first start of a registry that has no credential at all, issues one to {@code admin} of
   * {@code registryOrganisation}: roles administrator and operator, every scope, label {@value
   * #BOOTSTRAP_LABEL}, {@value #BOOTSTRAP_RATE_PER_MINUTE} requests a minute, no expiry. Returns
   * it, so the server shows its key once; empty when any credential exists, revoked ones included.
   * Safe when several instances start together over one database: exactly one issues.
   *
   * <p>The directory port has no writes: register {@code admin} under {@code registryOrganisation}
   * in the directory (the adapter's {@code identity().register}) so that the credential's principal
   * passes the checks that consult the directory.
   */
  Optional<IssuedCredential> bootstrap(ActorId admin, OrganisationId registryOrganisation);
}
