package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.adapter.evm.AnvilNode;
import org.ogcr.adapter.evm.EvmContracts;
import org.ogcr.adapter.evm.EvmCreditLedger;
import org.ogcr.adapter.evm.EvmLedgerSettings;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.PageRequest;
import org.web3j.utils.Numeric;

/**
 * The reference server anchoring on an EVM node instead of its in-process ledger: the worked
 * example runs over HTTP, the server's relay sends every command to the registry's contracts on a
 * real anvil node, and the chain's live tokens come to equal the registry's blocks.
 */
class ServerOverEvmTest {

  private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(15_000_000);

  @Test
  void theWorkedExampleOverHttpIsAnchoredOnTheChain(@TempDir Path data) throws Exception {
    try (AnvilNode node = AnvilNode.start()) {
      EvmContracts.Deployment d =
          EvmContracts.deploy(
              node.web3j(),
              AnvilNode.CHAIN_ID,
              AnvilNode.DEPLOYER,
              AnvilNode.OPERATOR.getAddress(),
              GAS_PRICE,
              GAS_LIMIT,
              50);
      EvmLedgerSettings settings =
          new EvmLedgerSettings(
              AnvilNode.CHAIN_ID,
              d.token(),
              d.anchor(),
              1,
              GAS_PRICE,
              GAS_LIMIT,
              Duration.ofMillis(50));
      String relayKey =
          Numeric.toHexStringWithPrefixZeroPadded(
              AnvilNode.OPERATOR.getEcKeyPair().getPrivateKey(), 64);
      ServerConfig config =
          ServerConfig.embedded(data, 0)
              .withEvm(new ServerConfig.EvmLedger(node.url(), relayKey, settings));
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
              server
                  .registry()
                  .credits()
                  .credits(
                      new CreditQuery(
                          Optional.empty(),
                          Optional.empty(),
                          Optional.empty(),
                          Set.of(),
                          Optional.empty()),
                      PageRequest.FIRST)
                  .items()
                  .stream()
                  .map(v -> v.block())
                  .toList();
          differences = chain.differences(issuance, registry);
          if (!differences.isEmpty()) {
            Thread.sleep(250);
          }
        }
        assertThat(differences).as("the chain holds the registry's blocks").isEmpty();
        assertThat(chain.liveBlocks(issuance)).isNotEmpty();
      }
    }
  }
}
