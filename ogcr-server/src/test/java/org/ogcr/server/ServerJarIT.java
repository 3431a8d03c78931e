package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: the packaged jar's {@code serve} starts on the embedded defaults,
 * answers over HTTP, keeps its record in the data directory, and stops on SIGTERM.
 */
class ServerJarIT {

  private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");

  @Test
  void theRunnableJarServesOnEmbeddedDefaultsAndStops(@TempDir Path data) throws Exception {
    Path jar = Path.of("target", "ogcr-server.jar");
    assertThat(jar).as("mvn package builds the runnable jar").exists();
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                data.toString())
            .redirectError(data.resolve("stderr.log").toFile())
            .start();
    try {
      String base = null;
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (base == null && System.nanoTime() < deadline) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          base = m.group(1);
        }
      }
      assertThat(base)
          .as("the server prints its URL; stderr: %s", Files.readString(data.resolve("stderr.log")))
          .startsWith("http://127.0.0.1:");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> projects =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/projects")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(projects.body()).contains("\"items\":[]");
      assertThat(data.resolve("ogcr.mv.db")).exists();
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }
}
