package org.ogcr.adapter.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.port.out.CreditLedgerContract.issue;
import static org.ogcr.port.out.CreditLedgerContract.mint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ogcr.adapter.inmemory.InMemoryChainProjection;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.port.out.ChainProjection;
import org.ogcr.port.out.LedgerCommand;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * The event indexer on a real anvil node: it reads the contracts' logs into a projection whose
 * tokens are the contract's, each log once whatever the window, never a block without enough
 * confirmations; and the reconciliation reports every difference between registry and chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmChainIndexerTest {

  private static final AccountId LLC = new AccountId("nulhegan-llc");
  private static final AccountId BUYER = new AccountId("buyer");

  private AnvilNode node;

  @BeforeAll
  void startNode() {
    node = AnvilNode.start();
  }

  @AfterAll
  void stopNode() {
    node.close();
  }

  /** A mint, a sale and a retirement of part of it, an anchor: the registry's blocks after them. */
  private List<CreditBlock> writeHistory(EvmCreditLedger ledger, IssuedCredits issued) {
    ledger.submit(mint(issued));
    IssuanceBlocks blocks = issued.blocks();
    CreditOperation sale = CreditOperation.sell(issued.id(), new SerialRange(1, 100), LLC, BUYER);
    ledger.submit(new LedgerCommand.Apply("sale-" + issued.id(), "sell", blocks.plan(sale)));
    blocks = blocks.apply(sale);
    CreditOperation retire = CreditOperation.retire(issued.id(), new SerialRange(1, 40), BUYER);
    ledger.submit(new LedgerCommand.Apply("retire-" + issued.id(), "retire", blocks.plan(retire)));
    blocks = blocks.apply(retire);
    ledger.submit(
        new LedgerCommand.Anchor("pdd-" + issued.id(), "pdd", DocumentHash.sha256("pdd")));
    return blocks.blocks();
  }

  private EvmChainIndexer indexer(
      AnvilNode.Deployed d, ChainProjection projection, int confirmations, int window) {
    return new EvmChainIndexer(
        node.web3j(),
        projection,
        new EvmChainIndexer.Settings(
            List.of(d.contracts().token(), d.contracts().anchor()),
            d.contracts().deployedAt(),
            confirmations,
            window));
  }

  @Test
  void theProjectionHoldsTheContractsTokens_eachLogOnce_whateverTheWindow() {
    AnvilNode.Deployed d = node.deployRegistry(1);
    EvmCreditLedger ledger = node.ledger(d);
    IssuedCredits issued = issue("iss-index", 429);
    List<CreditBlock> registry = writeHistory(ledger, issued);

    InMemoryChainProjection wide = new InMemoryChainProjection();
    EvmChainIndexer.Round round = indexer(d, wide, 1, 1000).poll();
    assertThat(round.rolledBackTo()).isEmpty();
    assertThat(round.logs()).isPositive();
    InMemoryChainProjection narrow = new InMemoryChainProjection();
    indexer(d, narrow, 1, 1).poll();

    String key = org.web3j.utils.Numeric.toHexString(EvmCreditLedger.key(issued.id().value()));
    for (ChainProjection p : List.of(wide, narrow)) {
      assertThat(p.liveTokens(key))
          .extracting(
              t ->
                  new EvmCreditLedger.ChainBlock(
                      t.first(), t.last(), t.status(), t.account(), t.replacementFor()))
          .containsExactlyElementsOf(ledger.liveBlocks(issued.id()))
          .containsExactlyElementsOf(
              registry.stream().map(EvmCreditLedger.ChainBlock::of).toList());
      assertThat(p.liveTokens(key).stream().mapToLong(ChainProjection.Token::amount).sum())
          .isEqualTo(429);
      assertThat(p.logs(0, 1000))
          .extracting(ChainProjection.Log::event)
          .contains(
              "IssuanceMinted",
              "CRUMinted",
              "BlockClosed",
              "BlockChangeApplied",
              "CRURetired",
              "CommandApplied",
              "DocumentAnchored")
          .doesNotContain("anonymous");
    }
    assertThat(narrow.logs(0, 1000)).isEqualTo(wide.logs(0, 1000));
    assertThat(wide.logs(0, 1000))
        .filteredOn(l -> l.event().equals("CRUMinted"))
        .allSatisfy(
            l ->
                assertThat(l.data())
                    .contains("issuanceKey=" + key)
                    .contains("commandId=" + l.commandId()));

    // nothing new on chain: a round adds nothing, and reads nothing twice
    int before = wide.logs(0, 1000).size();
    assertThat(indexer(d, wide, 1, 1000).poll().logs()).isZero();
    assertThat(wide.logs(0, 1000)).hasSize(before);
  }

  @Test
  void aBlockIsReadOnlyUnderEnoughConfirmations() throws Exception {
    AnvilNode.Deployed d = node.deployRegistry(3);
    EvmCreditLedger ledger = node.ledger(d);
    InMemoryChainProjection projection = new InMemoryChainProjection();
    EvmChainIndexer indexer = indexer(d, projection, 3, 1000);
    ledger.submit(new LedgerCommand.Anchor("mrv-i", "mrv", DocumentHash.sha256("mrv i")));
    long anchoredIn = node.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();

    indexer.poll();
    assertThat(projection.head())
        .hasValueSatisfying(h -> assertThat(h.number()).isLessThan(anchoredIn));
    assertThat(projection.logs(anchoredIn, 10)).isEmpty();
    mine();
    mine();
    indexer.poll();
    assertThat(projection.head())
        .hasValueSatisfying(h -> assertThat(h.number()).isEqualTo(anchoredIn));
    assertThat(projection.logs(anchoredIn, 10))
        .extracting(ChainProjection.Log::event)
        .as("the contract records the command id first")
        .containsExactly("CommandApplied", "DocumentAnchored");
  }

  @Test
  void theReconciliationAgreesWithTheRegistry_andReportsEveryDifference() {
    AnvilNode.Deployed d = node.deployRegistry(1);
    EvmCreditLedger ledger = node.ledger(d);
    IssuedCredits issued = issue("iss-reconcile", 429);
    List<CreditBlock> registry = writeHistory(ledger, issued);
    IssuedCredits unknown = issue("iss-unknown", 10);
    ledger.submit(mint(unknown));
    IssuedCredits waiting = issue("iss-waiting", 20);
    InMemoryChainProjection projection = new InMemoryChainProjection();
    indexer(d, projection, 1, 1000).poll();
    EvmReconciliation reconciliation = new EvmReconciliation(ledger, projection);
    Instant now = Instant.parse("2026-12-07T00:00:00Z");

    EvmReconciliation.Report agreed =
        reconciliation.reconcile(
            Map.of(
                issued.id(), registry,
                unknown.id(), unknown.blocks().blocks(),
                waiting.id(), waiting.blocks().blocks()),
            Set.of(waiting.id()),
            now);
    assertThat(agreed.differences()).isEmpty();
    assertThat(agreed.agrees()).isTrue();
    assertThat(agreed.checked()).isEqualTo(2);
    assertThat(agreed.skipped()).containsExactly(waiting.id().value());
    assertThat(agreed.indexedTo()).isEqualTo(projection.head());

    // the registry lost its retired block, and does not know the other issuance
    List<CreditBlock> tampered = registry.subList(1, registry.size());
    EvmReconciliation.Report report =
        reconciliation.reconcile(Map.of(issued.id(), tampered), Set.of(), now);
    assertThat(report.agrees()).isFalse();
    assertThat(report.differences())
        .extracting(EvmReconciliation.Difference::kind)
        .containsOnly("only_on_chain", "unknown_issuance")
        .hasSize(1 + unknown.blocks().blocks().size());
    assertThat(report.differences())
        .filteredOn(x -> x.kind().equals("only_on_chain"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.issuance()).isEqualTo(issued.id().value());
              assertThat(x.block()).contains("RETIRED");
            });
    // a block the registry holds twice is a difference, though the chain holds it once
    List<CreditBlock> doubled = new java.util.ArrayList<>(registry);
    doubled.add(registry.get(0));
    assertThat(
            reconciliation
                .reconcile(
                    Map.of(issued.id(), doubled, unknown.id(), unknown.blocks().blocks()),
                    Set.of(),
                    now)
                .differences())
        .extracting(EvmReconciliation.Difference::kind)
        .containsExactly("only_in_registry");
    assertThat(report.summary())
        .contains("1 issuances checked")
        .contains((1 + unknown.blocks().blocks().size()) + " differences");
  }

  @Test
  void anEventAnyoneCanEmit_isIndexedByName_andNeverStopsTheIndex() throws Exception {
    AnvilNode.Deployed d = node.deployRegistry(1);
    // ERC-721's setApprovalForAll is open to every account
    node.token(d, AnvilNode.DEPLOYER)
        .setApprovalForAll(AnvilNode.OPERATOR.getAddress(), true)
        .send();
    node.ledger(d)
        .submit(new LedgerCommand.Anchor("pdd-after", "pdd", DocumentHash.sha256("pdd after")));
    InMemoryChainProjection projection = new InMemoryChainProjection();
    indexer(d, projection, 1, 1000).poll();
    assertThat(projection.logs(0, 100))
        .extracting(ChainProjection.Log::event)
        .containsSubsequence("ApprovalForAll", "CommandApplied", "DocumentAnchored");
  }

  private void mine() throws Exception {
    new Request<>("evm_mine", List.of(), new HttpService(node.url()), VoidResponse.class).send();
  }
}
