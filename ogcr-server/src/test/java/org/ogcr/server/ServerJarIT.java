package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: the packaged jar's {@code serve} starts on the embedded defaults, shows
 * the first administrator's API key once, answers with it and with an access token from its token
 * endpoint, keeps its record, its credentials and its signing key across a restart, and stops on
 * SIGTERM.
 */
class ServerJarIT {

  private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");
  private static final Pattern KEY = Pattern.compile("^\\s+(ogcr_\\S+)$");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  /** A started server: its URL and what it printed before it was ready. */
  private record Started(Process process, String base, List<String> lines) {}

  /** Starts the jar on {@code port} (0: any free port). */
  private static Started start(Path data, int port) throws Exception {
    Path jar = Path.of("target", "ogcr-server.jar");
    assertThat(jar).as("mvn package builds the runnable jar").exists();
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data-dir",
                data.toString())
            .redirectError(data.resolve("stderr.log").toFile())
            .start();
    List<String> lines = new ArrayList<>();
    String base = null;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (base == null && System.nanoTime() < deadline) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      lines.add(line);
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        base = m.group(1);
      }
    }
    assertThat(base)
        .as("the server prints its URL; stderr: %s", Files.readString(data.resolve("stderr.log")))
        .startsWith("http://127.0.0.1:");
    return new Started(server, base, lines);
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRunnableJarServesOnEmbeddedDefaults_withItsFirstAdministrator(@TempDir Path data)
      throws Exception {
    Started first = start(data, 0);
    String key;
    String token;
    try {
      key =
          first.lines().stream()
              .map(KEY::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no key printed: " + first.lines()));
      String base = first.base();
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))).statusCode())
          .isEqualTo(200);
      assertThat(
              send(HttpRequest.newBuilder(URI.create(base + "/audit/verification"))).statusCode())
          .isEqualTo(401);
      HttpResponse<String> audit =
          send(
              HttpRequest.newBuilder(URI.create(base + "/audit/verification"))
                  .header("X-API-Key", key));
      assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
      assertThat(json.readTree(audit.body()).path("intact").asBoolean()).isTrue();

      String clientId = key.split("_")[1];
      String secret = key.split("_", 3)[2];
      HttpResponse<String> issued =
          send(
              HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&scope=audit:read&client_id="
                              + clientId
                              + "&client_secret="
                              + secret)));
      assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
      token = json.readTree(issued.body()).path("access_token").asText();
      assertThat(
              send(HttpRequest.newBuilder(URI.create(base + "/admin/access-log?limit=5"))
                      .header("Authorization", "Bearer " + token))
                  .statusCode())
          .isEqualTo(200);
      assertThat(data.resolve("ogcr.mv.db")).exists();
      assertThat(data.resolve("token-signing-key.jwk")).exists();
      assertThat(Files.getPosixFilePermissions(data.resolve("token-signing-key.jwk")))
          .as("the private key is the owner's alone")
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    } finally {
      stop(first.process());
    }

    // back at the same address: the same public URL, so the same token issuer
    Started again = start(data, URI.create(first.base()).getPort());
    try {
      assertThat(again.lines()).noneMatch(l -> KEY.matcher(l).find());
      HttpResponse<String> byKey =
          send(
              HttpRequest.newBuilder(URI.create(again.base() + "/admin/access-log?limit=100"))
                  .header("X-API-Key", key));
      assertThat(byKey.statusCode()).as("the key outlives a restart").isEqualTo(200);
      JsonNode log = json.readTree(byKey.body());
      assertThat(log.path("items").size()).as("the access log kept every request").isPositive();
      assertThat(
              send(HttpRequest.newBuilder(URI.create(again.base() + "/audit/verification"))
                      .header("Authorization", "Bearer " + token))
                  .statusCode())
          .as("so does an access token: the signing key is kept")
          .isEqualTo(200);
    } finally {
      stop(again.process());
    }
  }
}
