package org.ogcr.conformance.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ogcr.conformance.Exchange;
import org.ogcr.conformance.Http;
import org.ogcr.conformance.Outcome;
import org.ogcr.conformance.Result;

/**
 * The run's reports: a per-class summary on the console, JUnit XML (one suite per class) and a JSON
 * summary. Every failure carries the requests and responses that showed it.
 */
public final class Reports {

  private Reports() {}

  /** Outcomes counted per class, in run order. */
  static Map<String, EnumMap<Outcome, Integer>> counts(List<Result> results) {
    Map<String, EnumMap<Outcome, Integer>> counts = new LinkedHashMap<>();
    for (Result r : results) {
      counts
          .computeIfAbsent(r.conformanceClass(), k -> new EnumMap<>(Outcome.class))
          .merge(r.outcome(), 1, Integer::sum);
    }
    return counts;
  }

  static void summary(List<Result> results, PrintStream out) {
    out.println();
    out.println(
        String.format(
            "%-14s %6s %6s %12s %11s", "class", "pass", "fail", "cannot tell", "not tested"));
    counts(results)
        .forEach(
            (c, n) ->
                out.println(
                    String.format(
                        "%-14s %6d %6d %12d %11d",
                        c,
                        n.getOrDefault(Outcome.PASS, 0),
                        n.getOrDefault(Outcome.FAIL, 0),
                        n.getOrDefault(Outcome.CANNOT_TELL, 0),
                        n.getOrDefault(Outcome.NOT_TESTED, 0))));
    long required = results.stream().filter(Result::required).count();
    long requiredPassed =
        results.stream().filter(r -> r.required() && r.outcome() == Outcome.PASS).count();
    out.println(requiredPassed + " of " + required + " required tests pass");
    for (Result r : results) {
      if (r.outcome() == Outcome.FAIL) {
        out.println();
        out.println(
            "FAIL " + r.conformanceClass() + " " + r.test() + " (" + r.check().requirement() + ")");
        out.println("  " + r.message());
        out.println("  look at: " + r.check().whenItFails());
        if (!r.exchanges().isEmpty()) {
          out.println(indent(r.exchanges().get(r.exchanges().size() - 1).describe()));
        }
      }
    }
  }

  private static String indent(String text) {
    return "    " + text.strip().replace("\n", "\n    ");
  }

  static void json(String baseUrl, Instant at, List<Result> results, Path file) throws IOException {
    ObjectNode root = Http.json().createObjectNode();
    root.put("implementationUnderTest", baseUrl).put("at", at.toString());
    ObjectNode classes = root.putObject("classes");
    counts(results)
        .forEach(
            (c, n) -> {
              ObjectNode o = classes.putObject(c);
              for (Outcome k : Outcome.values()) {
                o.put(k.name().toLowerCase(java.util.Locale.ROOT), n.getOrDefault(k, 0));
              }
            });
    ArrayNode tests = root.putArray("tests");
    for (Result r : results) {
      ObjectNode t = tests.addObject();
      t.put("class", r.conformanceClass())
          .put("test", r.test())
          .put("requirement", r.check().requirement())
          .put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT))
          .put("millis", r.millis());
      if (!r.message().isEmpty()) {
        t.put("message", r.message());
      }
      if (r.outcome() != Outcome.PASS && r.outcome() != Outcome.NOT_TESTED) {
        t.put("whenItFails", r.check().whenItFails());
        ArrayNode ex = t.putArray("exchanges");
        r.exchanges().forEach(e -> ex.add(Http.json().valueToTree(e)));
      }
    }
    Files.writeString(
        file,
        Http.json().writerWithDefaultPrettyPrinter().writeValueAsString(root),
        StandardCharsets.UTF_8);
  }

  /** JUnit XML: a failure for FAIL, an error for CANNOT_TELL, skipped for NOT_TESTED. */
  static void junit(List<Result> results, Path directory) throws IOException {
    Files.createDirectories(directory);
    for (String c : counts(results).keySet()) {
      List<Result> of = results.stream().filter(r -> r.conformanceClass().equals(c)).toList();
      Map<Outcome, Integer> n = counts(of).get(c);
      StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      x.append("<testsuite name=\"ogcr.conformance.")
          .append(c)
          .append("\" tests=\"")
          .append(of.size())
          .append("\" failures=\"")
          .append(n.getOrDefault(Outcome.FAIL, 0))
          .append("\" errors=\"")
          .append(n.getOrDefault(Outcome.CANNOT_TELL, 0))
          .append("\" skipped=\"")
          .append(n.getOrDefault(Outcome.NOT_TESTED, 0))
          .append("\" time=\"")
          .append(of.stream().mapToLong(Result::millis).sum() / 1000.0)
          .append("\">\n");
      for (Result r : of) {
        x.append("  <testcase classname=\"ogcr.conformance.")
            .append(c)
            .append("\" name=\"")
            .append(xml(r.test()))
            .append("\" time=\"")
            .append(r.millis() / 1000.0)
            .append("\">\n");
        String details =
            r.message()
                + "\nrequirement: "
                + r.check().requirement()
                + "\nlook at: "
                + r.check().whenItFails()
                + "\n\n"
                + String.join("\n", r.exchanges().stream().map(Exchange::describe).toList());
        switch (r.outcome()) {
          case FAIL ->
              x.append("    <failure message=\"")
                  .append(xml(r.message()))
                  .append("\">")
                  .append(xml(details))
                  .append("</failure>\n");
          case CANNOT_TELL ->
              x.append("    <error message=\"")
                  .append(xml(r.message()))
                  .append("\">")
                  .append(xml(details))
                  .append("</error>\n");
          case NOT_TESTED ->
              x.append("    <skipped message=\"").append(xml(r.message())).append("\"/>\n");
          case PASS -> {}
        }
        x.append("  </testcase>\n");
      }
      x.append("</testsuite>\n");
      Files.writeString(
          directory.resolve("TEST-ogcr.conformance." + c + ".xml"), x, StandardCharsets.UTF_8);
    }
  }

  private static String xml(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
            sb.append(' ');
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }
}
