package org.ogcr.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * A credential of the registry, as stored: an API key for server-to-server use, and the same
 * credential as an OAuth 2.0 client for the client-credentials grant ({@code client_id} is {@link
 * #id}, {@code client_secret} its secret). A request made with it acts as {@link #actor} of {@link
 * #organisation} with {@link #roles}, within {@link #scopes} and at most {@link #ratePerMinute}
 * requests a minute.
 *
 * <p>Only the SHA-256 of the secret is kept, never the secret. The secret is 32 bytes from a
 * cryptographically secure random source (256 bits of entropy), so a fast hash is right: nothing
 * can be guessed or brute-forced from the hash, and a slow password hash (bcrypt, Argon2) would
 * only cost time on every request. {@link #toString} leaves the hash out.
 *
 * <p>It lives beside {@link Principal} and {@link Role} (the principal it yields is {@link
 * #principal}) rather than in {@code org.ogcr.port.model}, which must not depend on this package.
 *
 * @param id 16 lower-case base32 characters ({@code a-z}, {@code 2-7}), random
 * @param actor whom requests made with the credential act as
 * @param roles the roles those requests hold; may be empty
 * @param scopes what the REST edge lets those requests reach (see {@link Scopes}); at least one,
 *     each matching {@link Scopes#SYNTAX}
 * @param label what the credential is for, 1 to {@value #MAX_LABEL} characters, not blank
 * @param ratePerMinute its own rate limit, positive
 * @param secretHash the lower-case hex SHA-256 of the secret's text
 * @param createdBy the administrator who issued it
 * @param expiresAt when it stops authenticating, if ever
 * @param revokedAt when it was revoked; a revoked credential never authenticates again
 * @param revokedBy who revoked it; present exactly when {@code revokedAt} is
 * @param version 1 when issued, 2 once revoked (optimistic concurrency, as other records)
 */
public record Credential(
    String id,
    OrganisationId organisation,
    ActorId actor,
    Set<Role> roles,
    Set<String> scopes,
    String label,
    int ratePerMinute,
    String secretHash,
    Instant createdAt,
    ActorId createdBy,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<ActorId> revokedBy,
    long version) {

  /** The syntax of a credential id. */
  public static final Pattern ID = Pattern.compile("[a-z2-7]{16}");

  /** The longest label: 256 characters. */
  public static final int MAX_LABEL = 256;

  /** The longest scope: 64 characters. */
  public static final int MAX_SCOPE = 64;

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public Credential {
    requireId(id);
    Require.nonNull("organisation", organisation);
    Require.nonNull("actor", actor);
    roles = roles(roles);
    scopes = scopes(scopes);
    label = label(label);
    if (ratePerMinute <= 0) {
      throw new InvalidValueException("ratePerMinute", ratePerMinute, "must be positive");
    }
    Require.matches("secretHash", secretHash, HASH, "must be 64 lower-case hex digits");
    Require.nonNull("createdAt", createdAt);
    Require.nonNull("createdBy", createdBy);
    Require.nonNull("expiresAt", expiresAt);
    Require.nonNull("revokedAt", revokedAt);
    Require.nonNull("revokedBy", revokedBy);
    if (revokedAt.isPresent() != revokedBy.isPresent()) {
      throw new InvalidValueException(
          "revokedBy", revokedBy.orElse(null), "must be given exactly when revokedAt is");
    }
    Require.positive("version", version);
  }

  /** {@code id}, when it is a credential id. */
  public static String requireId(String id) {
    return Require.matches(
        "credentialId", id, ID, "must be 16 lower-case base32 characters (a-z, 2-7)");
  }

  /** Whether {@code id} is a credential id. */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The principal requests made with this credential act as. */
  public Principal principal() {
    return new Principal(actor, organisation, roles);
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  /** Whether it has expired at {@code now}: its expiry is at or before {@code now}. */
  public boolean expired(Instant now) {
    Require.nonNull("now", now);
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }

  /** Whether it authenticates at {@code now}: neither revoked nor expired. */
  public boolean active(Instant now) {
    return !revoked() && !expired(now);
  }

  /** Whether its scopes include {@code scope}. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** This credential, revoked at {@code at} by {@code by}, at the next version. */
  public Credential revokedAt(Instant at, ActorId by) {
    return new Credential(
        id,
        organisation,
        actor,
        roles,
        scopes,
        label,
        ratePerMinute,
        secretHash,
        createdAt,
        createdBy,
        expiresAt,
        Optional.of(Require.nonNull("at", at)),
        Optional.of(Require.nonNull("by", by)),
        version + 1);
  }

  /** Everything but the secret's hash. */
  @Override
  public String toString() {
    return "Credential[id="
        + id
        + ", organisation="
        + organisation
        + ", actor="
        + actor
        + ", roles="
        + roles
        + ", scopes="
        + scopes
        + ", label="
        + label
        + ", ratePerMinute="
        + ratePerMinute
        + ", createdAt="
        + createdAt
        + ", createdBy="
        + createdBy
        + ", expiresAt="
        + expiresAt
        + ", revokedAt="
        + revokedAt
        + ", revokedBy="
        + revokedBy
        + ", version="
        + version
        + "]";
  }

  static Set<Role> roles(Set<Role> roles) {
    Require.noNulls("roles", roles);
    return Collections.unmodifiableSet(
        roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  static SortedSet<String> scopes(Set<String> scopes) {
    Require.nonEmpty("scopes", scopes);
    for (String s : scopes) {
      if (s.length() > MAX_SCOPE || !Scopes.SYNTAX.matcher(s).matches()) {
        throw new InvalidValueException(
            "scopes",
            s,
            "must each be lower-case letters, optionally a colon and more, at most "
                + MAX_SCOPE
                + " characters, for example projects:write");
      }
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  static String label(String label) {
    Require.nonNull("label", label);
    if (label.isBlank() || label.length() > MAX_LABEL || !printable(label)) {
      throw new InvalidValueException(
          "label",
          label,
          "must be 1 to " + MAX_LABEL + " characters, not blank, without control characters");
    }
    return label;
  }

  /** No control character and no lone surrogate: text every database stores as given. */
  private static boolean printable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
