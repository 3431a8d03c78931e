package org.ogcr.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.rest.auth.AccessTokens;

/**
 * The reference server's authentication over HTTP: API keys, the client credentials grant at the
 * token endpoint, and bearer access tokens on the API; refusals per RFC 6749 §5.2 and RFC 6750.
 */
class OAuthOverHttpTest {

  /** Credentials as the registry keeps them: by id, with the secret's hash. */
  private static final class Credentials implements CredentialCheck {
    final Map<String, Caller> callers = new HashMap<>();
    final Map<String, byte[]> secrets = new HashMap<>();

    void add(String id, String secret, Caller caller) {
      callers.put(id, caller);
      secrets.put(id, sha256(secret));
    }

    @Override
    public Optional<Caller> apiKey(String presented) {
      String[] parts = presented.split("_", 3);
      return parts.length == 3 ? client(parts[1], parts[2]) : Optional.empty();
    }

    @Override
    public Optional<Caller> client(String clientId, String clientSecret) {
      byte[] hash = secrets.get(clientId);
      return hash != null && MessageDigest.isEqual(hash, sha256(clientSecret))
          ? Optional.of(callers.get(clientId))
          : Optional.empty();
    }

    @Override
    public Optional<Integer> rateOf(String credentialId) {
      return Optional.ofNullable(callers.get(credentialId)).map(Caller::ratePerMinute);
    }

    private static byte[] sha256(String s) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Credentials credentials = new Credentials();
  private final ApiFixture api;
  private final AccessTokens tokens;

  OAuthOverHttpTest() {
    credentials.add(
        "bea0client",
        "s3cret",
        new Caller(ApiFixture.BEA, Set.of("credits:read", "credits:write"), "bea0client", 1000));
    tokens =
        AccessTokens.builder()
            .issuer("http://127.0.0.1")
            .audience("http://127.0.0.1")
            .clock(() -> java.time.Instant.now())
            .build();
    api = new ApiFixture(RestSettings.defaults("http://127.0.0.1"), credentials, tokens);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ApiFixture.Response token(String form, String... headers) {
    String[] all = new String[headers.length + 2];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = "application/x-www-form-urlencoded";
    return api.send("POST", "/oauth/token", null, form, all);
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void givenClientCredentials_theTokenEndpointIssuesAnAccessTokenTheApiAccepts() {
    ApiFixture.Response issued =
        token(
            "grant_type=client_credentials&scope=credits:write",
            "Authorization",
            basic("bea0client", "s3cret"));
    assertThat(issued.status).as(issued.body).isEqualTo(200);
    assertThat(issued.header("Cache-Control")).contains("no-store");
    JsonNode t = issued.json();
    assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.path("scope").asText()).isEqualTo("credits:write");
    assertThat(t.path("expires_in").asLong()).isPositive();

    String bearer = t.path("access_token").asText();
    ApiFixture.Response opened =
        api.send(
            "POST",
            "/accounts",
            null,
            "{\"id\": \"acme-main\"}",
            "Authorization",
            "Bearer " + bearer);
    assertThat(opened.status).as(opened.body).isEqualTo(201);
    assertThat(opened.json().path("holder").asText()).isEqualTo("acme-climate");

    ApiFixture.Response narrower =
        api.send("GET", "/accounts/acme-main", null, null, "Authorization", "Bearer " + bearer);
    assertThat(narrower.status).as("the token was narrowed to credits:write").isEqualTo(403);
  }

  @Test
  void givenRevokedCredential_itsAccessTokensStopAtOnce() {
    String bearer =
        token("grant_type=client_credentials", "Authorization", basic("bea0client", "s3cret"))
            .json()
            .path("access_token")
            .asText();
    assertThat(
            api.send("GET", "/accounts/none", null, null, "Authorization", "Bearer " + bearer)
                .status)
        .isEqualTo(404);
    credentials.callers.remove("bea0client");
    ApiFixture.Response refused =
        api.send("GET", "/accounts/none", null, null, "Authorization", "Bearer " + bearer);
    assertThat(refused.status).isEqualTo(401);
    assertThat(refused.json().path("detail").asText()).contains("revoked or expired");
  }

  @Test
  void givenTheFormCredentialsOrAnApiKey_theCallerIsKnown() {
    ApiFixture.Response issued =
        token("grant_type=client_credentials&client_id=bea0client&client_secret=s3cret");
    assertThat(issued.status).isEqualTo(200);
    assertThat(issued.json().path("scope").asText()).isEqualTo("credits:read credits:write");

    ApiFixture.Response byKey =
        api.send(
            "POST",
            "/accounts",
            null,
            "{\"id\": \"acme-2\"}",
            "X-API-Key",
            "ogcr_bea0client_s3cret");
    assertThat(byKey.status).as(byKey.body).isEqualTo(201);
    ApiFixture.Response byBearerKey =
        api.send(
            "GET",
            "/accounts/acme-2",
            null,
            null,
            "Authorization",
            "Bearer ogcr_bea0client_s3cret");
    assertThat(byBearerKey.status).isEqualTo(200);
  }

  @Test
  void givenBadClientsGrantsOrScopes_theTokenEndpointAnswersPerRfc6749() {
    ApiFixture.Response wrongSecret =
        token("grant_type=client_credentials", "Authorization", basic("bea0client", "nope"));
    assertThat(wrongSecret.status).isEqualTo(401);
    assertThat(wrongSecret.json().path("error").asText()).isEqualTo("invalid_client");
    assertThat(wrongSecret.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));

    assertThat(token("grant_type=password&username=a&password=b").json().path("error").asText())
        .isEqualTo("unsupported_grant_type");
    assertThat(token("").json().path("error").asText()).isEqualTo("invalid_request");
    ApiFixture.Response scope =
        token(
            "grant_type=client_credentials&scope=admin",
            "Authorization",
            basic("bea0client", "s3cret"));
    assertThat(scope.status).isEqualTo(400);
    assertThat(scope.json().path("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void givenForgedOrUnknownCredentials_theApiRefusesWithAChallenge() {
    ApiFixture.Response forged =
        api.send(
            "GET",
            "/projects",
            null,
            null,
            "Authorization",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    assertThat(forged.status).isEqualTo(401);
    assertThat(forged.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    assertThat(
            api.send("GET", "/projects", null, null, "X-API-Key", "ogcr_bea0client_wrong").status)
        .isEqualTo(401);
    assertThat(
            api.send("GET", "/projects", null, null, "Authorization", "Basic Zm9vOmJhcg==").status)
        .isEqualTo(401);
  }

  @Test
  void theKeySetAndMetadataArePublished() {
    JsonNode jwks = api.get("/.well-known/jwks.json", null).json();
    assertThat(jwks.path("keys")).hasSize(1);
    assertThat(jwks.path("keys").get(0).has("d")).as("no private part").isFalse();
    JsonNode meta = api.get("/.well-known/oauth-authorization-server", null).json();
    assertThat(meta.path("token_endpoint").asText()).endsWith("/oauth/token");
    assertThat(meta.path("grant_types_supported").get(0).asText()).isEqualTo("client_credentials");
    // no application is registered for sign-in here: the authorization code grant is not offered
    assertThat(meta.path("grant_types_supported")).hasSize(1);
    assertThat(meta.has("authorization_endpoint")).isFalse();
    assertThat(meta.path("response_types_supported")).isEmpty();
  }
}
