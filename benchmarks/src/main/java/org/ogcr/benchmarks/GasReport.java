package org.ogcr.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gas comparison's section of {@code docs/benchmarks.md} and its plot, read from the lines
 * {@code contracts/test/GasBenchmark.t.sol} prints ({@code GAS <size> <what> <gas>}).
 */
final class GasReport {

  private GasReport() {}

  /** Gas of one issuance size: as the registry mints it, as one block, as plain ERC-721 mints. */
  record Size(long credits, long registry, long oneBlock, long plainTotal) {

    /** Each mint its own transaction: 21,000 more per transaction. */
    double ratioPerTransaction() {
      return (plainTotal + credits * 21_000.0) / (registry + 21_000.0);
    }

    double ratioExecution() {
      return (double) plainTotal / registry;
    }
  }

  private static final Pattern LINE = Pattern.compile("GAS (\\d+) (.+?):? (\\d+)\\s*$");

  static List<Size> read(Path forgeOutput) throws IOException {
    Map<Long, Map<String, Long>> bySize = new TreeMap<>();
    for (String line : Files.readAllLines(forgeOutput, StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line.trim());
      if (m.matches()) {
        bySize
            .computeIfAbsent(Long.parseLong(m.group(1)), k -> new TreeMap<>())
            .put(m.group(2), Long.parseLong(m.group(3)));
      }
    }
    List<Size> sizes = new ArrayList<>();
    bySize.forEach(
        (credits, v) ->
            sizes.add(
                new Size(
                    credits,
                    v.getOrDefault("registry issuance, 2 blocks", 0L),
                    v.getOrDefault("one block", 0L),
                    v.getOrDefault("plain ERC-721 mints, total", 0L))));
    if (sizes.isEmpty()) {
      throw new IllegalStateException(forgeOutput + " has no GAS lines");
    }
    return sizes;
  }

  static String section(List<Size> sizes) {
    StringBuilder b = new StringBuilder();
    b.append(
        "| credits | registry issuance (owner + buffer blocks) | one block | plain ERC-721,"
            + " total of the mints | ratio, execution gas | ratio, each mint a transaction |"
            + " target ≥ 100× |\n|---:|---:|---:|---:|---:|---:|---|\n");
    for (Size s : sizes) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %,d | %,d | %,d | %,d | %.1f× | %.1f× | %s |%n",
              s.credits(),
              s.registry(),
              s.oneBlock(),
              s.plainTotal(),
              s.ratioExecution(),
              s.ratioPerTransaction(),
              s.ratioPerTransaction() >= 100 ? "met" : "missed"));
    }
    b.append("\n![gas against issuance size](benchmarks-gas.svg)\n");
    return b.toString();
  }

  static String svg(List<Size> sizes) {
    List<String> labels =
        sizes.stream().map(s -> String.format("%,d credits", s.credits())).toList();
    double[] registry = sizes.stream().mapToDouble(s -> s.registry() + 21_000.0).toArray();
    double[] plain =
        sizes.stream().mapToDouble(s -> s.plainTotal() + s.credits() * 21_000.0).toArray();
    return Chart.lines(
        "Gas to mint an issuance, transactions included",
        "gas (log)",
        labels,
        List.of(
            new Chart.Series("registry: 1 call, 2 blocks", "#2a7", registry),
            new Chart.Series("plain ERC-721: 1 per credit", "#c44", plain)),
        true);
  }
}
