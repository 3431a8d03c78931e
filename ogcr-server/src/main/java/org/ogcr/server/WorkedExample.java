package org.ogcr.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The worked example run over HTTP against a fresh server, silently, for tests, benchmarks and
 * tools that need its credits.
 */
public final class WorkedExample {

  private WorkedExample() {}

  /**
   * Runs the demo against {@code base}; the API keys of its actors by actor id ({@code dev-alice}
   * holds {@code property:nulhegan-forest}, {@code buyer-bea} holds {@code acme-main}).
   */
  public static Map<String, String> run(String base, String adminKey) {
    return run(base, adminKey, 1);
  }

  /**
   * As {@link #run(String, String)}, {@code scale} times over: issuance {@code nulhegan-2026} holds
   * about {@code scale} × 429 credits (the formula's product, rounded down; 8 % of them in the
   * buffer pool, credits 1–100 sold to {@code acme-main} and 1–40 of those retired).
   *
   * @throws IllegalStateException when a step is not answered as the example expects
   */
  public static Map<String, String> run(String base, String adminKey, int scale) {
    Demo demo =
        new Demo(
            base,
            adminKey,
            new PrintStream(OutputStream.nullOutputStream()),
            LocalDate.now(ZoneOffset.UTC),
            scale);
    try {
      demo.run();
    } catch (Demo.StepFailed e) {
      throw new IllegalStateException("the worked example stopped: " + e.getMessage(), e);
    }
    return demo.keys();
  }
}
