package org.ogcr.adapter.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.adapter.evm.contracts.CreditToken;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.port.out.ChainProjection;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * Chain reorganisations forced on anvil ({@code anvil_reorg}, which replaces the last blocks with
 * empty ones): whatever the depth, the entries of the dropped blocks read as unconfirmed, the chain
 * never holds a credit the ledger did not record, and after {@link EvmCreditLedger#resync} the
 * chain holds exactly the ledger's blocks again. The event index finds each reorganisation by block
 * hash, rolls back and reads the new branch; afterwards its tables (H2, through the JDBC adapter)
 * hold the chain's tokens, each log once, and the reconciliation finds no difference between the
 * registry's blocks and the chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReorgOnAnvilTest {

  private static final AccountId LLC = new AccountId("nulhegan-llc");
  private static final AccountId POOL = new AccountId("buffer-pool");
  private static final AccountId BUYER = new AccountId("buyer");
  private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  private AnvilNode node;

  @BeforeAll
  void startNode() {
    node = AnvilNode.start();
  }

  @AfterAll
  void stopNode() {
    node.close();
  }

  @ParameterizedTest(name = "depth {0}")
  @ValueSource(ints = {1, 2, 3, 5, 8, 16, 32, 64})
  void afterAReorgOfAnyDepth_theChainHoldsTheLedgersBlocksAgain_andNeverAPhantomCredit(int depth)
      throws Exception {
    int confirmations = 3;
    AnvilNode.Deployed d = node.deployRegistry(confirmations);
    EvmCreditLedger ledger = node.ledger(d);
    IssuanceId id = new IssuanceId("iss-reorg-" + depth);
    IssuedCredits issued =
        IssuedCredits.issue(
            id,
            IssuanceCode.parse("EC-2026-0001-NULHEGAN"),
            IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("429"), CreditUnit.TONNE),
            BufferRate.of("0.08"),
            LLC,
            POOL);
    ledger.submit(
        new LedgerCommand.Mint(
            "mint-" + id,
            id,
            new ProjectId("nulhegan-forest"),
            new ReportId("nulhegan-forest-2026"),
            2026,
            issued.blocks().blocks()));
    // one block per command on anvil: enough sales and anchors that the reorganisation reaches
    // back over `depth` of them
    IssuanceBlocks blocks = issued.blocks();
    for (int k = 0; k < depth + 2; k++) {
      if (k % 3 == 2) {
        ledger.submit(
            new LedgerCommand.Anchor("doc-" + k, "mrv", DocumentHash.sha256("doc " + depth + k)));
        continue;
      }
      CreditOperation sale =
          CreditOperation.sell(id, new SerialRange(4L * k + 1, 4L * k + 4), LLC, BUYER);
      ledger.submit(new LedgerCommand.Apply("sale-" + k, "sell", blocks.plan(sale)));
      blocks = blocks.apply(sale);
    }
    List<LedgerEntry> recorded = ledger.entries(1, 1000);
    assertThat(ledger.differences(id, blocks.blocks())).isEmpty();
    // an index in a database that reads every block, the newest included, so that the
    // reorganisation reaches it
    ChainProjection projection =
        org.ogcr.adapter.jdbc.JdbcChainProjection.over(
            org.ogcr.adapter.jdbc.JdbcDatabase.h2Memory(
                "reorg-" + depth + "-" + System.nanoTime()));
    EvmChainIndexer indexer =
        new EvmChainIndexer(
            node.web3j(),
            projection,
            new EvmChainIndexer.Settings(
                List.of(d.contracts().token(), d.contracts().anchor()),
                d.contracts().deployedAt(),
                1,
                16));
    EvmReconciliation reconciliation = new EvmReconciliation(ledger, projection);
    indexer.poll();
    String key = org.web3j.utils.Numeric.toHexString(EvmCreditLedger.key(id.value()));
    assertThat(reconciliation.reconcile(Map.of(id, blocks.blocks()), Set.of(), NOW).differences())
        .isEmpty();
    long headBefore = projection.head().orElseThrow().number();

    reorg(depth);

    EvmChainIndexer.Round rolled = indexer.poll();
    assertThat(rolled.rolledBackTo())
        .as("the index finds the reorganisation and rolls back below it")
        .isPresent();
    assertThat(rolled.rolledBackTo().getAsLong()).isLessThanOrEqualTo(headBefore - depth);
    assertThat(projection.liveTokens(key).stream().mapToLong(ChainProjection.Token::amount).sum())
        .as("no phantom credit in the index either")
        .isIn(0L, 429L);

    CreditToken token = node.token(d, AnvilNode.OPERATOR);
    BigInteger live = token.liveAmountOf(EvmCreditLedger.key(id.value())).send();
    assertThat(live)
        .as("no phantom credit: all or nothing of the issuance")
        .isIn(BigInteger.ZERO, BigInteger.valueOf(429));
    LedgerEntry last = recorded.get(recorded.size() - 1);
    assertThat(ledger.find(last.command().id()))
        .hasValueSatisfying(e -> assertThat(e.confirmed()).as("its block is gone").isFalse());

    List<String> reapplied = ledger.resync();
    assertThat(reapplied).as("the commands the reorganisation dropped").hasSizeBetween(1, depth);
    assertThat(ledger.differences(id, blocks.blocks())).isEmpty();
    assertThat(token.liveAmountOf(EvmCreditLedger.key(id.value())).send())
        .isEqualTo(BigInteger.valueOf(429));
    for (int i = 0; i < confirmations; i++) {
      mine();
    }
    indexer.poll();
    EvmReconciliation.Report report =
        reconciliation.reconcile(Map.of(id, blocks.blocks()), Set.of(), NOW);
    assertThat(report.differences()).as("database and chain agree").isEmpty();
    assertThat(projection.liveTokens(key))
        .extracting(
            t ->
                new EvmCreditLedger.ChainBlock(
                    t.first(), t.last(), t.status(), t.account(), t.replacementFor()))
        .containsExactlyElementsOf(ledger.liveBlocks(id));
    assertThat(projection.logs(0, 10_000))
        .as("each log of the new branch once")
        .extracting(l -> l.transaction() + "/" + l.logIndex())
        .doesNotHaveDuplicates();
    List<LedgerEntry> after = ledger.entries(1, 1000);
    assertThat(after)
        .extracting(LedgerEntry::hash)
        .containsExactlyElementsOf(recorded.stream().map(LedgerEntry::hash).toList());
    assertThat(after).allMatch(LedgerEntry::confirmed);
    assertThat(ledger.resync()).as("nothing more to apply").isEmpty();
  }

  private void reorg(int depth) throws Exception {
    VoidResponse r =
        new Request<>(
                "anvil_reorg",
                List.of(depth, List.of()),
                new HttpService(node.url()),
                VoidResponse.class)
            .send();
    assertThat(r.hasError())
        .as("anvil_reorg: %s", r.getError() == null ? "" : r.getError().getMessage())
        .isFalse();
  }

  private void mine() throws Exception {
    new Request<>("evm_mine", List.of(), new HttpService(node.url()), VoidResponse.class).send();
  }
}
