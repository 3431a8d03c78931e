package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code demo} command against a real server on an H2 file database: the administrator lists
 * the actors and issues their API keys over HTTP, every actor plays its part with its own key, and
 * the audit chain verifies; a second run is refused with the reason.
 */
class DemoTest {

  /** The server's clock is the wall clock: the demo dates its example by today. */
  private static java.time.LocalDate today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
  }

  @Test
  void theWorkedExampleRunsOverHttpWithRealCredentials(@TempDir Path data) {
    try (RegistryServer server = RegistryServer.start(ServerConfig.embedded(data, 0))) {
      String key = server.firstAdministrator().orElseThrow().key();
      String url = "http://127.0.0.1:" + server.port();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      new Demo(url, key, new PrintStream(printed, true, StandardCharsets.UTF_8), today()).run();
      String out = printed.toString(StandardCharsets.UTF_8);
      assertThat(out)
          .contains("429 credits: 394 to the property, 35 to the buffer pool")
          .containsPattern("retire EC-20\\d\\d-0001-NULHEGAN-001 through -040")
          .contains("the audit chain is intact");
      assertThat(out.lines().filter(l -> l.matches("\\s*\\d+\\. .*")).count())
          .isGreaterThanOrEqualTo(30);

      assertThatThrownBy(
              () -> new Demo(url, key, new PrintStream(new ByteArrayOutputStream()), today()).run())
          .isInstanceOf(Demo.StepFailed.class)
          .hasMessageContaining("runs once per registry");
    }
  }

  @Test
  void theDemoTenThousandTimesOver_issuesTheFormulasProductOnce(@TempDir Path data) {
    try (RegistryServer server = RegistryServer.start(ServerConfig.embedded(data, 0))) {
      String key = server.firstAdministrator().orElseThrow().key();
      String url = "http://127.0.0.1:" + server.port();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      new Demo(url, key, new PrintStream(printed, true, StandardCharsets.UTF_8), today(), 10_000)
          .run();
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("verify 4290000 tCO2e")
          .contains("4290122 credits: 3946912 to the property, 343210 to the buffer pool")
          .contains("the audit chain is intact");
    }
  }
}
