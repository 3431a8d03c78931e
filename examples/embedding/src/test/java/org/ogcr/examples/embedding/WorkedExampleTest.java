package org.ogcr.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The walkthrough runs and prints the spec's numbers. */
class WorkedExampleTest {

  @Test
  void printsTheWorkedExampleOfTheRegistryFunctionSpec() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WorkedExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("→ 429 credits")
        .contains("owner 394 + buffer 35")
        .contains(
            "EC-2026-0001-NULHEGAN-001 … EC-2026-0001-NULHEGAN-394  394 ISSUED in property:nulhegan-forest")
        .contains("EC-2026-0001-NULHEGAN-395 … EC-2026-0001-NULHEGAN-429  35 ISSUED in buffer-pool")
        .contains("EC-2026-0001-NULHEGAN-001 … EC-2026-0001-NULHEGAN-040  40 RETIRED in acme-main")
        .contains("EC-2026-0001-NULHEGAN-041 … EC-2026-0001-NULHEGAN-100  60 HELD in acme-main")
        .contains("  REGISTRY USD 37.50")
        .contains("  TREASURY_RESIDUAL USD 1600.63")
        .contains("0 refused")
        .contains("audit chain: intact");
  }
}
