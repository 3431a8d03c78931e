package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits per client and role through the reference server: a credential issued without a rate
 * of its own gets its roles' default, and past it the server answers 429 with Retry-After, for that
 * credential only.
 */
class RateLimitsByRoleTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aCredentialWithoutARateGetsItsRolesDefaultAndIsHeldToIt(@TempDir Path data)
      throws Exception {
    try (RegistryServer server = RegistryServer.start(ServerConfig.embedded(data, 0))) {
      ServerCalls calls = new ServerCalls("http://127.0.0.1:" + server.port());
      String admin = server.firstAdministrator().orElseThrow().key();
      JsonNode verifier = issue(calls, admin, "ver-vic", "\"verifier\"", "verification:write");
      assertThat(verifier.path("ratePerMinute").asInt()).isEqualTo(120);
      JsonNode reader = issue(calls, admin, "reader-rae", "", "projects:read");
      assertThat(reader.path("ratePerMinute").asInt()).isEqualTo(60);

      // a full bucket of 60, refilled at one a second while the requests go out
      String readerKey = reader.path("apiKey").asText();
      long started = System.nanoTime();
      int allowed = 0;
      HttpResponse<String> limited = calls.withKey("GET", "/health", readerKey, null);
      while (limited.statusCode() == 200 && allowed < 1000) {
        allowed++;
        limited = calls.withKey("GET", "/health", readerKey, null);
      }
      long refilled = (System.nanoTime() - started) / 1_000_000_000L + 1;
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(allowed).isBetween(60, 60 + (int) refilled);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.body()).contains("rate_limited").contains("60 requests a minute");
      // another client's bucket is its own
      String verifierKey = verifier.path("apiKey").asText();
      assertThat(calls.withKey("GET", "/health", verifierKey, null).statusCode()).isEqualTo(200);
    }
  }

  /** Lists {@code actor} in the directory and issues it a credential without a rate. */
  private JsonNode issue(ServerCalls calls, String admin, String actor, String roles, String scope)
      throws Exception {
    String listing = "{\"organisation\":\"vt-verifiers\"}";
    assertThat(calls.withKey("PUT", "/admin/directory/" + actor, admin, listing).statusCode())
        .isEqualTo(200);
    HttpResponse<String> issued =
        calls.withKey(
            "POST",
            "/admin/credentials",
            admin,
            "{\"actor\":\""
                + actor
                + "\",\"organisation\":\"vt-verifiers\",\"label\":\"test\",\"roles\":["
                + roles
                + "],\"scopes\":[\""
                + scope
                + "\"]}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return json.readTree(issued.body());
  }
}
