package org.ogcr.adapter.rest.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/**
 * The registry's built-in authorization server's access tokens: issues RFC 9068 JWT access tokens
 * signed with one EC P-256 key (ES256) and validates them.
 *
 * <p>An issued token carries the header {@code typ: at+jwt} and {@code kid} (RFC 9068 §2.1) and the
 * claims {@code iss}, {@code aud}, {@code sub}, {@code client_id}, {@code iat}, {@code exp}, {@code
 * jti} (§2.2), {@code scope} (§2.2.3, when scopes were granted), {@code roles} (§2.2.3.1, the
 * lower-case {@link Role#token()} names) and the registry's own {@code org}, the organisation the
 * actor acts for.
 *
 * <p>{@link #validate} refuses, with an {@link InvalidTokenException} naming the check: anything
 * but an ES256 JWS ({@code alg: none}, HMAC, RSA; RFC 8725 §3.1), a {@code typ} other than {@code
 * at+jwt} or {@code application/at+jwt} (RFC 9068 §4, RFC 8725 §3.11), a signature that does not
 * verify under this instance's key, an {@code iss} that is not exactly the configured issuer, an
 * {@code aud} without the configured audience (RFC 9068 §4 steps 2 and 3), an {@code exp} in the
 * past or an {@code iat}/{@code nbf} in the future beyond the clock skew (step 5), and a token
 * without {@code sub}, {@code client_id}, {@code jti}, {@code iat}, {@code exp} or {@code org}, or
 * with a role the registry does not know.
 *
 * <p>Time comes only from the clock given to the builder. Every instance behind one load balancer
 * must be built with the same key ({@link Builder#signingKeyJwk}); a generated key lives and dies
 * with its instance. Instances are immutable and safe to share between request threads.
 */
public final class AccessTokens implements AccessTokenValidator {

  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
  public static final Duration DEFAULT_CLOCK_SKEW = TokenChecks.DEFAULT_CLOCK_SKEW;

  /** RFC 6749 §2.2 and Appendix A.1: client_id = *VSCHAR. */
  private static final Pattern CLIENT_ID = Pattern.compile("[\\x20-\\x7E]+");

  /** 128 bits: a jti collision would let one token's revocation or replay check hit another. */
  private static final int TOKEN_ID_BYTES = 16;

  private final ECKey signingKey;
  private final JWSSigner signer;
  private final JWKSet publicKeys;
  private final TokenChecks checks;
  private final Supplier<Instant> clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  private AccessTokens(Builder builder, ECKey signingKey) throws JOSEException {
    this.signingKey = signingKey;
    this.signer = new ECDSASigner(signingKey);
    this.publicKeys = new JWKSet(signingKey.toPublicJWK());
    this.clock = builder.clock;
    this.lifetime = builder.lifetime;
    this.checks =
        new TokenChecks(
            builder.issuer,
            builder.audience,
            Set.of(JWSAlgorithm.ES256),
            new ImmutableJWKSet<>(publicKeys),
            builder.clock,
            builder.clockSkew);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new EC P-256 private key as a JWK JSON object, with {@code kid} (its RFC 7638 thumbprint),
   * {@code use: sig} and {@code alg: ES256}: what an operator stores as a secret and hands to
   * {@link Builder#signingKeyJwk} so that tokens outlive a restart and every instance shares them.
   */
  public static String newSigningKeyJwk() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256)
          .keyIDFromThumbprint(true)
          .generate()
          .toJSONString();
    } catch (JOSEException e) {
      throw new IllegalStateException("the JDK cannot generate an EC P-256 key", e);
    }
  }

  /**
   * Signs an access token for the principal, acting through {@code clientId}, with the granted
   * scopes; valid from now for the configured lifetime.
   */
  public IssuedToken issue(Principal principal, String clientId, Set<String> scopes) {
    return issue(principal, clientId, clientId, scopes);
  }

  /**
   * Signs an access token for a person who signed in with the registry credential {@code
   * credentialId}, acting through the application {@code clientId} (the authorization code grant).
   * The token names the credential in its {@value TokenChecks#CREDENTIAL} claim, so that revoking
   * the credential stops the token at once.
   */
  public IssuedToken issue(
      Principal principal, String clientId, String credentialId, Set<String> scopes) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(credentialId, "credentialId");
    if (!CLIENT_ID.matcher(credentialId).matches()) {
      throw new IllegalArgumentException(
          "credentialId must be 1 or more printable ASCII characters");
    }
    if (!CLIENT_ID.matcher(clientId).matches()) {
      throw new IllegalArgumentException("clientId must be 1 or more printable ASCII characters");
    }
    List<String> scopeList = TokenChecks.requireScopes(scopes).stream().sorted().toList();
    // JWT NumericDate is whole seconds (RFC 7519 §2); truncating here keeps the returned
    // instants equal to what the token says.
    Instant issuedAt = clock.get().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    String tokenId = newTokenId();

    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(checks.issuer())
            .audience(checks.audience())
            .subject(principal.actor().value())
            .claim(TokenChecks.CLIENT_ID, clientId)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(tokenId)
            .claim(TokenChecks.ORGANISATION, principal.organisation().value())
            .claim(TokenChecks.ROLES, roleTokens(principal.roles()));
    if (!credentialId.equals(clientId)) {
      claims.claim(TokenChecks.CREDENTIAL, credentialId);
    }
    if (!scopeList.isEmpty()) {
      claims.claim(TokenChecks.SCOPE, String.join(" ", scopeList));
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(TokenChecks.AT_JWT)
                .keyID(signingKey.getKeyID())
                .build(),
            claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing an access token failed", e);
    }
    return new IssuedToken(jwt.serialize(), tokenId, issuedAt, expiresAt);
  }

  @Override
  public VerifiedToken validate(String token) {
    return checks.validate(token);
  }

  /**
   * The public signing key as a JWK Set document (RFC 7517 §5), for {@code /.well-known/jwks.json}.
   * Never holds the private part.
   */
  public String jwks() {
    return publicKeys.toString(true);
  }

  public String issuer() {
    return checks.issuer();
  }

  public String audience() {
    return checks.audience();
  }

  /** The {@code kid} every issued token names. */
  public String keyId() {
    return signingKey.getKeyID();
  }

  public Duration lifetime() {
    return lifetime;
  }

  private String newTokenId() {
    byte[] bytes = new byte[TOKEN_ID_BYTES];
    random.nextBytes(bytes);
    return Base64URL.encode(bytes).toString();
  }

  private static List<String> roleTokens(Set<Role> roles) {
    // Enum order, so the same principal always gets the same claim.
    Set<Role> ordered = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    return ordered.stream().map(Role::token).collect(Collectors.toList());
  }

  /**
   * Reads the operator's key: it must be a private EC P-256 key meant for signing with ES256. A key
   * without {@code kid} gets its RFC 7638 thumbprint, and the published copy always states {@code
   * use: sig} and {@code alg: ES256}, so no verifier ever pairs it with another algorithm (RFC 8725
   * §3.1).
   */
  static ECKey signingKeyOf(String jwkJson) {
    JWK jwk;
    try {
      jwk = JWK.parse(jwkJson);
    } catch (ParseException e) {
      throw new IllegalArgumentException("signing key is not a JWK: " + e.getMessage(), e);
    }
    if (!(jwk instanceof ECKey) || !Curve.P_256.equals(((ECKey) jwk).getCurve())) {
      throw new IllegalArgumentException("signing key must be an EC P-256 key (ES256)");
    }
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("signing key lacks its private part d");
    }
    if (jwk.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(jwk.getAlgorithm())) {
      throw new IllegalArgumentException("signing key is for alg " + jwk.getAlgorithm());
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      throw new IllegalArgumentException("signing key is for use " + jwk.getKeyUse());
    }
    try {
      ECKey.Builder key =
          new ECKey.Builder((ECKey) jwk).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256);
      if (jwk.getKeyID() == null) {
        key.keyIDFromThumbprint();
      }
      ECKey built = key.build();
      requireMatchingHalves(built);
      return built;
    } catch (JOSEException e) {
      throw new IllegalArgumentException("signing key is unusable: " + e.getMessage(), e);
    }
  }

  /**
   * A JWK whose {@code d} belongs to another key than its {@code x} and {@code y} parses fine and
   * would sign tokens nobody can verify; one signature at start-up finds that out.
   */
  private static void requireMatchingHalves(ECKey key) throws JOSEException {
    JWSObject probe =
        new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("signing key probe"));
    probe.sign(new ECDSASigner(key));
    if (!probe.verify(new ECDSAVerifier(key.toPublicJWK()))) {
      throw new IllegalArgumentException("signing key's private part d does not match x and y");
    }
  }

  /** Settings of {@link AccessTokens}; issuer, audience and clock are required. */
  public static final class Builder {

    private String issuer;
    private String audience;
    private Supplier<Instant> clock;
    private String signingKeyJwk;
    private Duration lifetime = DEFAULT_LIFETIME;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;

    private Builder() {}

    /**
     * The authorization server's issuer identifier, compared exactly: an https URL without query or
     * fragment (RFC 8414 §2); http only on a loopback host.
     */
    public Builder issuer(String issuer) {
      this.issuer = TokenChecks.requireIssuer(issuer);
      return this;
    }

    /** The resource indicator of the registry API, put in {@code aud} and required there. */
    public Builder audience(String audience) {
      this.audience = TokenChecks.requireAudience(audience);
      return this;
    }

    /** The only source of time for {@code iat}, {@code exp} and every time check. */
    public Builder clock(Supplier<Instant> clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The private EC P-256 key as a JWK JSON object, for example from {@link #newSigningKeyJwk()};
     * without one, {@link #build()} generates a key for this instance alone.
     */
    public Builder signingKeyJwk(String jwkJson) {
      this.signingKeyJwk = Objects.requireNonNull(jwkJson, "signingKeyJwk");
      return this;
    }

    /** How long an issued token lives; at least a second; {@link #DEFAULT_LIFETIME} otherwise. */
    public Builder lifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("lifetime must be at least 1 second; was " + lifetime);
      }
      this.lifetime = lifetime;
      return this;
    }

    /**
     * How far {@code exp}, {@code iat} and {@code nbf} may be off before a token is refused, 0 to 5
     * minutes; {@link #DEFAULT_CLOCK_SKEW} otherwise.
     */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = TokenChecks.requireClockSkew(clockSkew);
      return this;
    }

    public AccessTokens build() {
      if (issuer == null || audience == null || clock == null) {
        throw new IllegalStateException("issuer, audience and clock are required");
      }
      ECKey key = signingKeyOf(signingKeyJwk != null ? signingKeyJwk : newSigningKeyJwk());
      try {
        return new AccessTokens(this, key);
      } catch (JOSEException e) {
        throw new IllegalArgumentException("signing key is unusable: " + e.getMessage(), e);
      }
    }
  }
}
