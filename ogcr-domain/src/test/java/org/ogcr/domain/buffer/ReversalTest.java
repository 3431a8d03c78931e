package org.ogcr.domain.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;

class ReversalTest {

  static final AccountId TREASURY = new AccountId("nulhegan-llc");
  static final AccountId POOL = new AccountId("buffer-pool");
  static final AccountId BUYER = new AccountId("buyer");
  static final AccountId RETIREE = new AccountId("retiree");
  static final DocumentHash RECEIPT = DocumentHash.sha256("issuance receipt EC-2026-0001");

  IssuanceId burnt = new IssuanceId("iss-burnt");
  IssuanceId healthy = new IssuanceId("iss-healthy");
  IssuanceBlocks burntBlocks;
  IssuanceBlocks healthyBlocks;

  @BeforeEach
  void issueTwoPropertiesAndSellSome() {
    // burnt: 100 credits, 10 % buffer → owner [1, 90], pool [91, 100]
    burntBlocks = issue(burnt, "BURNT", 100).blocks();
    burntBlocks =
        burntBlocks
            .apply(CreditOperation.sell(burnt, new SerialRange(1, 30), TREASURY, BUYER))
            .apply(CreditOperation.sell(burnt, new SerialRange(31, 40), TREASURY, RETIREE))
            .apply(CreditOperation.retire(burnt, new SerialRange(31, 40), RETIREE));
    // healthy: 500 credits → owner [1, 450], pool [451, 500]
    healthyBlocks = issue(healthy, "HEALTHY", 500).blocks();
  }

  static IssuedCredits issue(IssuanceId id, String property, long tonnes) {
    return IssuedCredits.issue(
        id,
        new IssuanceCode("EC", 2026, 1, property),
        IssuanceFormula.verifiedRemoval(
            Co2eQuantity.ofTonnes(Long.toString(tonnes)), CreditUnit.TONNE),
        BufferRate.of("0.10"),
        TREASURY,
        POOL);
  }

  List<CreditBlock> pool() {
    return java.util.stream.Stream.concat(
            healthyBlocks.blocks().stream(), burntBlocks.blocks().stream())
        .filter(b -> b.owner().equals(POOL))
        .toList();
  }

  @Test
  void givenTotalLoss_plan_invalidatesLiveCredits_replacesBuyers_andCancelsPoolForRetirements() {
    Reversal.Plan plan = Reversal.plan(burntBlocks, new SerialRange(1, 100), RECEIPT, pool());

    // live credits invalidated: buyer's 30, treasury's unsold 50, the burnt pool's own 10
    assertThat(plan.invalidated()).isEqualTo(90);
    assertThat(plan.replaced()).isEqualTo(30); // only the buyer is made whole
    assertThat(plan.cancelledFromPool()).isEqualTo(10); // backs the 10 retired credits

    for (CreditOperation op : plan.operations()) {
      if (op.issuance().equals(burnt)) {
        burntBlocks = burntBlocks.apply(op);
      } else {
        healthyBlocks = healthyBlocks.apply(op);
      }
    }

    // the burnt property's own pool credits are lost with it; the healthy pool pays
    CreditBlock replacement = healthyBlocks.blockAt(451);
    assertThat(replacement.owner()).isEqualTo(BUYER);
    assertThat(replacement.range()).isEqualTo(new SerialRange(451, 480));
    assertThat(replacement.isReplacement()).isTrue();
    assertThat(replacement.provenance().replacementFor()).contains(RECEIPT);
    assertThat(healthyBlocks.blockAt(481).range()).isEqualTo(new SerialRange(481, 490));
    assertThat(healthyBlocks.blockAt(481).status()).isEqualTo(CreditStatus.INVALIDATED);
    assertThat(healthyBlocks.blockAt(491).owner()).isEqualTo(POOL);
    assertThat(healthyBlocks.blockAt(491).status()).isEqualTo(CreditStatus.ISSUED);
    assertThat(burntBlocks.blockAt(35).status()).isEqualTo(CreditStatus.RETIRED);

    burntBlocks.tally().requireBalanced(100);
    healthyBlocks.tally().requireBalanced(500);
    assertThat(burntBlocks.tally().invalidated()).isEqualTo(90);
    assertThat(healthyBlocks.tally().invalidated()).isEqualTo(10);
  }

  @Test
  void givenPoolTooSmall_plan_refusesAndPlansNothing() {
    List<CreditBlock> tiny =
        List.of(healthyBlocks.blockAt(451).withRange(new SerialRange(451, 455)));
    assertThatThrownBy(() -> Reversal.plan(burntBlocks, new SerialRange(1, 100), RECEIPT, tiny))
        .isInstanceOfSatisfying(
            InsufficientBufferException.class,
            e -> {
              assertThat(e.code()).isEqualTo("insufficient_buffer");
              assertThat(e.requested()).isEqualTo(40);
              assertThat(e.available()).isEqualTo(5);
            });
  }

  @Test
  void givenSamePoolBlockTwice_plan_isRefusedBeforeAnythingIsPlanned() {
    CreditBlock healthyPool = healthyBlocks.blockAt(451);
    assertThatThrownBy(
            () ->
                Reversal.plan(
                    burntBlocks,
                    new SerialRange(1, 100),
                    RECEIPT,
                    List.of(healthyPool, healthyPool)))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageStartingWith("poolBlocks must not overlap another pool block");
  }

  @Test
  void givenBlockNotInThePool_plan_isRefused() {
    assertThatThrownBy(
            () ->
                Reversal.plan(
                    burntBlocks,
                    new SerialRange(1, 100),
                    RECEIPT,
                    List.of(healthyBlocks.blockAt(1))))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageStartingWith("poolBlocks must be owned by the buffer pool buffer-pool");
  }

  @Test
  void givenStalePoolBlockOfTheAffectedIssuance_plan_isRefused() {
    CreditBlock stale = burntBlocks.blockAt(91).withRange(new SerialRange(91, 200));
    assertThatThrownBy(
            () -> Reversal.plan(burntBlocks, new SerialRange(1, 10), RECEIPT, List.of(stale)))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageStartingWith("poolBlocks must be a current block of issuance iss-burnt");
  }

  @Test
  void givenLossOfUnsoldCreditsOnly_plan_drawsNothingFromThePool() {
    Reversal.Plan plan = Reversal.plan(burntBlocks, new SerialRange(50, 60), RECEIPT, pool());
    assertThat(plan.operations())
        .containsExactly(CreditOperation.invalidate(burnt, new SerialRange(50, 60)));
    assertThat(plan.replaced()).isZero();
  }
}
