package org.ogcr.adapter.rest.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Tokens built by hand, so a test can sign exactly the header and claims an attacker (or a broken
 * issuer) would send, with the legitimate key where the point is that a claim check, not the
 * signature, refuses the token.
 */
final class TokenFixtures {

  static final String ISSUER = "https://registry.example.org";
  static final String AUDIENCE = "https://registry.example.org/api";
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private TokenFixtures() {}

  /** A clock the test moves by hand. */
  static final class TestClock implements Supplier<Instant> {
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Override
    public Instant get() {
      return now.get();
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }
  }

  /** The registry's key, private part included, as the operator would store it. */
  static final class RegistryKey {
    final String jwk = AccessTokens.newSigningKeyJwk();
    final ECKey key;

    RegistryKey() {
      try {
        key = ECKey.parse(jwk);
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
    }

    String kid() {
      return key.getKeyID();
    }

    JWSSigner signer() {
      try {
        return new ECDSASigner(key);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static AccessTokens.Builder tokensWith(RegistryKey key, TestClock clock) {
    return AccessTokens.builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .clock(clock)
        .signingKeyJwk(key.jwk);
  }

  /** What the registry itself would sign at {@code iat}: every claim present and well formed. */
  static JWTClaimsSet.Builder claimsAt(Instant iat) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice")
        .claim("client_id", "registry-web")
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(iat.plus(Duration.ofMinutes(15))))
        .jwtID("jti-0001")
        .claim("scope", "projects:read")
        .claim("org", "org-north")
        .claim("roles", List.of("developer"));
  }

  static JWSHeader.Builder headerFor(JWSAlgorithm alg, String kid) {
    return new JWSHeader.Builder(alg).type(TokenChecks.AT_JWT).keyID(kid);
  }

  static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A compact token with whatever header text the attacker chose and no library in the way. */
  static String compact(String headerJson, JWTClaimsSet claims, String signature) {
    return b64(headerJson) + "." + b64(claims.toString()) + "." + signature;
  }

  static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
