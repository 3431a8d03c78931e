package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aCredentialWithoutARateGetsItsRolesDefaultAndIsHeldToIt(@TempDir Path data)
      throws Exception {
    try (RegistryServer server = RegistryServer.start(ServerConfig.embedded(data, 0))) {
      String url = "http://127.0.0.1:" + server.port();
      String admin = server.firstAdministrator().orElseThrow().key();
      send(url, "PUT", "/admin/directory/ver-vic", admin, "{\"organisation\":\"vt-verifiers\"}");
      send(url, "PUT", "/admin/directory/reader-rae", admin, "{\"organisation\":\"vt-verifiers\"}");
      JsonNode verifier =
          json.readTree(
              send(
                      url,
                      "POST",
                      "/admin/credentials",
                      admin,
                      "{\"actor\":\"ver-vic\",\"organisation\":\"vt-verifiers\",\"label\":\"v\","
                          + "\"roles\":[\"verifier\"],\"scopes\":[\"verification:write\"]}")
                  .body());
      assertThat(verifier.path("ratePerMinute").asInt()).isEqualTo(120);
      JsonNode reader =
          json.readTree(
              send(
                      url,
                      "POST",
                      "/admin/credentials",
                      admin,
                      "{\"actor\":\"reader-rae\",\"organisation\":\"vt-verifiers\",\"label\":\"r\","
                          + "\"roles\":[],\"scopes\":[\"projects:read\"]}")
                  .body());
      assertThat(reader.path("ratePerMinute").asInt()).isEqualTo(60);

      String readerKey = reader.path("apiKey").asText();
      for (int i = 0; i < 60; i++) {
        assertThat(send(url, "GET", "/health", readerKey, null).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = send(url, "GET", "/health", readerKey, null);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.body()).contains("rate_limited").contains("60 requests a minute");
      // another client's bucket is its own
      String verifierKey = verifier.path("apiKey").asText();
      assertThat(send(url, "GET", "/health", verifierKey, null).statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> send(String url, String method, String path, String key, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("X-API-Key", key);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
