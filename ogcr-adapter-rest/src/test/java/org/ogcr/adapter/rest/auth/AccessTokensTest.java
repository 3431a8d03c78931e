package org.ogcr.adapter.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.adapter.rest.auth.TokenFixtures.AUDIENCE;
import static org.ogcr.adapter.rest.auth.TokenFixtures.ISSUER;
import static org.ogcr.adapter.rest.auth.TokenFixtures.T0;
import static org.ogcr.adapter.rest.auth.TokenFixtures.claimsAt;
import static org.ogcr.adapter.rest.auth.TokenFixtures.headerFor;
import static org.ogcr.adapter.rest.auth.TokenFixtures.signed;
import static org.ogcr.adapter.rest.auth.TokenFixtures.tokensWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.rest.auth.InvalidTokenException.Check;
import org.ogcr.adapter.rest.auth.TokenFixtures.RegistryKey;
import org.ogcr.adapter.rest.auth.TokenFixtures.TestClock;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

class AccessTokensTest {

  private final TestClock clock = new TestClock();
  private final RegistryKey key = new RegistryKey();
  private final AccessTokens tokens = tokensWith(key, clock).build();

  private static final Principal ALICE =
      Principal.of("alice", "org-north", Role.HOLDER, Role.DEVELOPER);

  @Test
  void givenIssuedToken_validate_returnsWhatWasIssued() {
    IssuedToken issued =
        tokens.issue(ALICE, "registry-web", Set.of("projects:read", "credits:write"));

    VerifiedToken verified = tokens.validate(issued.value());

    assertThat(verified.actor()).isEqualTo(new ActorId("alice"));
    assertThat(verified.organisation()).isEqualTo(new OrganisationId("org-north"));
    assertThat(verified.roles()).containsExactlyInAnyOrder(Role.DEVELOPER, Role.HOLDER);
    assertThat(verified.scopes()).containsExactlyInAnyOrder("projects:read", "credits:write");
    assertThat(verified.clientId()).isEqualTo("registry-web");
    assertThat(verified.tokenId()).isEqualTo(issued.tokenId());
    assertThat(verified.expiresAt()).isEqualTo(issued.expiresAt());
    assertThat(verified.principal()).isEqualTo(ALICE);
  }

  @Test
  void givenIssuedToken_headerAndClaims_areTheRfc9068Set() throws Exception {
    IssuedToken issued = tokens.issue(ALICE, "registry-web", Set.of("b", "a"));

    SignedJWT jwt = SignedJWT.parse(issued.value());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.kid()).isEqualTo(tokens.keyId());
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getAudience()).containsExactly(AUDIENCE);
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getStringClaim("client_id")).isEqualTo("registry-web");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(T0).isEqualTo(issued.issuedAt());
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(claims.getJWTID()).isEqualTo(issued.tokenId()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(claims.getStringClaim("scope")).isEqualTo("a b");
    assertThat(claims.getStringClaim("org")).isEqualTo("org-north");
    assertThat(claims.getStringListClaim("roles")).containsExactly("developer", "holder");
    assertThat(issued.expiresInSeconds()).isEqualTo(900);
  }

  @Test
  void givenTwoIssues_tokenIds_differ() {
    IssuedToken first = tokens.issue(ALICE, "registry-web", Set.of());
    IssuedToken second = tokens.issue(ALICE, "registry-web", Set.of());

    assertThat(first.tokenId()).isNotEqualTo(second.tokenId());
  }

  @Test
  void givenNoScopes_issue_omitsScopeAndValidateGrantsNone() throws Exception {
    IssuedToken issued = tokens.issue(ALICE, "registry-web", Set.of());

    assertThat(SignedJWT.parse(issued.value()).getJWTClaimsSet().getClaim("scope")).isNull();
    assertThat(tokens.validate(issued.value()).scopes()).isEmpty();
  }

  @Test
  void givenIssuedToken_toString_leavesTheCredentialOut() {
    IssuedToken issued = tokens.issue(ALICE, "registry-web", Set.of());

    assertThat(issued.toString()).doesNotContain(issued.value()).contains(issued.tokenId());
  }

  @Test
  void givenTokenWithoutRoles_validate_grantsNoRole() {
    String token =
        signed(
            headerFor(JWSAlgorithm.ES256, key.kid()).build(),
            claimsAt(T0).claim("roles", null).build(),
            key.signer());

    assertThat(tokens.validate(token).roles()).isEmpty();
  }

  @Test
  void givenConfiguredLifetime_issue_expiresThen() {
    AccessTokens shortLived = tokensWith(key, clock).lifetime(Duration.ofMinutes(2)).build();

    IssuedToken issued = shortLived.issue(ALICE, "registry-web", Set.of());

    assertThat(issued.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    assertThat(AccessTokens.DEFAULT_LIFETIME).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void givenTokenPastExpByLessThanSkew_validate_accepts() {
    IssuedToken issued = tokens.issue(ALICE, "registry-web", Set.of());

    clock.advance(Duration.ofMinutes(15).plusSeconds(59));

    assertThat(tokens.validate(issued.value()).actor()).isEqualTo(new ActorId("alice"));
  }

  @Test
  void givenTokenPastExpBySkew_validate_isRefusedAsExpired() {
    IssuedToken issued = tokens.issue(ALICE, "registry-web", Set.of());

    clock.advance(Duration.ofMinutes(15).plusSeconds(60));

    assertThatThrownBy(() -> tokens.validate(issued.value()))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.EXPIRED))
        .hasMessageContaining("expired");
  }

  @Test
  void givenZeroSkew_validate_refusesAtExp() {
    AccessTokens strict = tokensWith(key, clock).clockSkew(Duration.ZERO).build();
    IssuedToken issued = strict.issue(ALICE, "registry-web", Set.of());

    clock.advance(Duration.ofMinutes(15));

    assertThatThrownBy(() -> strict.validate(issued.value()))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.EXPIRED));
  }

  @Test
  void givenApplicationAtJwtType_validate_accepts() {
    String token =
        signed(
            headerFor(JWSAlgorithm.ES256, key.kid())
                .type(new JOSEObjectType("application/at+jwt"))
                .build(),
            claimsAt(T0).build(),
            key.signer());

    assertThat(tokens.validate(token).clientId()).isEqualTo("registry-web");
  }

  @Test
  void givenAudienceArrayHoldingOurs_validate_accepts() {
    String token =
        signed(
            headerFor(JWSAlgorithm.ES256, key.kid()).build(),
            claimsAt(T0).audience(List.of("https://other.example", AUDIENCE)).build(),
            key.signer());

    assertThat(tokens.validate(token).actor()).isEqualTo(new ActorId("alice"));
  }

  @Test
  void givenPersistedKey_anotherInstance_acceptsTheFirstInstancesTokens() {
    AccessTokens secondInstance = tokensWith(key, clock).build();
    IssuedToken issued = tokens.issue(ALICE, "registry-web", Set.of());

    assertThat(secondInstance.validate(issued.value()).tokenId()).isEqualTo(issued.tokenId());
    assertThat(secondInstance.jwks()).isEqualTo(tokens.jwks());
  }

  @Test
  void givenGeneratedKeys_twoInstances_refuseEachOthersTokens() {
    AccessTokens one =
        AccessTokens.builder().issuer(ISSUER).audience(AUDIENCE).clock(clock).build();
    AccessTokens two =
        AccessTokens.builder().issuer(ISSUER).audience(AUDIENCE).clock(clock).build();
    IssuedToken issued = one.issue(ALICE, "registry-web", Set.of());

    assertThat(one.keyId()).isNotEqualTo(two.keyId());
    assertThatThrownBy(() -> two.validate(issued.value()))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.KEY));
  }

  @Test
  void givenJwks_itHoldsThePublicKeyOnly() throws Exception {
    JWKSet set = JWKSet.parse(tokens.jwks());

    assertThat(set.getKeys()).hasSize(1);
    JWK published = set.getKeys().get(0);
    assertThat(published.isPrivate()).isFalse();
    assertThat(tokens.jwks()).doesNotContain("\"d\"");
    assertThat(published.getKeyID()).isEqualTo(key.kid());
    assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(((ECKey) published).getCurve()).isEqualTo(Curve.P_256);
    assertThat(((ECKey) published).getX()).isEqualTo(key.key.getX());
  }

  @Test
  void givenKeyWithoutKid_build_namesItByThumbprint() throws Exception {
    ECKey bare = new ECKeyGenerator(Curve.P_256).generate();

    AccessTokens built =
        AccessTokens.builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .clock(clock)
            .signingKeyJwk(bare.toJSONString())
            .build();

    assertThat(built.keyId()).isEqualTo(bare.computeThumbprint().toString());
    assertThat(JWKSet.parse(built.jwks()).getKeys().get(0).getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
  }

  @Test
  void givenUnfitSigningKeys_build_isRefused() throws Exception {
    String publicOnly = key.key.toPublicJWK().toJSONString();
    String rsa = new RSAKeyGenerator(2048).generate().toJSONString();
    String p384 = new ECKeyGenerator(Curve.P_384).generate().toJSONString();
    String forEncryption =
        new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).generate().toJSONString();
    String forEs384 =
        new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES384).generate().toJSONString();

    for (String jwk : List.of(publicOnly, rsa, p384, forEncryption, forEs384, "{}", "not json")) {
      assertThatThrownBy(
              () ->
                  AccessTokens.builder()
                      .issuer(ISSUER)
                      .audience(AUDIENCE)
                      .clock(clock)
                      .signingKeyJwk(jwk)
                      .build())
          .as(jwk)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void givenPrivatePartOfAnotherKey_build_isRefused() throws Exception {
    ECKey other = new ECKeyGenerator(Curve.P_256).generate();
    ECKey mismatched =
        new ECKey.Builder(key.key.getCurve(), key.key.getX(), key.key.getY())
            .d(other.getD())
            .keyID("mismatched")
            .build();

    assertThatThrownBy(
            () ->
                AccessTokens.builder()
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .clock(clock)
                    .signingKeyJwk(mismatched.toJSONString())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void givenUnsafeSettings_builder_refusesThem() {
    assertThatThrownBy(() -> AccessTokens.builder().issuer("http://registry.example.org"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokens.builder().issuer("https://registry.example.org/?x=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokens.builder().issuer("registry"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokens.builder().audience(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokens.builder().clockSkew(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokens.builder().lifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokens.builder().issuer(ISSUER).audience(AUDIENCE).build())
        .as("no clock")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenLoopbackHttpIssuer_builder_acceptsIt() {
    AccessTokens local =
        AccessTokens.builder()
            .issuer("http://127.0.0.1:7070")
            .audience(AUDIENCE)
            .clock(clock)
            .build();

    assertThat(local.issuer()).isEqualTo("http://127.0.0.1:7070");
  }

  @Test
  void givenMalformedClientIdOrScope_issue_isRefused() {
    assertThatThrownBy(() -> tokens.issue(ALICE, "", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issue(ALICE, "caf\u00e9", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issue(ALICE, "registry-web", Set.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.issue(ALICE, "registry-web", Set.of("quote\"")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
