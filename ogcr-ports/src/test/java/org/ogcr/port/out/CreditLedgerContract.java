package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.BlockChange;
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
import org.ogcr.port.out.CreditLedger.LedgerRefusedException;

/**
 * What every {@link CreditLedger} must do; the in-memory and EVM adapters' tests extend it
 * unchanged and only say how to reach an empty ledger (and, for a chain, how long to wait).
 */
public abstract class CreditLedgerContract {

  protected static final AccountId LLC = new AccountId("nulhegan-llc");
  protected static final AccountId POOL = new AccountId("buffer-pool");
  protected static final AccountId BUYER = new AccountId("buyer");

  /** A ledger with nothing recorded. */
  protected abstract CreditLedger emptyLedger();

  public static IssuedCredits issue(String id, long tonnes) {
    return IssuedCredits.issue(
        new IssuanceId(id),
        IssuanceCode.parse("EC-2026-0001-NULHEGAN"),
        IssuanceFormula.verifiedRemoval(
            Co2eQuantity.ofTonnes(Long.toString(tonnes)), CreditUnit.TONNE),
        BufferRate.of("0.08"),
        LLC,
        POOL);
  }

  public static LedgerCommand.Mint mint(IssuedCredits issued) {
    return mint("mint-" + issued.id(), issued);
  }

  /** The mint of {@code issued} under {@code id}, from the worked example's project and report. */
  protected static LedgerCommand.Mint mint(String id, IssuedCredits issued) {
    return new LedgerCommand.Mint(
        id,
        issued.id(),
        new ProjectId("nulhegan-forest"),
        new ReportId("nulhegan-forest-2026"),
        2026,
        issued.blocks().blocks());
  }

  @Test
  void givenAnchor_submit_recordsItOnceAndFindsItById() {
    CreditLedger ledger = emptyLedger();
    LedgerCommand.Anchor anchor =
        new LedgerCommand.Anchor("pdd-1", "pdd", DocumentHash.sha256("pdd of nulhegan-forest"));
    LedgerEntry first = ledger.submit(anchor);
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.command()).isEqualTo(anchor);
    assertThat(ledger.submit(anchor)).as("a relayed retry writes nothing new").isEqualTo(first);
    assertThat(ledger.entries(1, 10)).containsExactly(first);
    assertThat(ledger.find("pdd-1")).contains(first);
    assertThat(ledger.find("pdd-2")).isEmpty();
  }

  @Test
  void givenUsedIdWithAnotherCommand_submit_isRefusedAndRecordsNothing() {
    CreditLedger ledger = emptyLedger();
    ledger.submit(new LedgerCommand.Anchor("a-1", "pdd", DocumentHash.sha256("one")));
    assertThatThrownBy(
            () -> ledger.submit(new LedgerCommand.Anchor("a-1", "pdd", DocumentHash.sha256("two"))))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("ledger_command_conflict"));
    assertThat(ledger.entries(1, 10)).hasSize(1);
  }

  @Test
  void givenMintThenTransfer_entriesChainInOrder() {
    CreditLedger ledger = emptyLedger();
    IssuedCredits issued = issue("iss-1", 429);
    LedgerEntry minted = ledger.submit(mint(issued));
    BlockChange sale =
        issued
            .blocks()
            .plan(CreditOperation.sell(issued.id(), new SerialRange(1, 100), LLC, BUYER));
    LedgerEntry sold = ledger.submit(new LedgerCommand.Apply("sale-1", "sell", sale));
    assertThat(sold.sequence()).isEqualTo(minted.sequence() + 1);
    assertThat(sold.previous()).isEqualTo(minted.hash());
    assertThat(minted.hash()).isNotEqualTo(sold.hash());
  }

  @Test
  void givenStaleChange_submit_isRefusedAsAStateMismatch() {
    CreditLedger ledger = emptyLedger();
    IssuedCredits issued = issue("iss-2", 429);
    ledger.submit(mint(issued));
    BlockChange sale =
        issued
            .blocks()
            .plan(CreditOperation.sell(issued.id(), new SerialRange(1, 100), LLC, BUYER));
    ledger.submit(new LedgerCommand.Apply("sale-1", "sell", sale));
    // the same change under another id: its removed block is no longer current
    assertThatThrownBy(() -> ledger.submit(new LedgerCommand.Apply("sale-2", "sell", sale)))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("ledger_state_mismatch"));
    assertThatThrownBy(() -> ledger.submit(mint("mint-again", issued)))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("ledger_state_mismatch"));
    assertThat(ledger.entries(1, 10)).hasSize(2);
  }

  @Test
  void givenChangeThatUnretiresCredits_submit_isRefused() {
    CreditLedger ledger = emptyLedger();
    IssuedCredits issued = issue("iss-4", 100);
    ledger.submit(mint(issued));
    IssuanceBlocks blocks = issued.blocks();
    CreditOperation sale = CreditOperation.sell(issued.id(), new SerialRange(1, 10), LLC, BUYER);
    ledger.submit(new LedgerCommand.Apply("sale-4", "sell", blocks.plan(sale)));
    blocks = blocks.apply(sale);
    CreditOperation retire = CreditOperation.retire(issued.id(), new SerialRange(1, 10), BUYER);
    ledger.submit(new LedgerCommand.Apply("retire-4", "retire", blocks.plan(retire)));
    blocks = blocks.apply(retire);
    org.ogcr.domain.credit.CreditBlock retired = blocks.blockAt(1);
    BlockChange unretire =
        new BlockChange(
            java.util.List.of(retired),
            java.util.List.of(
                new org.ogcr.domain.credit.CreditBlock(
                    issued.id(),
                    retired.range(),
                    LLC,
                    org.ogcr.domain.credit.CreditStatus.ISSUED,
                    retired.provenance())));
    assertThatThrownBy(() -> ledger.submit(new LedgerCommand.Apply("unretire", "forge", unretire)))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("ledger_state_mismatch"));
    assertThat(ledger.find("unretire")).isEmpty();
  }

  @Test
  void givenChangeToAnIssuanceNeverMinted_submit_isRefused() {
    CreditLedger ledger = emptyLedger();
    IssuedCredits issued = issue("iss-3", 10);
    BlockChange change =
        issued.blocks().plan(CreditOperation.invalidate(issued.id(), new SerialRange(1, 1)));
    assertThatThrownBy(() -> ledger.submit(new LedgerCommand.Apply("inv-1", "invalidate", change)))
        .isInstanceOfSatisfying(
            LedgerRefusedException.class,
            e -> assertThat(e.code()).isEqualTo("ledger_state_mismatch"));
  }

  @Test
  void givenConcurrentRelays_eachCommandIsRecordedExactlyOnce() throws Exception {
    CreditLedger ledger = emptyLedger();
    List<LedgerCommand> commands = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      commands.add(new LedgerCommand.Anchor("doc-" + i, "mrv", DocumentHash.sha256("doc " + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int relay = 0; relay < 4; relay++) {
        // every relay sends every command: retries and races alike must write each once
        done.add(pool.submit(() -> commands.forEach(ledger::submit)));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<LedgerEntry> all = ledger.entries(1, 1000);
    assertThat(all).hasSize(50);
    assertThat(all)
        .extracting(LedgerEntry::sequence)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).previous()).isEqualTo(all.get(i - 1).hash());
    }
  }
}
