package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.adapter.rest.auth.Pkce;
import org.ogcr.adapter.rest.auth.PublicClient;

/**
 * The authorization code grant with PKCE through the reference server (H2 file database, the
 * registry's own credentials): a person opens the login page an application sent them to, signs in
 * with the key their administrator issued, and the application redeems the code for an access token
 * that acts as that person within the scopes asked for. Every refusal of RFC 6749 §4.1.2.1, §5.2
 * and RFC 7636 §4.6 is checked, and so are the page's own protections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationCodeFlowTest {

  private static final String REDIRECT = "http://127.0.0.1/callback";

  @TempDir static Path data;

  private RegistryServer server;
  private String url;
  private String adminKey;
  private String doraKey;
  private String doraCredential;
  private ServerCalls calls;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void start() throws Exception {
    ServerConfig embedded = ServerConfig.embedded(data, 0);
    // every request here is anonymous from one address: a budget above the default 120 a minute
    server =
        RegistryServer.start(
            new ServerConfig(
                embedded.dataDirectory(),
                embedded.jdbcUrl(),
                embedded.dbUser(),
                embedded.dbPassword(),
                embedded.dbMaxConnections(),
                embedded.host(),
                0,
                embedded.publicUrl(),
                embedded.maxBodyBytes(),
                10_000,
                embedded.tokenKeyFile(),
                embedded.externalIssuer(),
                List.of(
                    PublicClient.parse("registry-web=" + REDIRECT),
                    PublicClient.parse(
                        "two-doors=https://a.example.org/cb,https://b.example.org/cb")),
                Optional.empty()));
    url = "http://127.0.0.1:" + server.port();
    calls = new ServerCalls(url);
    adminKey = server.firstAdministrator().orElseThrow().key();
    JsonNode issued =
        issueKey(
            "dev-dora", "\"developer\",\"holder\"", "projects:read credits:read credits:write");
    doraKey = issued.path("apiKey").asText();
    doraCredential = issued.path("id").asText();
    assertThat(doraKey).startsWith("ogcr_");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aPersonSignsInAndTheApplicationActsForThemWithinTheScopesAskedFor() throws Exception {
    String verifier = verifier();
    HttpResponse<String> page =
        get(authorize("registry-web", "http://127.0.0.1:54321/callback", verifier, "credits:read"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains("registry-web")
        .contains("credits:read")
        .contains("http://127.0.0.1:54321/callback");
    // the page protects itself: never cached, never framed, no ETag for a one-time form
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("ETag")).isEmpty();
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/oauth/authorize");
    String formToken = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    Map<String, String> form = hiddenFields(page.body());
    assertThat(form).containsEntry("form_token", formToken);

    form.put("key", doraKey);
    form.put("decision", "allow");
    HttpResponse<String> signedIn = post("/oauth/authorize", form, "ogcr_authorize=" + formToken);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    String location = signedIn.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("http://127.0.0.1:54321/callback?code=");
    Map<String, String> answer = query(location);
    assertThat(answer).containsEntry("state", "st-42").containsEntry("iss", url);

    HttpResponse<String> token =
        redeem(answer.get("code"), "http://127.0.0.1:54321/callback", "registry-web", verifier);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode t = json.readTree(token.body());
    assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(t.path("scope").asText()).isEqualTo("credits:read");
    assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode claims = claims(t.path("access_token").asText());
    assertThat(claims.path("sub").asText()).isEqualTo("dev-dora");
    assertThat(claims.path("org").asText()).isEqualTo("acme");
    assertThat(claims.path("client_id").asText()).isEqualTo("registry-web");
    assertThat(claims.path("ogcr_credential").asText()).isEqualTo(doraCredential);

    String bearer = "Bearer " + t.path("access_token").asText();
    assertThat(sendAuth("GET", "/accounts/no-such-account", bearer, null).statusCode())
        .isEqualTo(404); // let in with credits:read: the account simply does not exist
    HttpResponse<String> narrowed =
        sendAuth(
            "POST", "/accounts", bearer, "{\"accountId\":\"dora-main\",\"owner\":\"dev-dora\"}");
    assertThat(narrowed.statusCode()).isEqualTo(403);
    assertThat(narrowed.body()).contains("insufficient_scope");

    // a code is good once
    HttpResponse<String> again =
        redeem(answer.get("code"), "http://127.0.0.1:54321/callback", "registry-web", verifier);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json.readTree(again.body()).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void aCodeIsSpentByAWrongVerifierAndNeverRedeemsForAnotherClientOrRedirect() throws Exception {
    String verifier = verifier();
    String code = signIn(authorize("registry-web", REDIRECT, verifier, "credits:read"));
    assertThat(tokenError(code, REDIRECT, "registry-web", verifier())).isEqualTo("invalid_grant");
    assertThat(tokenError(code, REDIRECT, "registry-web", verifier)).isEqualTo("invalid_grant");

    String other = signIn(authorize("registry-web", REDIRECT, verifier, "credits:read"));
    assertThat(tokenError(other, "http://127.0.0.1/elsewhere", "registry-web", verifier))
        .isEqualTo("invalid_grant");
    String third = signIn(authorize("registry-web", REDIRECT, verifier, "credits:read"));
    assertThat(tokenError(third, REDIRECT, "two-doors", verifier)).isEqualTo("invalid_grant");
    assertThat(tokenError("made-up-code", REDIRECT, "registry-web", verifier))
        .isEqualTo("invalid_grant");
    assertThat(tokenError(code, REDIRECT, "unknown-app", verifier)).isEqualTo("invalid_client");
    HttpResponse<String> withSecret =
        post(
            "/oauth/token",
            Map.of(
                "grant_type", "authorization_code",
                "code", "x",
                "client_id", "registry-web",
                "client_secret", "guess",
                "code_verifier", verifier),
            null);
    assertThat(withSecret.statusCode()).isEqualTo(401);
    HttpResponse<String> twice =
        calls.send(
            "POST",
            "/oauth/token",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "grant_type=authorization_code&code=a&code=b&client_id=registry-web&code_verifier="
                + verifier);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("invalid_request").contains("code is given more than once");
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class TheLoginPage {

    @Test
    void refusesAWrongKeyOnThePageAndAFormWithoutItsCookie() throws Exception {
      HttpResponse<String> page = get(authorize("registry-web", REDIRECT, verifier(), null));
      String cookie = cookieOf(page);
      Map<String, String> form = hiddenFields(page.body());
      form.put("key", "ogcr_aaaaaaaaaaaaaaaa_wrong");
      form.put("decision", "allow");
      HttpResponse<String> wrong = post("/oauth/authorize", form, cookie);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.headers().firstValue("Location")).isEmpty();
      assertThat(wrong.body()).contains("unknown, revoked or expired");

      form.put("key", doraKey);
      HttpResponse<String> noCookie = post("/oauth/authorize", form, null);
      assertThat(noCookie.statusCode()).isEqualTo(400);
      assertThat(noCookie.headers().firstValue("Location")).isEmpty();
      assertThat(noCookie.body()).contains("expired");
      HttpResponse<String> otherCookie =
          post("/oauth/authorize", form, "ogcr_authorize=" + "A".repeat(43));
      assertThat(otherCookie.statusCode()).isEqualTo(400);
    }

    @Test
    void neverRedirectsForAnUnknownClientOrAnUnregisteredRedirect() throws Exception {
      String v = verifier();
      for (String bad :
          List.of(
              authorize("no-such-app", REDIRECT, v, null),
              authorize("registry-web", "https://evil.example.org/callback", v, null),
              authorize("registry-web", REDIRECT + "/more", v, null),
              authorize("registry-web", "http://127.0.0.1/callback#frag", v, null),
              authorize("two-doors", null, v, null))) {
        HttpResponse<String> r = get(bad);
        assertThat(r.statusCode()).as(bad).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).as(bad).isEmpty();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      }
      // with a single registered redirect URI, it may be left out
      assertThat(get(authorize("registry-web", null, v, null)).statusCode()).isEqualTo(200);
    }

    @Test
    void sendsEveryOtherErrorBackToTheApplicationWithStateAndIssuer() throws Exception {
      String challenge = Pkce.challengeOf(verifier());
      Map<String, String> cases = new LinkedHashMap<>();
      cases.put(
          "response_type=token&code_challenge=" + challenge + "&code_challenge_method=S256",
          "unsupported_response_type");
      cases.put("response_type=code", "invalid_request");
      cases.put(
          "response_type=code&code_challenge=" + challenge + "&code_challenge_method=plain",
          "invalid_request");
      cases.put(
          "response_type=code&code_challenge=short&code_challenge_method=S256", "invalid_request");
      cases.put(
          "response_type=code&code_challenge="
              + challenge
              + "&code_challenge_method=S256&scope=credits:read%20root",
          "invalid_scope");
      cases.put(
          "response_type=code&response_type=code&code_challenge="
              + challenge
              + "&code_challenge_method=S256",
          "invalid_request");
      for (Map.Entry<String, String> c : cases.entrySet()) {
        HttpResponse<String> r =
            get("/oauth/authorize?client_id=registry-web&state=s1&" + c.getKey());
        assertThat(r.statusCode()).as(c.getKey()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        assertThat(query(location))
            .as(c.getKey())
            .containsEntry("error", c.getValue())
            .containsEntry("state", "s1")
            .containsEntry("iss", url);
      }
    }

    @Test
    void aDenialAndAScopeBeyondTheKeyGoBackAsErrors() throws Exception {
      HttpResponse<String> page = get(authorize("registry-web", REDIRECT, verifier(), "admin"));
      Map<String, String> form = hiddenFields(page.body());
      form.put("key", doraKey);
      form.put("decision", "allow");
      HttpResponse<String> beyond = post("/oauth/authorize", form, cookieOf(page));
      assertThat(beyond.statusCode()).isEqualTo(303);
      assertThat(query(beyond.headers().firstValue("Location").orElseThrow()))
          .containsEntry("error", "invalid_scope");

      form.put("decision", "deny");
      HttpResponse<String> denied = post("/oauth/authorize", form, cookieOf(page));
      assertThat(query(denied.headers().firstValue("Location").orElseThrow()))
          .containsEntry("error", "access_denied")
          .containsEntry("state", "st-42");
    }
  }

  @Test
  void revokingThePersonsKeyStopsTheirTokensAndTheirPendingCodes() throws Exception {
    JsonNode issued = issueKey("dev-eve", "\"holder\"", "credits:read");
    String eveKey = issued.path("apiKey").asText();
    String verifier = verifier();
    String first = signIn(authorize("registry-web", REDIRECT, verifier, null), eveKey);
    String pending = signIn(authorize("registry-web", REDIRECT, verifier, null), eveKey);
    String token =
        json.readTree(redeem(first, REDIRECT, "registry-web", verifier).body())
            .path("access_token")
            .asText();
    // no scope asked for: every scope of the key
    assertThat(claims(token).path("scope").asText()).isEqualTo("credits:read");
    assertThat(sendAuth("GET", "/accounts/x", "Bearer " + token, null).statusCode()).isEqualTo(404);

    assertThat(
            send(
                    "POST",
                    "/admin/credentials/" + issued.path("id").asText() + "/revoke",
                    adminKey,
                    "{\"reason\":\"left the company\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(sendAuth("GET", "/accounts/x", "Bearer " + token, null).statusCode()).isEqualTo(401);
    assertThat(tokenError(pending, REDIRECT, "registry-web", verifier)).isEqualTo("invalid_grant");
  }

  @Test
  void withoutScopesAskedForTheApplicationGetsEveryScopeOfTheKeyButAdmin() throws Exception {
    String verifier = verifier();
    String code = signIn(authorize("registry-web", REDIRECT, verifier, null), adminKey);
    JsonNode t = json.readTree(redeem(code, REDIRECT, "registry-web", verifier).body());
    assertThat(t.path("scope").asText()).contains("audit:read").doesNotContain("admin");
    String asked = signIn(authorize("registry-web", REDIRECT, verifier, "admin"), adminKey);
    assertThat(
            json.readTree(redeem(asked, REDIRECT, "registry-web", verifier).body())
                .path("scope")
                .asText())
        .isEqualTo("admin");
  }

  @Test
  void theMetadataAdvertisesTheGrantAndPkce() throws Exception {
    JsonNode m = json.readTree(get("/.well-known/oauth-authorization-server").body());
    assertThat(m.path("authorization_endpoint").asText()).isEqualTo(url + "/oauth/authorize");
    assertThat(m.path("grant_types_supported").toString()).contains("authorization_code");
    assertThat(m.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    assertThat(m.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
    assertThat(m.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
  }

  // ----- helpers

  /** Lists {@code actor} under acme and issues it a key with these roles and scopes. */
  private JsonNode issueKey(String actor, String roles, String scopes) throws Exception {
    assertThat(
            send("PUT", "/admin/directory/" + actor, adminKey, "{\"organisation\":\"acme\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> issued =
        send(
            "POST",
            "/admin/credentials",
            adminKey,
            "{\"actor\":\""
                + actor
                + "\",\"organisation\":\"acme\",\"label\":\"a person's key\",\"roles\":["
                + roles
                + "],\"scopes\":[\""
                + String.join("\",\"", scopes.split(" "))
                + "\"]}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return json.readTree(issued.body());
  }

  private String signIn(String authorizeUrl) throws Exception {
    return signIn(authorizeUrl, doraKey);
  }

  private String signIn(String authorizeUrl, String key) throws Exception {
    HttpResponse<String> page = get(authorizeUrl);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Map<String, String> form = hiddenFields(page.body());
    form.put("key", key);
    form.put("decision", "allow");
    HttpResponse<String> r = post("/oauth/authorize", form, cookieOf(page));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    return query(r.headers().firstValue("Location").orElseThrow()).get("code");
  }

  private String tokenError(String code, String redirect, String client, String verifier)
      throws Exception {
    HttpResponse<String> r = redeem(code, redirect, client, verifier);
    assertThat(r.statusCode()).as(r.body()).isIn(400, 401);
    return json.readTree(r.body()).path("error").asText();
  }

  private static String authorize(String client, String redirect, String verifier, String scope) {
    StringBuilder b =
        new StringBuilder("/oauth/authorize?response_type=code&client_id=").append(enc(client));
    if (redirect != null) {
      b.append("&redirect_uri=").append(enc(redirect));
    }
    if (scope != null) {
      b.append("&scope=").append(enc(scope));
    }
    return b.append("&state=st-42&code_challenge=")
        .append(Pkce.challengeOf(verifier))
        .append("&code_challenge_method=S256")
        .toString();
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static String verifier() {
    byte[] b = new byte[48];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String cookieOf(HttpResponse<String> page) {
    String c = page.headers().firstValue("Set-Cookie").orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  private static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .matcher(html);
    while (m.find()) {
      fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
    }
    return fields;
  }

  private static Map<String, String> query(String location) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = URI.create(location).getRawQuery();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  private JsonNode claims(String jwt) throws IOException {
    return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) {
    return calls.send("GET", path, Map.of(), null);
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String cookie) {
    return calls.form(path, form, cookie);
  }

  private HttpResponse<String> send(String method, String path, String apiKey, String body) {
    return calls.withKey(method, path, apiKey, body);
  }

  private HttpResponse<String> sendAuth(
      String method, String path, String authorization, String body) {
    return calls.withAuthorization(method, path, authorization, body);
  }

  /** The token request that redeems {@code code}. */
  private HttpResponse<String> redeem(
      String code, String redirect, String client, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirect);
    form.put("client_id", client);
    form.put("code_verifier", verifier);
    return post("/oauth/token", form, null);
  }
}
