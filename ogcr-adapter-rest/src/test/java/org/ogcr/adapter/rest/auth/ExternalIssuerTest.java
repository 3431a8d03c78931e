package org.ogcr.adapter.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.adapter.rest.auth.TokenFixtures.T0;
import static org.ogcr.adapter.rest.auth.TokenFixtures.claimsAt;
import static org.ogcr.adapter.rest.auth.TokenFixtures.headerFor;
import static org.ogcr.adapter.rest.auth.TokenFixtures.signed;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.rest.auth.InvalidTokenException.Check;
import org.ogcr.adapter.rest.auth.TokenFixtures.TestClock;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.in.Role;

/**
 * An external authorization server stood in for by a JDK HTTP server on a random loopback port that
 * serves a JWKS document, so the fetching, caching and refetching of keys is real and nothing
 * leaves the machine.
 */
class ExternalIssuerTest {

  private static final String IDP = "https://idp.example.org/realms/ogcr";
  private static final String AUDIENCE = "ogcr-registry";

  private static RSAKey idpKey;
  private static RSAKey rotatedKey;
  private static RSAKey impostorKey;

  private final TestClock clock = new TestClock();
  private final AtomicReference<String> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private HttpServer server;

  @BeforeAll
  static void generateKeys() throws Exception {
    // RSA, because that is what most external issuers sign with; generated once, as it is slow.
    idpKey = new RSAKeyGenerator(2048).keyID("idp-1").keyUse(KeyUse.SIGNATURE).generate();
    rotatedKey = new RSAKeyGenerator(2048).keyID("idp-2").keyUse(KeyUse.SIGNATURE).generate();
    impostorKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
  }

  @BeforeEach
  void startServer() throws IOException {
    published.set(new JWKSet(idpKey.toPublicJWK()).toString());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks.json", this::serveKeys);
    server.createContext(
        "/broken",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void serveKeys(HttpExchange exchange) throws IOException {
    fetches.incrementAndGet();
    byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private ExternalIssuer trusting(String path) {
    return ExternalIssuer.builder()
        .issuer(IDP)
        .audience(AUDIENCE)
        .jwksUri(url(path))
        .algorithms("RS256")
        .clock(clock)
        .build();
  }

  private static JWTClaimsSet idpClaims() {
    return claimsAt(T0)
        .issuer(IDP)
        .audience(AUDIENCE)
        .claim("roles", java.util.List.of("verifier"))
        .build();
  }

  private static String signedBy(RSAKey key) throws Exception {
    return signed(
        headerFor(JWSAlgorithm.RS256, key.getKeyID()).build(), idpClaims(), new RSASSASigner(key));
  }

  @Test
  void givenTokenSignedByTheIssuersKey_validate_accepts() throws Exception {
    ExternalIssuer issuer = trusting("/jwks.json");

    VerifiedToken verified = issuer.validate(signedBy(idpKey));

    assertThat(verified.actor()).isEqualTo(new ActorId("alice"));
    assertThat(verified.roles()).containsExactly(Role.VERIFIER);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void givenTokenSignedByAnotherKeyWithTheSameKid_validate_isRefused() throws Exception {
    ExternalIssuer issuer = trusting("/jwks.json");

    assertThatThrownBy(() -> issuer.validate(signedBy(impostorKey)))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
  }

  @Test
  void givenSeveralTokens_keySet_isFetchedOnce() throws Exception {
    ExternalIssuer issuer = trusting("/jwks.json");

    issuer.validate(signedBy(idpKey));
    issuer.validate(signedBy(idpKey));
    clock.advance(Duration.ofMinutes(1));
    issuer.validate(signedBy(idpKey));

    assertThat(fetches).hasValue(1);
  }

  @Test
  void givenRotatedKey_unknownKid_isRefetchedAndAccepted() throws Exception {
    ExternalIssuer issuer = trusting("/jwks.json");
    issuer.validate(signedBy(idpKey));

    published.set(
        new JWKSet(java.util.List.of(idpKey.toPublicJWK(), rotatedKey.toPublicJWK())).toString());

    assertThat(issuer.validate(signedBy(rotatedKey)).tokenId()).isEqualTo("jti-0001");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void givenKidTheIssuerNeverPublished_validate_isRefused() throws Exception {
    ExternalIssuer issuer = trusting("/jwks.json");
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();

    assertThatThrownBy(() -> issuer.validate(signedBy(stranger)))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.KEY));
  }

  @Test
  void givenHs256KeyedWithTheIssuersPublicKey_validate_isRefused() throws Exception {
    String token =
        signed(
            headerFor(JWSAlgorithm.HS256, "idp-1").build(),
            idpClaims(),
            new MACSigner(idpKey.toRSAPublicKey().getEncoded()));

    assertThatThrownBy(() -> trusting("/jwks.json").validate(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.ALGORITHM));
    assertThat(fetches).as("refused before any key was looked up").hasValue(0);
  }

  @Test
  void givenTokenOfTheRegistryItself_externalIssuer_refusesItsIssuer() throws Exception {
    String token =
        signed(
            headerFor(JWSAlgorithm.RS256, "idp-1").build(),
            claimsAt(T0).audience(AUDIENCE).build(),
            new RSASSASigner(idpKey));

    assertThatThrownBy(() -> trusting("/jwks.json").validate(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.ISSUER));
  }

  @Test
  void givenExpiredToken_validate_isRefused() throws Exception {
    ExternalIssuer issuer = trusting("/jwks.json");
    String token = signedBy(idpKey);

    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> issuer.validate(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.check()).isEqualTo(Check.EXPIRED));
  }

  @Test
  void givenKeySetThatCannotBeFetched_validate_saysKeysAreUnavailable() throws Exception {
    ExternalIssuer issuer = trusting("/broken");
    String token = signedBy(idpKey);

    assertThatThrownBy(() -> issuer.validate(token))
        .isInstanceOf(TokenKeysUnavailableException.class)
        .hasMessageContaining(IDP);
  }

  @Test
  void givenUnsafeSettings_builder_refusesThem() {
    assertThatThrownBy(() -> ExternalIssuer.builder().algorithms("HS256"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExternalIssuer.builder().algorithms("none"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExternalIssuer.builder().algorithms())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExternalIssuer.builder().jwksUri("http://idp.example.org/jwks"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ExternalIssuer.builder()
                    .issuer(IDP)
                    .audience(AUDIENCE)
                    .jwksUri(url("/jwks.json"))
                    .clock(clock)
                    .build())
        .as("no algorithms")
        .isInstanceOf(IllegalStateException.class);
  }
}
