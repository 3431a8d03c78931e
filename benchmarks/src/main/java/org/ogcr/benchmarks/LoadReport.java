package org.ogcr.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The load benchmark's section of {@code docs/benchmarks.md} and its plot. */
final class LoadReport {

  private LoadReport() {}

  static final List<String> OPS = List.of("read", "transfer", "retire");
  static final List<String> CONFIGS = List.of("one server", "two servers");

  /** The row of {@code op} at {@code clients} in {@code rows}. */
  private static Optional<JsonNode> row(JsonNode rows, String op, int clients) {
    for (JsonNode r : rows) {
      if (r.path("op").asText().equals(op) && r.path("clients").asInt() == clients) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static int[] clients(JsonNode load) {
    return Arrays.stream(
            load.path("pgbench").findValues("clients").stream().mapToInt(JsonNode::asInt).toArray())
        .distinct()
        .sorted()
        .toArray();
  }

  private static String cells(Optional<JsonNode> r) {
    return r.map(
            x ->
                String.format(
                        Locale.ROOT,
                        "%,.0f | %.1f | %.1f",
                        x.path("perSecond").asDouble(),
                        x.path("p50Millis").asDouble(),
                        x.path("p99Millis").asDouble())
                    + (x.path("errors").asLong() > 0
                        ? " (" + x.path("errors").asLong() + " errors)"
                        : ""))
        .orElse("— | — | —");
  }

  private static String millis(JsonNode values) {
    List<Long> v = new ArrayList<>();
    values.forEach(n -> v.add(n.asLong()));
    if (v.isEmpty()) {
      return "not run";
    }
    v.sort(null);
    return String.format(
        Locale.ROOT,
        "%,d ms (%,d–%,d over %d starts)",
        v.get(v.size() / 2),
        v.get(0),
        v.get(v.size() - 1),
        v.size());
  }

  static String section(JsonNode load) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Run of %s on %d cores, Java %s, PostgreSQL %s (embedded), pgbench at scale %d;"
                + " each figure after %d s of warm-up, over %d s. Rates are 2xx answers (pgbench:"
                + " committed transactions) per second; latencies are those of the 2xx answers.%n%n",
            load.path("date").asText(),
            load.path("cores").asInt(),
            load.path("java").asText(),
            load.path("postgresql").asText(),
            load.path("pgbenchScale").asInt(),
            load.path("warmUpSeconds").asInt(),
            load.path("measuredSeconds").asInt()));
    b.append("| operation | clients | one server: per s | p50 ms | p99 ms |")
        .append(" two servers: per s | p50 ms | p99 ms |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    JsonNode registry = load.path("registry");
    for (int n : clients(load)) {
      b.append("| pgbench TPC-B (baseline) | ")
          .append(n)
          .append(" | ")
          .append(cells(row(load.path("pgbench"), "TPC-B", n)))
          .append(" | | | |\n");
      for (String op : OPS) {
        Optional<JsonNode> one = row(registry.path("one server"), op, n);
        Optional<JsonNode> two = row(registry.path("two servers"), op, n);
        if (one.isEmpty() && two.isEmpty()) {
          continue;
        }
        b.append("| ")
            .append(op)
            .append(" | ")
            .append(n)
            .append(" | ")
            .append(cells(one))
            .append(" | ")
            .append(cells(two))
            .append(" |\n");
      }
    }
    JsonNode cold = load.path("coldStart");
    b.append("\nCold start, from launching `java -jar ogcr-server.jar serve` on an empty database")
        .append(" (migrations included) to its first 200 on `/health`: H2 ")
        .append(millis(cold.path("h2Millis")))
        .append("; PostgreSQL ")
        .append(millis(cold.path("postgresqlMillis")))
        .append(".\n\n");
    b.append("After the run the audit chain verifies: ")
        .append(load.path("afterwards").path("auditChainIntact").asBoolean() ? "yes" : "NO")
        .append(".\n\n");
    int most = clients(load).length == 0 ? 64 : clients(load)[clients(load).length - 1];
    Optional<JsonNode> transfer = row(registry.path("one server"), "transfer", most);
    Optional<JsonNode> baseline = row(load.path("pgbench"), "TPC-B", most);
    b.append("| target | measured |\n|---|---|\n");
    if (transfer.isPresent() && baseline.isPresent()) {
      double ratio =
          transfer.get().path("perSecond").asDouble() / baseline.get().path("perSecond").asDouble();
      double p99 = transfer.get().path("p99Millis").asDouble();
      b.append(
          String.format(
              Locale.ROOT,
              "| transfers at %d clients ≥ 0.3× pgbench's TPS | %.2f× (%s): %s |%n"
                  + "| … with p99 < 100 ms | %.0f ms: %s |%n",
              most,
              ratio,
              String.format(
                  Locale.ROOT,
                  "%,.0f against %,.0f",
                  transfer.get().path("perSecond").asDouble(),
                  baseline.get().path("perSecond").asDouble()),
              ratio >= 0.3 ? "met" : "missed",
              p99,
              p99 < 100 ? "met" : "missed"));
    } else {
      b.append("| transfers at 64 clients ≥ 0.3× pgbench's TPS, p99 < 100 ms | not run |\n");
    }
    b.append("\n![throughput against clients](benchmarks-load.svg)\n");
    return b.toString();
  }

  static String svg(JsonNode load) {
    int[] clients = clients(load);
    List<String> labels =
        Arrays.stream(clients).mapToObj(n -> n + (n == 1 ? " client" : " clients")).toList();
    List<Chart.Series> series = new ArrayList<>();
    series.add(series("pgbench TPC-B", "#888", load.path("pgbench"), "TPC-B", clients));
    JsonNode registry = load.path("registry");
    series.add(series("read", "#2a7", registry.path("one server"), "read", clients));
    series.add(series("transfer", "#c44", registry.path("one server"), "transfer", clients));
    series.add(series("retire", "#36c", registry.path("one server"), "retire", clients));
    series.add(
        series("transfer, 2 servers", "#e90", registry.path("two servers"), "transfer", clients));
    return Chart.lines(
        "Requests per second against clients (one server unless named)",
        "per second (log)",
        labels,
        series,
        true);
  }

  private static Chart.Series series(
      String name, String color, JsonNode rows, String op, int[] clients) {
    double[] v = new double[clients.length];
    for (int i = 0; i < clients.length; i++) {
      v[i] = row(rows, op, clients[i]).map(r -> r.path("perSecond").asDouble()).orElse(Double.NaN);
    }
    return new Chart.Series(name, color, v);
  }
}
