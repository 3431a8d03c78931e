package org.ogcr.application;

import static org.ogcr.application.Access.requireRole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.AccessLogUseCases;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.in.CredentialView;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.Scopes;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.out.DrivenPorts;

/**
 * Issues, revokes and checks credentials. Ids and secrets come from a {@link SecureRandom} here, in
 * the application: the domain never reads a random source. Only the SHA-256 of a secret is stored,
 * and a presented secret's hash is compared in constant time.
 */
final class CredentialService implements CredentialUseCases {

  /** Taken by {@link #bootstrap}, so that of several instances starting together one issues. */
  static final String BOOTSTRAP_LOCK = "credentials-bootstrap";

  static final String KEY_PREFIX = "ogcr_";

  /** 32 bytes, base64url without padding. */
  private static final int SECRET_BYTES = 32;

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final Pattern KEY = Pattern.compile("ogcr_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");

  /** The longest text worth parsing as a key; anything longer is malformed. */
  private static final int MAX_KEY = 128;

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private static final int MAX_REASON = 1024;

  /** Compared against when the id is unknown, so that an unknown id costs what a known one does. */
  private static final String NO_HASH = "0".repeat(64);

  private final DrivenPorts ports;
  private final Decisions decisions;
  private final AccessLogUseCases accessLog;
  private final SecureRandom random;

  CredentialService(
      DrivenPorts ports, Decisions decisions, AccessLogUseCases accessLog, SecureRandom random) {
    this.ports = ports;
    this.decisions = decisions;
    this.accessLog = accessLog;
    this.random = random;
  }

  static String resource(String id) {
    return Credential.isId(id) ? "credential/" + id : "credentials";
  }

  @Override
  public IssuedCredential issue(IssueCredential c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "credential.issue",
        "credentials",
        now -> {
          requireRole(who, "issuing a credential", Role.ADMINISTRATOR);
          Scopes.requireKnown(c.scopes());
          requireLabel(c.label());
          if (c.ratePerMinute() <= 0) {
            throw new InvalidValueException("ratePerMinute", c.ratePerMinute(), "must be positive");
          }
          if (c.expiresAt().isPresent() && !c.expiresAt().get().isAfter(now)) {
            throw new InvalidValueException(
                "expiresAt", c.expiresAt().get(), "must be after now, " + now);
          }
          Access.requireListed(ports.identity(), c.actor(), c.organisation());
          IssuedCredential issued =
              mint(
                  c.actor(),
                  c.organisation(),
                  c.roles(),
                  c.scopes(),
                  c.label(),
                  c.ratePerMinute(),
                  c.expiresAt(),
                  now,
                  who.actor());
          return new Decisions.Outcome<>(issued, "issued " + describe(issued.credential()));
        });
  }

  @Override
  public CredentialView revoke(RevokeCredential c) {
    Principal who = c.principal();
    String id = c.id();
    return decisions.decide(
        who,
        "credential.revoke",
        resource(id),
        now -> {
          requireRole(who, "revoking a credential", Role.ADMINISTRATOR);
          if (!Credential.isId(id)) {
            throw new InvalidValueException(
                "credentialId",
                id.length() + " characters",
                "must be 16 lower-case base32 characters (a-z, 2-7)");
          }
          String reason = requireReason(c.reason());
          Credential stored =
              ports
                  .credentials()
                  .find(id)
                  .orElseThrow(() -> new NotFoundException("credential", id));
          if (stored.revoked()) {
            throw new UseCaseRefusedException(
                "credential_revoked",
                "credential "
                    + id
                    + " was revoked at "
                    + stored.revokedAt().get()
                    + " by "
                    + stored.revokedBy().get()
                    + "; it never authenticates again, so there is nothing to revoke");
          }
          Credential revoked =
              ports.credentials().revoke(id, now.truncatedTo(ChronoUnit.MICROS), who.actor());
          return new Decisions.Outcome<>(
              CredentialView.of(revoked),
              "revoked credential " + id + " of " + revoked.actor() + ": " + reason);
        });
  }

  @Override
  public List<CredentialView> list(Principal who, Optional<OrganisationId> organisation) {
    Require.nonNull("principal", who);
    Require.nonNull("organisation", organisation);
    decisions.checkRead(
        who,
        "credential.list",
        "credentials",
        () -> requireRole(who, "listing credentials", Role.ADMINISTRATOR));
    return ports.credentials().list(organisation).stream().map(CredentialView::of).toList();
  }

  @Override
  public Optional<CredentialView> find(Principal who, String id) {
    Require.nonNull("principal", who);
    Require.nonNull("id", id);
    decisions.checkRead(
        who,
        "credential.find",
        resource(id),
        () -> requireRole(who, "reading a credential", Role.ADMINISTRATOR));
    if (!Credential.isId(id)) {
      return Optional.empty();
    }
    return ports.credentials().find(id).map(CredentialView::of);
  }

  @Override
  public Optional<Credential> authenticate(String presentedKey) {
    if (presentedKey == null || presentedKey.length() > MAX_KEY) {
      return Optional.empty();
    }
    Matcher key = KEY.matcher(presentedKey);
    if (!key.matches()) {
      // a key of a well-formed id whose secret is malformed is still an attempt on that credential
      if (presentedKey.startsWith(KEY_PREFIX)
          && presentedKey.length() > KEY_PREFIX.length() + 16
          && presentedKey.charAt(KEY_PREFIX.length() + 16) == '_') {
        String id = presentedKey.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 16);
        if (Credential.isId(id)) {
          refused(id, "api key", "malformed secret");
        }
      }
      return Optional.empty();
    }
    return check(key.group(1), key.group(2), "api key");
  }

  @Override
  public Optional<Credential> authenticateClient(String clientId, String clientSecret) {
    if (!Credential.isId(clientId)) {
      return Optional.empty();
    }
    if (clientSecret == null || !SECRET.matcher(clientSecret).matches()) {
      refused(clientId, "oauth client", "malformed secret");
      return Optional.empty();
    }
    return check(clientId, clientSecret, "oauth client");
  }

  @Override
  public Optional<Credential> active(String id) {
    if (!Credential.isId(id)) {
      return Optional.empty();
    }
    Instant now = ports.clock().now();
    return ports.credentials().find(id).filter(c -> c.active(now));
  }

  /** The credential {@code id}, when {@code secret} is its secret and it is active now. */
  private Optional<Credential> check(String id, String secret, String via) {
    Instant now = ports.clock().now();
    Optional<Credential> found = ports.credentials().find(id);
    byte[] presented = sha256Hex(secret).getBytes(StandardCharsets.US_ASCII);
    byte[] expected =
        found.map(Credential::secretHash).orElse(NO_HASH).getBytes(StandardCharsets.US_ASCII);
    boolean matches = MessageDigest.isEqual(presented, expected);
    if (found.isEmpty()) {
      refused(id, via, "unknown credential");
      return Optional.empty();
    }
    Credential c = found.get();
    if (!matches) {
      refused(id, via, "wrong secret");
      return Optional.empty();
    }
    if (c.revoked()) {
      refused(id, via, "revoked at " + c.revokedAt().get());
      return Optional.empty();
    }
    if (c.expired(now)) {
      refused(id, via, "expired at " + c.expiresAt().get());
      return Optional.empty();
    }
    return found;
  }

  /** Records a refused authentication in the access log: not audited, anyone may cause one. */
  private void refused(String id, String via, String why) {
    accessLog.record(
        new AccessLogUseCases.Attempt(
            Optional.empty(),
            Optional.of(id),
            "AUTH",
            "credential/" + id,
            401,
            AccessRecord.Outcome.FAILED,
            "",
            via + " refused: " + why));
  }

  @Override
  public Optional<IssuedCredential> bootstrap(ActorId admin, OrganisationId registryOrganisation) {
    Require.nonNull("admin", admin);
    Require.nonNull("registryOrganisation", registryOrganisation);
    if (ports.credentials().count() > 0) {
      return Optional.empty();
    }
    Set<Role> roles = EnumSet.of(Role.ADMINISTRATOR, Role.OPERATOR);
    Principal first = new Principal(admin, registryOrganisation, roles);
    return ports
        .unitOfWork()
        .transact(
            () -> {
              // instances starting together queue here; the first issues, the others then see it
              ports.unitOfWork().lock(BOOTSTRAP_LOCK);
              if (ports.credentials().count() > 0) {
                return Optional.<IssuedCredential>empty();
              }
              Instant now = ports.clock().now();
              IssuedCredential issued =
                  mint(
                      admin,
                      registryOrganisation,
                      roles,
                      Scopes.ALL,
                      BOOTSTRAP_LABEL,
                      BOOTSTRAP_RATE_PER_MINUTE,
                      Optional.empty(),
                      now,
                      admin);
              decisions.recordAllowed(
                  first,
                  now,
                  "credential.bootstrap",
                  resource(issued.credential().id()),
                  "issued the first " + describe(issued.credential()));
              return Optional.of(issued);
            });
  }

  /** Draws an unused id and a secret, and stores the credential with the secret's hash. */
  private IssuedCredential mint(
      ActorId actor,
      OrganisationId organisation,
      Set<Role> roles,
      Set<String> scopes,
      String label,
      int ratePerMinute,
      Optional<Instant> expiresAt,
      Instant now,
      ActorId by) {
    String id = newId();
    while (ports.credentials().find(id).isPresent()) {
      id = newId();
    }
    String secret = newSecret();
    Credential credential =
        new Credential(
            id,
            organisation,
            actor,
            roles,
            scopes,
            label,
            ratePerMinute,
            sha256Hex(secret),
            now.truncatedTo(ChronoUnit.MICROS),
            by,
            expiresAt.map(e -> e.truncatedTo(ChronoUnit.MICROS)),
            Optional.empty(),
            Optional.empty(),
            1);
    ports.credentials().insert(credential);
    return new IssuedCredential(
        CredentialView.of(credential), KEY_PREFIX + id + "_" + secret, secret);
  }

  /** 80 random bits as 16 lower-case base32 characters. */
  private String newId() {
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    StringBuilder id = new StringBuilder(16);
    long bits = 0;
    int held = 0;
    for (byte b : bytes) {
      bits = (bits << 8) | (b & 0xff);
      held += 8;
      while (held >= 5) {
        held -= 5;
        id.append(BASE32[(int) (bits >>> held) & 31]);
      }
    }
    return id.toString();
  }

  /** 32 random bytes, base64url without padding: 43 characters. */
  private String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The lower-case hex SHA-256 of the secret's text. A fast hash suffices: the secret is 256 random
   * bits, so there is nothing to guess from the hash, and a slow password hash would only cost time
   * on every request.
   */
  static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void requireLabel(String label) {
    if (label.isBlank()
        || label.length() > Credential.MAX_LABEL
        || label.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException(
          "label",
          label.length() + " characters",
          "must be 1 to "
              + Credential.MAX_LABEL
              + " characters, not blank, without control characters");
    }
  }

  private static String requireReason(String reason) {
    if (reason.isBlank()
        || reason.length() > MAX_REASON
        || reason.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException(
          "reason",
          reason.length() + " characters",
          "must be 1 to " + MAX_REASON + " characters, not blank, without control characters");
    }
    return reason;
  }

  private static String describe(CredentialView c) {
    return "credential "
        + c.id()
        + " for "
        + c.actor()
        + " of "
        + c.organisation()
        + ", roles "
        + c.roles().stream().map(Role::token).sorted().toList()
        + ", scopes "
        + c.scopes()
        + ", "
        + c.ratePerMinute()
        + " requests a minute, "
        + c.expiresAt().map(e -> "expires " + e).orElse("no expiry")
        + ", label \""
        + c.label()
        + "\"";
  }
}
