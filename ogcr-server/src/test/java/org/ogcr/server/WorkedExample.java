package org.ogcr.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** The worked example run over HTTP against a fresh server, for tests that need its credits. */
public final class WorkedExample {

  private WorkedExample() {}

  /**
   * Runs the demo against {@code base}; the API keys of its actors by actor id ({@code dev-alice}
   * holds {@code property:nulhegan-forest}, {@code buyer-bea} holds {@code acme-main}).
   */
  public static Map<String, String> run(String base, String adminKey) {
    Demo demo =
        new Demo(
            base,
            adminKey,
            new PrintStream(OutputStream.nullOutputStream()),
            LocalDate.now(ZoneOffset.UTC));
    demo.run();
    return demo.keys();
  }
}
