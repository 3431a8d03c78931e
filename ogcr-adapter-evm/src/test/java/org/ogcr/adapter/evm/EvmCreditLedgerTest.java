package org.ogcr.adapter.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ogcr.adapter.evm.contracts.CreditToken;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.CreditLedger.LedgerRefusedException;
import org.ogcr.port.out.CreditLedgerContract;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * The ledger port's contract, unchanged, against the registry's contracts on a real anvil node
 * (each test gets a fresh deployment, so it starts from an empty ledger); then what only a chain
 * does: a restarted relay finds on chain what it had applied, and entries wait for confirmations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmCreditLedgerTest extends CreditLedgerContract {

  private AnvilNode node;

  @BeforeAll
  void startNode() {
    node = AnvilNode.start();
  }

  @AfterAll
  void stopNode() {
    node.close();
  }

  @Override
  protected CreditLedger emptyLedger() {
    return node.ledger(node.deployRegistry(1));
  }

  @Test
  void aRestartedRelayFindsWhatTheChainApplied_andTheChainRefusesAnotherCommandUnderAUsedId()
      throws Exception {
    AnvilNode.Deployed d = node.deployRegistry(1);
    EvmCreditLedger first = node.ledger(d);
    IssuedCredits issued = issue("iss-restart", 429);
    LedgerEntry minted = first.submit(mint(issued));
    first.submit(new LedgerCommand.Anchor("pdd-r", "pdd", DocumentHash.sha256("pdd r")));

    // more blocks since than one look-up window: the mint's event is found walking back
    VoidResponse mined =
        new Request<>(
                "anvil_mine", List.of("0x5dc"), new HttpService(node.url()), VoidResponse.class)
            .send();
    assertThat(mined.hasError()).isFalse();
    // a new process: its journal is empty, the chain is not
    EvmCreditLedger restarted = node.ledger(d);
    assertThat(restarted.find(minted.command().id())).isEmpty();
    LedgerEntry again = restarted.submit(mint(issued));
    assertThat(again.command()).isEqualTo(minted.command());
    assertThat(restarted.find(minted.command().id())).contains(again);
    assertThat(again.confirmed()).as("journaled at the mint's block, 1,500 blocks deep").isTrue();
    assertThatThrownBy(
            () ->
                restarted.submit(
                    new LedgerCommand.Anchor("pdd-r", "pdd", DocumentHash.sha256("another"))))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("ledger_command_conflict"));

    CreditToken token = node.token(d, AnvilNode.OPERATOR);
    byte[] issuance = EvmCreditLedger.key(issued.id().value());
    assertThat(token.liveAmountOf(issuance).send())
        .as("minted once")
        .isEqualTo(BigInteger.valueOf(429));
    assertThat(token.liveTokensOfIssuance(issuance).send()).hasSize(2);
  }

  @Test
  void afterARestart_anotherBlockChangeUnderAnAppliedId_isRefusedAsAConflict() {
    AnvilNode.Deployed d = node.deployRegistry(1);
    EvmCreditLedger first = node.ledger(d);
    IssuedCredits issued = issue("iss-change-restart", 429);
    first.submit(mint(issued));
    org.ogcr.domain.credit.IssuanceBlocks blocks = issued.blocks();
    org.ogcr.domain.credit.CreditOperation sale =
        org.ogcr.domain.credit.CreditOperation.sell(
            issued.id(),
            new org.ogcr.domain.credit.SerialRange(1, 100),
            LLC,
            new org.ogcr.domain.id.AccountId("buyer"));
    LedgerCommand.Apply applied = new LedgerCommand.Apply("sale-r", "sell", blocks.plan(sale));
    first.submit(applied);

    EvmCreditLedger restarted = node.ledger(d);
    org.ogcr.domain.credit.CreditOperation other =
        org.ogcr.domain.credit.CreditOperation.sell(
            issued.id(),
            new org.ogcr.domain.credit.SerialRange(1, 50),
            LLC,
            new org.ogcr.domain.id.AccountId("buyer"));
    assertThatThrownBy(
            () -> restarted.submit(new LedgerCommand.Apply("sale-r", "sell", blocks.plan(other))))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("ledger_command_conflict");
              assertThat(e.getMessage()).contains("another change");
            });
    assertThat(restarted.submit(applied).command())
        .as("the same change is no conflict")
        .isEqualTo(applied);
  }

  @Test
  void aCallThatWouldRunOutOfGas_failsInSimulation_andSendsNothing() throws Exception {
    AnvilNode.Deployed d = node.deployRegistry(1);
    EvmLedgerSettings s = d.settings();
    EvmCreditLedger starved =
        new EvmCreditLedger(
            node.web3j(),
            AnvilNode.OPERATOR,
            new EvmLedgerSettings(
                s.chainId(),
                s.tokenAddress(),
                s.anchorAddress(),
                1,
                s.gasPrice(),
                BigInteger.valueOf(30_000),
                s.receiptPolling()));
    BigInteger nonce =
        node.web3j()
            .ethGetTransactionCount(
                AnvilNode.OPERATOR.getAddress(),
                org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
            .send()
            .getTransactionCount();
    assertThatThrownBy(
            () ->
                starved.submit(
                    new LedgerCommand.Anchor("pdd-gas", "pdd", DocumentHash.sha256("pdd gas"))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            node.web3j()
                .ethGetTransactionCount(
                    AnvilNode.OPERATOR.getAddress(),
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
                .send()
                .getTransactionCount())
        .as("no transaction sent")
        .isEqualTo(nonce);
    assertThat(starved.entries(1, 10)).isEmpty();
  }

  @Test
  void aRelayWithoutTheOperatorRole_failsForTheRelayToRetry_neverAsARefusal() {
    EvmCreditLedger stranger =
        new EvmCreditLedger(node.web3j(), AnvilNode.DEPLOYER, node.deployRegistry(1).settings());
    assertThatThrownBy(
            () ->
                stranger.submit(
                    new LedgerCommand.Anchor("pdd-s", "pdd", DocumentHash.sha256("pdd s"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AccessControlUnauthorizedAccount");
    assertThat(stranger.entries(1, 10)).isEmpty();
  }

  @Test
  void anEntryIsConfirmedOnceEnoughBlocksAreOnTopOfIt() throws Exception {
    EvmCreditLedger ledger = node.ledger(node.deployRegistry(3));
    LedgerEntry anchored =
        ledger.submit(new LedgerCommand.Anchor("mrv-c", "mrv", DocumentHash.sha256("mrv c")));
    assertThat(anchored.confirmed()).isFalse();
    mine();
    assertThat(ledger.find("mrv-c")).hasValueSatisfying(e -> assertThat(e.confirmed()).isFalse());
    mine();
    assertThat(ledger.find("mrv-c")).hasValueSatisfying(e -> assertThat(e.confirmed()).isTrue());
    assertThat(ledger.entries(1, 10)).extracting(LedgerEntry::confirmed).containsExactly(true);
  }

  @Test
  void withAPriorityFee_theRelaySendsEip1559Transactions() throws Exception {
    AnvilNode.Deployed d = node.deployRegistry(1);
    BigInteger tip = BigInteger.valueOf(1_000_000);
    EvmCreditLedger ledger =
        new EvmCreditLedger(node.web3j(), AnvilNode.OPERATOR, d.settings().withMaxPriorityFee(tip));
    ledger.submit(new LedgerCommand.Anchor("pdd-1559", "pdd", DocumentHash.sha256("pdd 1559")));
    var block =
        node.web3j()
            .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, true)
            .send()
            .getBlock();
    var tx =
        (org.web3j.protocol.core.methods.response.Transaction) block.getTransactions().get(0).get();
    assertThat(tx.getTo()).isEqualToIgnoringCase(d.settings().anchorAddress());
    assertThat(tx.getType()).isEqualTo("0x2");
    assertThat(tx.getMaxPriorityFeePerGas()).isEqualTo(tip);
    assertThat(tx.getMaxFeePerGas()).isEqualTo(AnvilNode.GAS_PRICE);
    assertThatThrownBy(
            () -> d.settings().withMaxPriorityFee(AnvilNode.GAS_PRICE.add(BigInteger.ONE)))
        .hasMessageContaining("maxPriorityFee")
        .hasMessageContaining("fee cap");
  }

  private void mine() throws Exception {
    new Request<>("evm_mine", List.of(), new HttpService(node.url()), VoidResponse.class).send();
  }
}
