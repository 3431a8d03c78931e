package org.ogcr.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report turns each benchmark's raw output into its section, verdicts and plot. */
class ReportTest {

  @Test
  void gas_isReadFromForgesLines_andEachSizeIsJudgedPerTransaction(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("gas.txt");
    Files.writeString(
        out,
        String.join(
            "\n",
            "[PASS] test_gas_issuanceAgainstPlainErc721_by_size() (gas: 595823485)",
            "  GAS 429 registry issuance, 2 blocks 431684",
            "  GAS 429 one block 310226",
            "  GAS 429 plain ERC-721 mints, total 22184245",
            "  GAS 1000 registry issuance, 2 blocks: 431746",
            "  GAS 1000 one block 310282",
            "  GAS 1000 plain ERC-721 mints, total 51692552",
            "| PlainCreditERC721 | mint | 51106 |"));
    List<GasReport.Size> sizes = GasReport.read(out);
    assertThat(sizes).extracting(GasReport.Size::credits).containsExactly(429L, 1000L);
    assertThat(sizes.get(0).ratioExecution()).isBetween(51.3, 51.5);
    // (22,184,245 + 429 × 21,000) / (431,684 + 21,000)
    assertThat(sizes.get(0).ratioPerTransaction()).isBetween(68.9, 69.0);
    assertThat(GasReport.section(sizes))
        .contains("| 429 | 431,684 | 310,226 | 22,184,245 | 51.4× | 68.9× | missed |")
        .contains("| 1,000 | 431,746 |")
        .contains("160.6× | met |");
    assertThat(svgLines(GasReport.svg(sizes))).isEqualTo(2);

    Path none = dir.resolve("none.txt");
    Files.writeString(none, "no figures here\n");
    assertThatThrownBy(() -> GasReport.read(none)).hasMessageContaining("has no GAS lines");
  }

  private static final String LOAD =
      """
      {"date": "2026-12-07", "cores": 2, "java": "17", "postgresql": "17.6", "pgbenchScale": 64,
       "warmUpSeconds": 5, "measuredSeconds": 20,
       "coldStart": {"h2Millis": [4000, 3000, 5000], "postgresqlMillis": [4500]},
       "pgbench": [%s],
       "registry": {"one server": [%s], "two servers": []},
       "afterwards": {"auditChainIntact": true}}
      """;

  private static String row(String op, int clients, double perSecond, double p99) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"op\": \"%s\", \"clients\": %d, \"ok\": 100, \"errors\": 0, \"perSecond\": %s,"
            + " \"p50Millis\": 1.0, \"p99Millis\": %s}",
        op,
        clients,
        perSecond,
        p99);
  }

  private static JsonNode load(String pgbench, String registry) throws Exception {
    return new ObjectMapper().readTree(String.format(LOAD, pgbench, registry));
  }

  @Test
  void load_judgesTransfersAtTheMostClientsAgainstPgbench() throws Exception {
    JsonNode met =
        load(
            row("TPC-B", 1, 2000, 1) + "," + row("TPC-B", 64, 900, 500),
            row("transfer", 1, 100, 20) + "," + row("transfer", 64, 300, 80));
    assertThat(LoadReport.section(met))
        .contains("| transfers at 64 clients ≥ 0.3× pgbench's TPS | 0.33× (300 against 900): met |")
        .contains("| … with p99 < 100 ms | 80 ms: met |")
        .contains("H2 4,000 ms (3,000–5,000 over 3 starts)")
        .contains("the audit chain verifies: yes");

    JsonNode missed =
        load(
            row("TPC-B", 64, 900, 500),
            row("transfer", 64, 200, 150) + "," + row("read", 64, 1, 1));
    assertThat(LoadReport.section(missed))
        .contains("0.22× (200 against 900): missed")
        .contains("150 ms: missed")
        .contains("| read | 64 | 1 |");
    // a line for each series measured: pgbench, read and transfer; none for the others
    assertThat(svgLines(LoadReport.svg(missed))).isEqualTo(3);
  }

  @Test
  void aSection_replacesOnlyWhatLiesBetweenItsMarkers(@TempDir Path docs) throws Exception {
    Path md = docs.resolve("benchmarks.md");
    Files.writeString(md, "intro\n<!-- gas:start -->\nold\n<!-- gas:end -->\noutro\n");
    Report.replace(docs, "gas", "new\n");
    assertThat(Files.readString(md))
        .isEqualTo("intro\n<!-- gas:start -->\nnew\n<!-- gas:end -->\noutro\n");
    assertThatThrownBy(() -> Report.replace(docs, "load", "x"))
        .hasMessageContaining("has no <!-- load:start -->");
  }

  /** The plot is well-formed XML; the number of its lines. */
  private static int svgLines(String svg) throws Exception {
    Document d =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    return d.getElementsByTagName("polyline").getLength();
  }
}
