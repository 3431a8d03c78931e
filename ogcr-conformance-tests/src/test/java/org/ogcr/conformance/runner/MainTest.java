package org.ogcr.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;

/** The kit's command line stops at once without what it needs, and every test says what it is. */
class MainTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutABaseUrl_theRunStopsAtOnce() {
    Run r = run("--credentials", "creds.properties");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("the base URL of the registry under test is required")
        .contains("usage:");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownClassOrScheme_isAUsageError() {
    assertThat(run("http://127.0.0.1:1", "--only", "nope").err()).contains("no class 'nope'");
    assertThat(run("ftp://registry.example.org").err()).contains("must be http or https");
    assertThat(run("http://127.0.0.1:1", "--credentials", "/no/such/file").err())
        .contains("--credentials: cannot read");
  }

  @Test
  void anUnreachableRegistry_cannotBeTold() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r = run("http://127.0.0.1:" + port);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("cannot reach the registry");
  }

  @Test
  void everyTestIsNamedAfterItsRequirement_andDocumented() {
    int tests = 0;
    for (ConformanceClass c : Kit.classes()) {
      assertThat(c.getClass().getPackageName()).endsWith("." + c.id());
      for (Method m : c.getClass().getMethods()) {
        Check check = m.getAnnotation(Check.class);
        if (check == null) {
          continue;
        }
        tests++;
        String prefix = c.declaredBy().isPresent() ? "optional_" : "required_";
        assertThat(m.getName()).startsWith(prefix);
        String section = check.requirement().split(" ")[0].replace('.', '_');
        assertThat(m.getName()).as(m.getName()).startsWith(prefix + section + "_");
        assertThat(check.purpose()).isNotBlank();
        assertThat(check.method()).isNotBlank();
        assertThat(check.whenItFails()).isNotBlank();
      }
    }
    assertThat(tests).isGreaterThanOrEqualTo(20);
  }
}
