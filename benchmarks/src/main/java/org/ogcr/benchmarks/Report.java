package org.ogcr.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the JMH results of one run into {@code docs/benchmarks.md}, between its {@code <!--
 * jmh:start -->} and {@code <!-- jmh:end -->} markers, with each target's ratio, and draws {@code
 * docs/benchmarks-issuance.svg}: cost against issuance size, on a log scale.
 *
 * <p>{@code java -cp benchmarks.jar org.ogcr.benchmarks.Report <jmh.json> <docs dir>}
 */
public final class Report {

  /** One JMH result: the benchmark's short name, its parameter, score and unit. */
  record Score(String benchmark, String param, double score, double error, String unit) {}

  private Report() {}

  /**
   * {@code Report <docs dir> [--jmh <jmh.json>] [--load <load.json>] [--gas <forge output>]}: each
   * result given rewrites its own section of {@code benchmarks.md} and its plot; the others stay.
   */
  public static void main(String[] args) throws IOException {
    Path docs = Path.of(args[0]);
    for (int i = 1; i + 1 < args.length; i += 2) {
      Path input = Path.of(args[i + 1]);
      switch (args[i]) {
        case "--jmh" -> {
          List<Score> scores = read(input);
          replace(docs, "jmh", section(scores));
          write(docs.resolve("benchmarks-issuance.svg"), svg(scores));
        }
        case "--load" -> {
          JsonNode load = new ObjectMapper().readTree(input.toFile());
          replace(docs, "load", LoadReport.section(load));
          write(docs.resolve("benchmarks-load.svg"), LoadReport.svg(load));
        }
        case "--gas" -> {
          List<GasReport.Size> sizes = GasReport.read(input);
          replace(docs, "gas", GasReport.section(sizes));
          write(docs.resolve("benchmarks-gas.svg"), GasReport.svg(sizes));
        }
        default -> throw new IllegalArgumentException("unknown input " + args[i]);
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Replaces what lies between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
  static void replace(Path docs, String name, String section) throws IOException {
    Path md = docs.resolve("benchmarks.md");
    String text = Files.readString(md, StandardCharsets.UTF_8);
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    int i = text.indexOf(start);
    int j = text.indexOf(end);
    if (i < 0 || j < i) {
      throw new IllegalStateException(md + " has no " + start + " … " + end + " section");
    }
    write(md, text.substring(0, i + start.length()) + "\n" + section + text.substring(j));
    System.out.println(section);
  }

  static List<Score> read(Path file) throws IOException {
    List<Score> scores = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(file.toFile())) {
      String name = r.path("benchmark").asText();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonNode params = r.path("params");
      String param =
          params.isObject() && params.size() > 0 ? params.elements().next().asText() : "";
      JsonNode m = r.path("primaryMetric");
      scores.add(
          new Score(
              name,
              param,
              m.path("score").asDouble(),
              m.path("scoreError").asDouble(Double.NaN),
              m.path("scoreUnit").asText()));
    }
    return scores;
  }

  private static Optional<Score> find(List<Score> scores, String benchmark, String param) {
    return scores.stream()
        .filter(s -> s.benchmark().equals(benchmark) && s.param().equals(param))
        .findFirst();
  }

  static String fmt(double v) {
    return v >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String row(Optional<Score> s) {
    return s.map(
            x ->
                fmt(x.score())
                    + " ± "
                    + fmt(Double.isNaN(x.error()) ? 0 : x.error())
                    + " "
                    + x.unit())
        .orElse("not run");
  }

  /** A row of the targets' table: what is compared, and {@link #ratio}. */
  private static void target(
      StringBuilder b, String label, Optional<Score> a, Optional<Score> base, String target) {
    b.append("| ").append(label).append(" | ").append(ratio(a, base, target)).append(" |\n");
  }

  /** {@code a / b}, with the verdict against {@code target} ("≤ 1.5" or "≥ 100"). */
  private static String ratio(Optional<Score> a, Optional<Score> b, String target) {
    if (a.isEmpty() || b.isEmpty()) {
      return "not run";
    }
    double r = a.get().score() / b.get().score();
    double bound = Double.parseDouble(target.substring(2));
    boolean met = target.startsWith("≤") ? r <= bound : r >= bound;
    return String.format(Locale.ROOT, "%.2f× (target %s×: %s)", r, target, met ? "met" : "missed");
  }

  static String section(List<Score> s) {
    Runtime rt = Runtime.getRuntime();
    StringBuilder b = new StringBuilder();
    b.append("Run of ")
        .append(LocalDate.now(ZoneOffset.UTC))
        .append(" on ")
        .append(rt.availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(", embedded PostgreSQL 17 (one per JMH fork). Scores: mean ± 99.9 % error.\n\n");
    b.append("| benchmark | size | score |\n|---|---:|---:|\n");
    for (Score x : s) {
      b.append("| `")
          .append(x.benchmark())
          .append("` | ")
          .append(x.param())
          .append(" | ")
          .append(row(Optional.of(x)))
          .append(" |\n");
    }
    b.append("\n| target | ratio |\n|---|---|\n");
    Optional<Score> splitLarge = find(s, "SplitBenchmark.locateAndSplit", "10000000");
    if (splitLarge.isEmpty()) {
      splitLarge = find(s, "SplitBenchmark.locateAndSplit", "1000000");
    }
    target(
        b,
        "a 1,000,000-credit issuance costs at most 1.5× a 429-credit one",
        find(s, "IssuanceBenchmark.blockRows", "1000000"),
        find(s, "IssuanceBenchmark.blockRows", "429"),
        "≤ 1.5");
    target(
        b,
        "… and is ≥ 100× faster than the per-credit baseline",
        find(s, "IssuanceBenchmark.perCreditRows", "1000000"),
        find(s, "IssuanceBenchmark.blockRows", "1000000"),
        "≥ 100");
    target(
        b,
        "splitting among "
            + splitLarge.map(Score::param).orElse("10000000")
            + " blocks costs ≤ 2× splitting among 10,000",
        splitLarge,
        find(s, "SplitBenchmark.locateAndSplit", "10000"),
        "≤ 2");
    target(
        b,
        "keyset page 10,000 costs ≤ 1.5× page 1",
        find(s, "PageBenchmark.keysetPage", "10000"),
        find(s, "PageBenchmark.keysetPage", "1"),
        "≤ 1.5");
    Optional<Score> deep = find(s, "PageBenchmark.offsetPage", "10000");
    Optional<Score> first = find(s, "PageBenchmark.offsetPage", "1");
    b.append("| (no target, for contrast) offset page 10,000 against page 1 | ")
        .append(
            deep.isPresent() && first.isPresent()
                ? String.format(Locale.ROOT, "%.2f×", deep.get().score() / first.get().score())
                : "not run")
        .append(" |\n\n");
    b.append("![cost of an issuance against its size](benchmarks-issuance.svg)\n");
    return b.toString();
  }

  /** Bars of the issuance cost (log scale): blocks and per-credit rows, 429 and 1,000,000. */
  static String svg(List<Score> s) {
    String[][] bars = {
      {"IssuanceBenchmark.blockRows", "429", "blocks, 429"},
      {"IssuanceBenchmark.blockRows", "1000000", "blocks, 1,000,000"},
      {"IssuanceBenchmark.perCreditRows", "429", "per credit, 429"},
      {"IssuanceBenchmark.perCreditRows", "1000000", "per credit, 1,000,000"}
    };
    double max = 1;
    for (String[] bar : bars) {
      max = Math.max(max, find(s, bar[0], bar[1]).map(Score::score).orElse(1.0));
    }
    double top = Math.ceil(Math.log10(max));
    int w = 640;
    int h = 320;
    int left = 70;
    int base = 260;
    double scale = (base - 30) / top;
    StringBuilder b =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                + w
                + "\" height=\""
                + h
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n");
    b.append(
        "<text x=\"10\" y=\"16\">Issuance cost in ms (log scale), blocks against one row per credit</text>\n");
    for (int d = 0; d <= top; d++) {
      double y = base - d * scale;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"10\" y=\"%.1f\">%s ms</text>\n",
              left,
              y,
              w - 10,
              y,
              y + 4,
              fmt(Math.pow(10, d))));
    }
    int x = left + 20;
    for (String[] bar : bars) {
      Optional<Score> sc = find(s, bar[0], bar[1]);
      double v = sc.map(Score::score).orElse(1.0);
      double height = Math.max(1, Math.log10(Math.max(1, v)) * scale);
      String color = bar[0].endsWith("blockRows") ? "#2a7" : "#c44";
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%.1f\" width=\"100\" height=\"%.1f\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%.1f\">%s</text>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>\n",
              x,
              base - height,
              height,
              color,
              x,
              base - height - 4,
              sc.isPresent() ? fmt(v) : "not run",
              x,
              base + 16,
              bar[2]));
      x += 130;
    }
    return b.append("</svg>\n").toString();
  }
}
