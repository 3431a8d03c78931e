package org.ogcr.adapter.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.adapter.rest.auth.TokenFixtures.ISSUER;
import static org.ogcr.adapter.rest.auth.TokenFixtures.T0;
import static org.ogcr.adapter.rest.auth.TokenFixtures.b64;
import static org.ogcr.adapter.rest.auth.TokenFixtures.claimsAt;
import static org.ogcr.adapter.rest.auth.TokenFixtures.compact;
import static org.ogcr.adapter.rest.auth.TokenFixtures.headerFor;
import static org.ogcr.adapter.rest.auth.TokenFixtures.signed;
import static org.ogcr.adapter.rest.auth.TokenFixtures.tokensWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.adapter.rest.auth.InvalidTokenException.Check;
import org.ogcr.adapter.rest.auth.TokenFixtures.RegistryKey;
import org.ogcr.adapter.rest.auth.TokenFixtures.TestClock;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/**
 * Tokens an attacker or a misconfigured issuer would present. Each must be refused, and refused by
 * the check meant for it: a test that only asserted "refused" would pass if, say, the audience
 * check were gone but the token happened to fail on something else. Claim attacks are therefore
 * signed with the registry's real key.
 */
class AccessTokenAttacksTest {

  private final TestClock clock = new TestClock();
  private final RegistryKey key = new RegistryKey();
  private final AccessTokens tokens = tokensWith(key, clock).build();

  private JWSHeader es256() {
    return headerFor(JWSAlgorithm.ES256, key.kid()).build();
  }

  private String signedByRegistry(JWTClaimsSet claims) {
    return signed(es256(), claims, key.signer());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String token, Check check) {
    return assertThatThrownBy(() -> tokens.validate(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class,
            e -> {
              assertThat(e.check()).as(e.getMessage()).isEqualTo(check);
              assertThat(e.code()).isEqualTo("invalid_token");
              assertThat(e.wwwAuthenticate())
                  .matches(
                      "Bearer error=\"invalid_token\", "
                          + "error_description=\"[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*\"");
            });
  }

  @Test
  void givenTheSameTokenSignedProperly_validate_accepts() {
    // The control for every claim attack below: only the named change makes them fail.
    assertThat(tokens.validate(signedByRegistry(claimsAt(T0).build())).tokenId())
        .isEqualTo("jti-0001");
  }

  // --- algorithm (RFC 8725 §3.1, §2.1) ---

  @Test
  void givenUnsignedAlgNoneToken_validate_isRefused() {
    String token =
        new PlainJWT(
                new PlainHeader.Builder().type(TokenChecks.AT_JWT).build(), claimsAt(T0).build())
            .serialize();

    assertRefused(token, Check.ALGORITHM).hasMessageContaining("alg none");
  }

  @ParameterizedTest
  @ValueSource(strings = {"None", "NONE", "nOnE"})
  void givenAlgNoneSpelledInAnotherCase_validate_isRefused(String alg) {
    // Only the exact "none" makes an unsecured JWS; any other spelling is an unknown algorithm,
    // refused by the algorithm check whatever signature comes with it.
    String header = "{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}";

    assertRefused(compact(header, claimsAt(T0).build(), "c2ln"), Check.ALGORITHM);
    assertThatThrownBy(() -> tokens.validate(compact(header, claimsAt(T0).build(), "")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void givenAlgNoneHeaderOverAValidSignature_validate_isRefused() {
    String valid = signedByRegistry(claimsAt(T0).build());
    String[] parts = valid.split("\\.");
    String token = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + "." + parts[2];

    assertThatThrownBy(() -> tokens.validate(token)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void givenHs256TokenKeyedWithThePublicKeyBytes_validate_isRefused() throws Exception {
    // Key confusion: a validator that let the header pick the algorithm would feed the public
    // key, which anyone can fetch from /.well-known/jwks.json, to an HMAC verifier as the secret.
    byte[] publicDer = key.key.toECPublicKey().getEncoded();
    byte[] publishedJwks = tokens.jwks().getBytes(StandardCharsets.UTF_8);

    for (byte[] secret : List.of(publicDer, publishedJwks)) {
      String token =
          signed(
              headerFor(JWSAlgorithm.HS256, key.kid()).build(),
              claimsAt(T0).build(),
              new MACSigner(secret));

      assertRefused(token, Check.ALGORITHM).hasMessageContaining("HS256");
    }
  }

  @Test
  void givenRs256Token_whenOnlyEs256IsConfigured_validate_isRefused() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID(key.kid()).generate();
    String token =
        signed(
            headerFor(JWSAlgorithm.RS256, key.kid()).build(),
            claimsAt(T0).build(),
            new RSASSASigner(rsa));

    assertRefused(token, Check.ALGORITHM).hasMessageContaining("RS256");
  }

  @Test
  void givenEs384Header_validate_isRefused() throws Exception {
    ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID(key.kid()).generate();
    String token =
        signed(
            headerFor(JWSAlgorithm.ES384, key.kid()).build(),
            claimsAt(T0).build(),
            new ECDSASigner(p384));

    assertRefused(token, Check.ALGORITHM);
  }

  // --- signature and key ---

  @Test
  void givenTokenSignedByAnotherKeyWithTheSameKid_validate_isRefused() throws Exception {
    ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(key.kid()).generate();
    String token = signed(es256(), claimsAt(T0).build(), new ECDSASigner(impostor));

    assertRefused(token, Check.SIGNATURE);
  }

  @Test
  void givenHeaderCarryingTheAttackersOwnKey_validate_isRefused() throws Exception {
    // RFC 8725 §3.10 in spirit: a key the token brings (jwk header) must never be trusted.
    ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(key.kid()).generate();
    JWSHeader header = headerFor(JWSAlgorithm.ES256, key.kid()).jwk(impostor.toPublicJWK()).build();
    String token = signed(header, claimsAt(T0).build(), new ECDSASigner(impostor));

    assertRefused(token, Check.SIGNATURE);
  }

  @Test
  void givenTamperedPayload_validate_isRefused() {
    String valid = signedByRegistry(claimsAt(T0).build());
    String[] parts = valid.split("\\.");
    JWTClaimsSet elevated = claimsAt(T0).claim("roles", List.of("administrator")).build();
    String token = parts[0] + "." + b64(elevated.toString()) + "." + parts[2];

    assertRefused(token, Check.SIGNATURE);
  }

  @Test
  void givenSignatureWithStrayCharacters_validate_isRefused() {
    String valid = signedByRegistry(claimsAt(T0).build());

    assertRefused(valid + "=", Check.MALFORMED);
    assertRefused(valid.substring(0, 40) + "!" + valid.substring(40), Check.MALFORMED);
  }

  @Test
  void givenUnknownKid_validate_isRefused() throws Exception {
    ECKey other = new ECKeyGenerator(Curve.P_256).keyID("other-kid").generate();
    String token =
        signed(
            headerFor(JWSAlgorithm.ES256, "other-kid").build(),
            claimsAt(T0).build(),
            new ECDSASigner(other));

    assertRefused(token, Check.KEY).hasMessageContaining("other-kid");
  }

  @Test
  void givenUnderstoodNothingCriticalHeader_validate_isRefused() {
    JWSHeader header =
        headerFor(JWSAlgorithm.ES256, key.kid())
            .criticalParams(Set.of("urn:example:policy"))
            .customParam("urn:example:policy", "strict")
            .build();

    assertRefused(signed(header, claimsAt(T0).build(), key.signer()), Check.CRITICAL_HEADER);
  }

  // --- type (RFC 9068 §4, RFC 8725 §3.11) ---

  @ParameterizedTest
  @ValueSource(strings = {"JWT", "jwt", "application/jwt", "at+jwt+x", "dpop+jwt", "id_token"})
  void givenWrongType_validate_isRefused(String typ) {
    JWSHeader header =
        headerFor(JWSAlgorithm.ES256, key.kid()).type(new JOSEObjectType(typ)).build();

    assertRefused(signed(header, claimsAt(T0).build(), key.signer()), Check.TYPE);
  }

  @Test
  void givenMissingType_validate_isRefused() {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid()).build();

    assertRefused(signed(header, claimsAt(T0).build(), key.signer()), Check.TYPE);
  }

  @Test
  void givenIdTokenOfTheSameIssuer_validate_isRefused() {
    // An OpenID Connect ID token shares issuer, key and often audience; its typ gives it away.
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.kid()).build();
    JWTClaimsSet idToken = claimsAt(T0).claim("nonce", "n-0S6_WzA2Mj").build();

    assertRefused(signed(header, idToken, key.signer()), Check.TYPE);
  }

  // --- issuer and audience (RFC 9068 §4 steps 2 and 3) ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://attacker.example",
        "https://registry.example.org/",
        "HTTPS://REGISTRY.EXAMPLE.ORG",
        "https://registry.example.org.attacker.example"
      })
  void givenWrongIssuer_validate_isRefused(String iss) {
    assertRefused(signedByRegistry(claimsAt(T0).issuer(iss).build()), Check.ISSUER);
  }

  @Test
  void givenMissingIssuer_validate_isRefused() {
    assertRefused(signedByRegistry(claimsAt(T0).issuer(null).build()), Check.ISSUER);
  }

  @Test
  void givenWrongAudience_validate_isRefused() {
    String token =
        signedByRegistry(claimsAt(T0).audience("https://another-resource.example").build());

    assertRefused(token, Check.AUDIENCE);
  }

  @Test
  void givenMissingAudience_validate_isRefused() {
    assertRefused(signedByRegistry(claimsAt(T0).audience((String) null).build()), Check.AUDIENCE);
  }

  // --- time (RFC 9068 §4 step 5, RFC 7519 §4.1.4, §4.1.5) ---

  @Test
  void givenExpiredToken_validate_isRefused() {
    String token = signedByRegistry(claimsAt(T0).build());

    clock.advance(Duration.ofMinutes(16).plusSeconds(1));

    assertRefused(token, Check.EXPIRED);
  }

  @Test
  void givenNotYetValidToken_validate_isRefused() {
    JWTClaimsSet claims =
        claimsAt(T0).notBeforeTime(Date.from(T0.plus(Duration.ofMinutes(5)))).build();

    assertRefused(signedByRegistry(claims), Check.NOT_YET_VALID);
  }

  @Test
  void givenNotBeforeWithinSkew_validate_accepts() {
    JWTClaimsSet claims = claimsAt(T0).notBeforeTime(Date.from(T0.plusSeconds(30))).build();

    assertThat(tokens.validate(signedByRegistry(claims)).tokenId()).isEqualTo("jti-0001");
  }

  @Test
  void givenTokenIssuedInTheFuture_validate_isRefused() {
    assertRefused(
        signedByRegistry(claimsAt(T0.plus(Duration.ofMinutes(2))).build()), Check.NOT_YET_VALID);
  }

  @Test
  void givenExpNotAfterIat_validate_isRefused() {
    JWTClaimsSet claims = claimsAt(T0).expirationTime(Date.from(T0)).build();

    clock.advance(Duration.ofSeconds(-30));

    assertRefused(signedByRegistry(claims), Check.CLAIMS);
  }

  // --- required claims (RFC 9068 §2.2) and the registry's own ---

  @ParameterizedTest
  @ValueSource(strings = {"sub", "jti", "client_id", "iat", "exp", "org"})
  void givenMissingRequiredClaim_validate_isRefused(String claim) {
    JWTClaimsSet claims = claimsAt(T0).claim(claim, null).build();

    assertRefused(signedByRegistry(claims), Check.CLAIMS).hasMessageContaining(claim + " missing");
  }

  @Test
  void givenBlankClientIdOrJti_validate_isRefused() {
    assertRefused(signedByRegistry(claimsAt(T0).claim("client_id", " ").build()), Check.CLAIMS);
    assertRefused(signedByRegistry(claimsAt(T0).jwtID("").build()), Check.CLAIMS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"superuser", "DEVELOPER", "Developer", "developer ", ""})
  void givenUnknownRole_validate_isRefused(String role) {
    JWTClaimsSet claims = claimsAt(T0).claim("roles", List.of("holder", role)).build();

    assertRefused(signedByRegistry(claims), Check.CLAIMS).hasMessageContaining("unknown role");
  }

  @Test
  void givenRolesAsString_validate_isRefused() {
    assertRefused(signedByRegistry(claimsAt(T0).claim("roles", "developer").build()), Check.CLAIMS);
  }

  @Test
  void givenOrganisationOrSubjectThatIsNoRegistryIdentifier_validate_isRefused() {
    assertRefused(
        signedByRegistry(claimsAt(T0).claim("org", "org/../admin").build()), Check.CLAIMS);
    assertRefused(signedByRegistry(claimsAt(T0).subject("-alice").build()), Check.CLAIMS);
    assertRefused(signedByRegistry(claimsAt(T0).claim("org", 42).build()), Check.CLAIMS);
  }

  @Test
  void givenMalformedScope_validate_isRefused() {
    assertRefused(signedByRegistry(claimsAt(T0).claim("scope", "a  b").build()), Check.CLAIMS);
    assertRefused(
        signedByRegistry(claimsAt(T0).claim("scope", List.of("a", "b")).build()), Check.CLAIMS);
  }

  // --- structure ---

  @Test
  void givenMalformedTokens_validate_isRefused() {
    assertRefused("", Check.MALFORMED);
    assertRefused("not-a-token", Check.MALFORMED);
    assertRefused("a.b", Check.MALFORMED);
    assertRefused("Bearer " + signedByRegistry(claimsAt(T0).build()), Check.MALFORMED);
    assertRefused("e30.e30.e30.e30.e30", Check.MALFORMED);
    assertRefused(b64("not json") + "." + b64("{}") + ".", Check.MALFORMED);
    assertRefused("x".repeat(TokenChecks.MAX_TOKEN_CHARS) + ".e30.e30", Check.MALFORMED);
    assertThatThrownBy(() -> tokens.validate(null)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void givenPayloadThatIsNoClaimsSet_validate_isRefused() throws Exception {
    String header = Base64URL.encode(es256().toString()).toString();
    String payload = b64("[1,2,3]");
    String input = header + "." + payload;
    Base64URL signature = key.signer().sign(es256(), input.getBytes(StandardCharsets.US_ASCII));

    assertRefused(input + "." + signature, Check.MALFORMED);
  }

  @Test
  void givenRefusalQuotingAttackerText_wwwAuthenticate_staysOneSafeHeader() {
    String token =
        signedByRegistry(claimsAt(T0).issuer("https://x\"\r\nSet-Cookie: a=b\\").build());

    assertRefused(token, Check.ISSUER)
        .isInstanceOfSatisfying(
            InvalidTokenException.class,
            e -> assertThat(e.wwwAuthenticate()).doesNotContain("\r", "\n", "\\").contains(ISSUER));
  }

  @Test
  void givenRegistryIssuedTokenForOtherAudience_anotherRegistry_refusesIt() {
    AccessTokens otherResource =
        tokensWith(key, clock).audience("https://other-registry.example/api").build();
    String token =
        otherResource
            .issue(Principal.of("alice", "org-north", Role.OPERATOR), "c", Set.of())
            .value();

    assertRefused(token, Check.AUDIENCE);
  }
}
