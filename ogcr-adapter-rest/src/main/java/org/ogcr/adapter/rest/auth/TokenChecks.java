package org.ogcr.adapter.rest.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ogcr.adapter.rest.auth.InvalidTokenException.Check;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Role;

/**
 * The validation both {@link AccessTokens} and {@link ExternalIssuer} run, in RFC 9068 §4 order
 * with the RFC 8725 hardening: structure, algorithm, type, key, signature, then the claims. Header
 * checks come first because they are cheap and need no key; no claim is looked at before the
 * signature holds, so a refusal never reports on content an attacker wrote.
 */
final class TokenChecks implements AccessTokenValidator {

  /** RFC 9068 §2.1. */
  static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

  static final String CLIENT_ID = "client_id";
  static final String SCOPE = "scope";
  static final String ORGANISATION = "org";
  static final String ROLES = "roles";

  /**
   * The registry credential a person signed in with, when it is not the client itself (the
   * authorization code grant); a private claim of the registry's own tokens.
   */
  static final String CREDENTIAL = "ogcr_credential";

  static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** RFC 7519 §4.1.4 allows "a few minutes" of leeway; more would stretch every token's life. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Far above any token this registry issues (well under 1 KiB), low enough that an attacker cannot
   * make the parser chew megabytes per request.
   */
  static final int MAX_TOKEN_CHARS = 8192;

  /**
   * Three base64url parts; the signature may be empty only so that an unsigned token reaches the
   * algorithm check and is refused there by name. The parser decodes base64url leniently, so
   * without this a token padded with stray characters in its signature would still verify.
   */
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
  static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  /**
   * RFC 8725 §3.1: only signature algorithms with a public verification key. HMAC is out, so a
   * public key can never be used as an HMAC secret; EdDSA is out because nimbus verifies it only
   * with Tink, which this module does not ship.
   */
  private static final Set<JWSAlgorithm> ASYMMETRIC =
      Set.of(
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512);

  /** RFC 7518 §3.3: RSA keys of 2048 bits or more. */
  private static final int MIN_RSA_BITS = 2048;

  private final String issuer;
  private final String audience;
  private final Set<JWSAlgorithm> algorithms;
  private final JWKSource<SecurityContext> keys;
  private final Supplier<Instant> clock;
  private final Duration clockSkew;

  TokenChecks(
      String issuer,
      String audience,
      Set<JWSAlgorithm> algorithms,
      JWKSource<SecurityContext> keys,
      Supplier<Instant> clock,
      Duration clockSkew) {
    this.issuer = requireIssuer(issuer);
    this.audience = requireAudience(audience);
    this.algorithms = Set.copyOf(algorithms);
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clockSkew = requireClockSkew(clockSkew);
  }

  String issuer() {
    return issuer;
  }

  String audience() {
    return audience;
  }

  @Override
  public VerifiedToken validate(String token) {
    SignedJWT jwt = parse(token);
    JWSHeader header = jwt.getHeader();
    checkAlgorithm(header.getAlgorithm());
    checkType(header.getType());
    checkCriticalHeader(header);
    verifySignature(jwt, header);
    JWTClaimsSet claims = claimsOf(jwt);
    checkIssuer(claims);
    checkAudience(claims);
    Instant expiresAt = checkTimes(claims);
    return grantOf(claims, expiresAt);
  }

  private static SignedJWT parse(String token) {
    if (token == null || token.isEmpty()) {
      throw refused(Check.MALFORMED, "token is empty");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw refused(Check.MALFORMED, "token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    if (!COMPACT_JWS.matcher(token).matches()) {
      throw refused(Check.MALFORMED, "token is not a compact JWS of three base64url parts");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException(Check.MALFORMED, "token does not parse as a signed JWT", e);
    }
    if (jwt instanceof PlainJWT) {
      throw refused(Check.ALGORITHM, "alg none: unsigned tokens are refused");
    }
    if (!(jwt instanceof SignedJWT)) {
      throw refused(Check.MALFORMED, "token is not a JWS");
    }
    return (SignedJWT) jwt;
  }

  private void checkAlgorithm(JWSAlgorithm alg) {
    // RFC 8725 §3.1: the header names the algorithm, the validator decides whether to honour it.
    if (!algorithms.contains(alg)) {
      throw refused(
          Check.ALGORITHM,
          "alg " + shown(alg.getName()) + " is not accepted; expected " + names(algorithms));
    }
  }

  private static void checkType(JOSEObjectType type) {
    // RFC 9068 §4 and RFC 8725 §3.11: explicit typing keeps an ID token or any other JWT signed
    // by the same key from passing as an access token. Media types compare case-insensitively
    // (RFC 6838 §4.2) and RFC 7515 §4.1.9 lets "application/" be omitted.
    if (type == null) {
      throw refused(Check.TYPE, "typ missing; expected at+jwt");
    }
    String typ = type.getType().toLowerCase(Locale.ROOT);
    if (!typ.equals("at+jwt") && !typ.equals("application/at+jwt")) {
      throw refused(Check.TYPE, "typ " + shown(type.getType()) + " is not at+jwt");
    }
  }

  private static void checkCriticalHeader(JWSHeader header) {
    // RFC 7515 §4.1.11: a recipient that does not understand a critical parameter must refuse.
    // The verifiers would also return false, but then the refusal would read "signature".
    Set<String> critical = header.getCriticalParams();
    if (critical != null && !critical.isEmpty()) {
      throw refused(
          Check.CRITICAL_HEADER,
          "crit " + shown(String.join(",", critical)) + " is not understood");
    }
  }

  private void verifySignature(SignedJWT jwt, JWSHeader header) {
    // Keys come only from the configured key set; jwk, jku, x5u and x5c in the header are never
    // used, or the token would bring its own key (RFC 8725 §3.10 in spirit).
    List<JWK> candidates = candidateKeys(header);
    if (candidates.isEmpty()) {
      throw refused(
          Check.KEY,
          "no key of the issuer fits kid "
              + shown(header.getKeyID())
              + " and alg "
              + header.getAlgorithm().getName());
    }
    for (JWK key : candidates) {
      try {
        if (jwt.verify(verifierFor(key))) {
          return;
        }
      } catch (JOSEException e) {
        // A key the verifier cannot use cannot have produced the signature; try the next one.
      }
    }
    throw refused(
        Check.SIGNATURE, "signature does not verify under kid " + shown(header.getKeyID()));
  }

  private List<JWK> candidateKeys(JWSHeader header) {
    JWSAlgorithm alg = header.getAlgorithm();
    JWKMatcher.Builder matcher =
        new JWKMatcher.Builder()
            .keyType(KeyType.forAlgorithm(alg))
            .keyID(header.getKeyID())
            .keyUses(KeyUse.SIGNATURE, null)
            .algorithms(alg, null)
            .nonRevokedOnly(true);
    if (JWSAlgorithm.Family.EC.contains(alg)) {
      matcher.curves(Curve.forJWSAlgorithm(alg));
    } else {
      matcher.minKeySize(MIN_RSA_BITS);
    }
    try {
      return keys.get(new JWKSelector(matcher.build()), null);
    } catch (RateLimitReachedException e) {
      // An unknown kid makes the remote source refetch; the rate limit stops a flood of invented
      // kids from turning into a flood of requests to the issuer. The kid stays unknown.
      throw new InvalidTokenException(
          Check.KEY, "no key of the issuer fits kid " + shown(header.getKeyID()), e);
    } catch (KeySourceException e) {
      throw new TokenKeysUnavailableException(
          "the key set of " + issuer + " is unavailable: " + e.getMessage(), e);
    }
  }

  private static JWSVerifier verifierFor(JWK key) throws JOSEException {
    // Each key type gets only the verifier of its own family, so an RSA or EC public key can
    // never end up in an HMAC verifier (RFC 8725 §2.1, key confusion).
    if (key instanceof ECKey) {
      return new ECDSAVerifier(((ECKey) key).toPublicJWK());
    }
    if (key instanceof RSAKey) {
      return new RSASSAVerifier(((RSAKey) key).toPublicJWK());
    }
    throw new JOSEException("unsupported key type " + key.getKeyType());
  }

  private static JWTClaimsSet claimsOf(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException(Check.MALFORMED, "payload is not a JWT claims set", e);
    }
  }

  private void checkIssuer(JWTClaimsSet claims) {
    // RFC 9068 §4 step 2 and RFC 8725 §3.8: exact string comparison, no normalisation, so a
    // trailing slash or another case is a different issuer.
    String iss = claims.getIssuer();
    if (iss == null) {
      throw refused(Check.ISSUER, "iss missing");
    }
    if (!iss.equals(issuer)) {
      throw refused(Check.ISSUER, "iss " + shown(iss) + " is not " + issuer);
    }
  }

  private void checkAudience(JWTClaimsSet claims) {
    // RFC 9068 §4 step 3, RFC 8725 §3.9: a token minted for another resource server of the same
    // issuer must not be replayable here.
    List<String> aud = claims.getAudience();
    if (!aud.contains(audience)) {
      throw refused(
          Check.AUDIENCE,
          aud.isEmpty()
              ? "aud missing"
              : "aud " + shown(String.join(" ", aud)) + " lacks " + audience);
    }
  }

  private Instant checkTimes(JWTClaimsSet claims) {
    Instant now = Objects.requireNonNull(clock.get(), "clock returned null");
    Instant exp = required(claims.getExpirationTime(), "exp");
    Instant iat = required(claims.getIssueTime(), "iat");
    // RFC 7519 §4.1.4: the token is valid only while now is before exp; the skew allows for
    // issuer and server clocks that disagree by a little.
    if (!now.isBefore(exp.plus(clockSkew))) {
      throw refused(Check.EXPIRED, "token expired at " + exp);
    }
    if (iat.isAfter(now.plus(clockSkew))) {
      throw refused(Check.NOT_YET_VALID, "token issued in the future, at " + iat);
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(clockSkew))) {
      throw refused(Check.NOT_YET_VALID, "token not valid before " + nbf.toInstant());
    }
    if (!exp.isAfter(iat)) {
      throw refused(Check.CLAIMS, "exp " + exp + " is not after iat " + iat);
    }
    return exp;
  }

  private static Instant required(Date date, String claim) {
    if (date == null) {
      throw refused(Check.CLAIMS, claim + " missing");
    }
    return date.toInstant();
  }

  private static VerifiedToken grantOf(JWTClaimsSet claims, Instant expiresAt) {
    ActorId actor = identifier(claims.getSubject(), "sub", ActorId::new);
    OrganisationId organisation =
        identifier(stringClaim(claims, ORGANISATION), ORGANISATION, OrganisationId::new);
    String clientId = nonBlank(stringClaim(claims, CLIENT_ID), CLIENT_ID);
    String tokenId = nonBlank(claims.getJWTID(), "jti");
    String credential = stringClaim(claims, CREDENTIAL);
    return new VerifiedToken(
        actor,
        organisation,
        rolesOf(claims),
        scopesOf(stringClaim(claims, SCOPE)),
        clientId,
        credential == null ? clientId : nonBlank(credential, CREDENTIAL),
        tokenId,
        expiresAt);
  }

  private static <T> T identifier(String value, String claim, Function<String, T> parse) {
    if (value == null) {
      throw refused(Check.CLAIMS, claim + " missing");
    }
    try {
      return parse.apply(value);
    } catch (InvalidValueException e) {
      throw new InvalidTokenException(
          Check.CLAIMS, claim + " " + shown(value) + " is not a registry identifier", e);
    }
  }

  private static String nonBlank(String value, String claim) {
    if (value == null || value.isBlank()) {
      throw refused(Check.CLAIMS, claim + " missing");
    }
    return value;
  }

  private static String stringClaim(JWTClaimsSet claims, String claim) {
    try {
      return claims.getStringClaim(claim);
    } catch (ParseException e) {
      throw new InvalidTokenException(Check.CLAIMS, claim + " is not a string", e);
    }
  }

  private static Set<Role> rolesOf(JWTClaimsSet claims) {
    // RFC 9068 §2.2.3.1 leaves roles optional; a token without them grants no role.
    if (claims.getClaim(ROLES) == null) {
      return Set.of();
    }
    List<String> names;
    try {
      names = claims.getStringListClaim(ROLES);
    } catch (ParseException e) {
      throw new InvalidTokenException(Check.CLAIMS, "roles is not an array of strings", e);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      roles.add(roleNamed(name));
    }
    return roles;
  }

  private static Role roleNamed(String name) {
    // Only the exact lower-case token: a role the registry does not know is a token minted for
    // another system or a typo in the issuer's mapping, and silently dropping it would hide both.
    for (Role role : Role.values()) {
      if (role.token().equals(name)) {
        return role;
      }
    }
    throw refused(Check.CLAIMS, "roles holds unknown role " + shown(name));
  }

  private static Set<String> scopesOf(String scope) {
    // RFC 9068 §2.2.3: space-delimited, as in RFC 6749 §3.3.
    if (scope == null || scope.isEmpty()) {
      return Set.of();
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String each : scope.split(" ", -1)) {
      if (!SCOPE_TOKEN.matcher(each).matches()) {
        throw refused(Check.CLAIMS, "scope " + shown(scope) + " is not a space-separated list");
      }
      scopes.add(each);
    }
    return scopes;
  }

  private static InvalidTokenException refused(Check check, String description) {
    return new InvalidTokenException(check, description);
  }

  /** A value from the token, quoted and cut short: it is attacker-written and ends up in logs. */
  private static String shown(String value) {
    if (value == null) {
      return "(none)";
    }
    return "'" + (value.length() <= 64 ? value : value.substring(0, 61) + "...") + "'";
  }

  private static String names(Collection<JWSAlgorithm> algs) {
    return algs.stream().map(JWSAlgorithm::getName).sorted().collect(Collectors.joining(", "));
  }

  /** Parses configured algorithm names, refusing any without a public verification key. */
  static Set<JWSAlgorithm> asymmetricAlgorithms(Collection<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("at least one algorithm must be accepted");
    }
    Set<JWSAlgorithm> algs = new LinkedHashSet<>();
    for (String name : names) {
      JWSAlgorithm alg = JWSAlgorithm.parse(name);
      if (!ASYMMETRIC.contains(alg)) {
        throw new IllegalArgumentException(
            "algorithm " + name + " is not accepted; use one of " + names(ASYMMETRIC));
      }
      algs.add(alg);
    }
    return algs;
  }

  /**
   * RFC 8414 §2: an issuer is an https URL without query or fragment. Plain http is let through for
   * loopback hosts only, for development and tests.
   */
  static String requireIssuer(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    URI uri = parseUri(issuer, "issuer");
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("issuer must have no query or fragment; was " + issuer);
    }
    requireHttpsOrLoopback(uri, "issuer");
    return issuer;
  }

  static URI parseUri(String value, String what) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException(what + " must be an absolute URL; was " + value);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " must be an absolute URL; was " + value, e);
    }
  }

  static void requireHttpsOrLoopback(URI uri, String what) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return;
    }
    throw new IllegalArgumentException(
        what + " must be https (http only on a loopback host); was " + uri);
  }

  private static boolean isLoopback(String host) {
    // Literal names and addresses only: resolving a name here would be network traffic at
    // configuration time and would trust whatever DNS answers.
    return host.equalsIgnoreCase("localhost")
        || host.equals("[::1]")
        || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }

  static String requireAudience(String audience) {
    Objects.requireNonNull(audience, "audience");
    if (audience.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
    return audience;
  }

  static Duration requireClockSkew(Duration skew) {
    Objects.requireNonNull(skew, "clockSkew");
    if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException(
          "clock skew must be between 0 and " + MAX_CLOCK_SKEW + "; was " + skew);
    }
    return skew;
  }

  /** Checks scope values before they are signed into a token, with the same rule as on reading. */
  static List<String> requireScopes(Collection<String> scopes) {
    List<String> checked = new ArrayList<>();
    for (String scope : scopes) {
      if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
        throw new IllegalArgumentException(
            "scope must be 1 or more of %x21 / %x23-5B / %x5D-7E (RFC 6749 §3.3); was " + scope);
      }
      checked.add(scope);
    }
    return checked;
  }
}
