package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.adapter.evm.AnvilNode;
import org.ogcr.adapter.evm.EvmCreditLedger;
import org.ogcr.adapter.evm.EvmLedgerSettings;
import org.ogcr.adapter.evm.EvmReconciliation;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.IssuanceId;
import org.web3j.utils.Numeric;

/**
 * The reference server anchoring on an EVM node instead of its in-process ledger: the worked
 * example runs over HTTP, the server's relay sends every command to the registry's contracts on a
 * real anvil node, and the chain's live tokens come to equal the registry's blocks.
 */
class ServerOverEvmTest {

  @Test
  void theWorkedExampleOverHttpIsAnchoredOnTheChain(@TempDir Path data) throws Exception {
    try (AnvilNode node = AnvilNode.start()) {
      AnvilNode.Deployed d = node.deployRegistry(1);
      EvmLedgerSettings settings = d.settings();
      String relayKey =
          Numeric.toHexStringWithPrefixZeroPadded(
              AnvilNode.OPERATOR.getEcKeyPair().getPrivateKey(), 64);
      ServerConfig config =
          ServerConfig.embedded(data, 0)
              .withEvm(
                  new ServerConfig.EvmLedger(
                      node.url(),
                      relayKey,
                      settings,
                      d.contracts().deployedAt(),
                      1000,
                      Duration.ofHours(1)));
      try (RegistryServer server = RegistryServer.start(config)) {
        String key = server.firstAdministrator().orElseThrow().key();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Demo(
                "http://127.0.0.1:" + server.port(),
                key,
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC))
            .run();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the audit chain is intact");

        // a reader of the chain alone: its journal is empty, the contracts' state is the answer
        EvmCreditLedger chain = new EvmCreditLedger(node.web3j(), AnvilNode.OPERATOR, settings);
        IssuanceId issuance = new IssuanceId("nulhegan-2026");
        List<String> differences = List.of("not compared yet");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
          List<CreditBlock> registry =
              RegistryBlocks.of(server.registry(), Optional.empty(), Optional.empty());
          differences = chain.differences(issuance, registry);
          if (!differences.isEmpty()) {
            Thread.sleep(250);
          }
        }
        assertThat(differences).as("the chain holds the registry's blocks").isEmpty();
        assertThat(chain.liveBlocks(issuance)).isNotEmpty();

        // the server's own reconciliation, through its event index in the database, once the
        // outbox is drained
        EvmReconciliation.Report report = server.reconcile().orElseThrow();
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!report.skipped().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(250);
          report = server.reconcile().orElseThrow();
        }
        assertThat(report.skipped()).isEmpty();
        assertThat(report.checked()).isPositive();
        assertThat(report.differences()).as("the registry and the index agree").isEmpty();
        assertThat(server.lastReconciliation()).contains(report);
        assertThat(report.indexedTo()).isPresent();
      }

      // an auditor's run of `reconcile`, once the server has stopped (H2 files open in one
      // process): the record agrees; then a block removed from the registry's database is found
      String[] reconcile = {
        "reconcile",
        "--data-dir",
        data.toString(),
        "--evm-url",
        node.url(),
        "--evm-token",
        settings.tokenAddress(),
        "--evm-anchor",
        settings.anchorAddress(),
        "--evm-confirmations",
        "1",
        "--evm-start-block",
        Long.toString(d.contracts().deployedAt())
      };
      java.io.StringWriter agreed = new java.io.StringWriter();
      picocli.CommandLine cl = new picocli.CommandLine(new Main());
      cl.setOut(new java.io.PrintWriter(agreed));
      assertThat(cl.execute(reconcile)).as(agreed.toString()).isZero();
      assertThat(agreed.toString()).contains(" 0 differences");

      org.h2.jdbcx.JdbcConnectionPool pool = org.ogcr.adapter.jdbc.JdbcDatabase.h2FilePool(data);
      int removed =
          org.ogcr.adapter.jdbc.JdbcDatabase.open(pool)
              .jdbi()
              .withHandle(
                  h ->
                      h.execute(
                          "delete from credit_blocks where issuance_id = 'nulhegan-2026'"
                              + " and first_serial = 1"));
      pool.dispose();
      assertThat(removed).isEqualTo(1);
      java.io.StringWriter differed = new java.io.StringWriter();
      cl = new picocli.CommandLine(new Main());
      cl.setOut(new java.io.PrintWriter(differed));
      assertThat(cl.execute(reconcile)).as(differed.toString()).isEqualTo(1);
      assertThat(differed.toString())
          .contains("only_on_chain nulhegan-2026 ChainBlock[first=1,")
          .contains(" 1 differences");
    }
  }
}
