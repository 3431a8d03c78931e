package org.ogcr.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;

class BlockAlgebraTest {

  static final IssuanceId ISS = new IssuanceId("iss-1");
  static final AccountId SELLER = new AccountId("property");
  static final AccountId BUYER = new AccountId("buyer");
  static final AccountId OTHER = new AccountId("other");
  static final AccountId POOL = new AccountId("buffer-pool");

  static IssuanceBlocks oneBlock(long units, CreditStatus status, AccountId owner) {
    return IssuanceBlocks.of(
        ISS,
        new SerialRange(1, units),
        POOL,
        List.of(
            new CreditBlock(ISS, new SerialRange(1, units), owner, status, Provenance.ORIGINAL)));
  }

  static CreditBlock block(long first, long last, AccountId owner, CreditStatus status) {
    return new CreditBlock(ISS, new SerialRange(first, last), owner, status, Provenance.ORIGINAL);
  }

  @Test
  void givenOneBlock_partialTransferFromTheMiddle_splitsIntoThree() {
    IssuanceBlocks before = oneBlock(429, CreditStatus.ISSUED, SELLER);

    BlockChange change =
        before.plan(CreditOperation.transfer(ISS, new SerialRange(101, 200), SELLER, BUYER));

    assertThat(change.removed()).containsExactly(block(1, 429, SELLER, CreditStatus.ISSUED));
    assertThat(change.added())
        .containsExactly(
            block(1, 100, SELLER, CreditStatus.ISSUED),
            block(101, 200, BUYER, CreditStatus.HELD),
            block(201, 429, SELLER, CreditStatus.ISSUED));
  }

  @Test
  void givenTransferAtTheStart_splitsIntoTwo() {
    BlockChange change =
        oneBlock(429, CreditStatus.ISSUED, SELLER)
            .plan(CreditOperation.transfer(ISS, new SerialRange(1, 50), SELLER, BUYER));
    assertThat(change.added())
        .containsExactly(
            block(1, 50, BUYER, CreditStatus.HELD), block(51, 429, SELLER, CreditStatus.ISSUED));
  }

  @Test
  void givenAdjacentPurchases_secondPurchase_mergesWithTheFirst() {
    IssuanceBlocks blocks =
        oneBlock(429, CreditStatus.ISSUED, SELLER)
            .apply(CreditOperation.transfer(ISS, new SerialRange(1, 50), SELLER, BUYER))
            .apply(CreditOperation.sell(ISS, new SerialRange(51, 80), SELLER, BUYER));

    assertThat(blocks.blocks())
        .containsExactly(
            block(1, 80, BUYER, CreditStatus.HELD), block(81, 429, SELLER, CreditStatus.ISSUED));
  }

  @Test
  void givenCreditsSentBackAndForth_blocksMergeOnBothSides() {
    IssuanceBlocks blocks =
        oneBlock(300, CreditStatus.HELD, SELLER)
            .apply(CreditOperation.transfer(ISS, new SerialRange(101, 200), SELLER, BUYER))
            .apply(CreditOperation.transfer(ISS, new SerialRange(101, 200), BUYER, SELLER));

    assertThat(blocks.blocks()).containsExactly(block(1, 300, SELLER, CreditStatus.HELD));
  }

  @Test
  void givenAdjacentRetirements_blocksStaySeparate_eachRecordsItsOwnClaim() {
    IssuanceBlocks blocks =
        oneBlock(100, CreditStatus.HELD, BUYER)
            .apply(CreditOperation.retire(ISS, new SerialRange(1, 10), BUYER))
            .apply(CreditOperation.retire(ISS, new SerialRange(11, 20), BUYER));

    assertThat(blocks.blocks())
        .containsExactly(
            block(1, 10, BUYER, CreditStatus.RETIRED),
            block(11, 20, BUYER, CreditStatus.RETIRED),
            block(21, 100, BUYER, CreditStatus.HELD));
  }

  @Test
  void givenListedCredits_transfer_isRefusedUntilDelisted() {
    IssuanceBlocks listed =
        oneBlock(100, CreditStatus.HELD, BUYER)
            .apply(CreditOperation.list(ISS, new SerialRange(1, 100), BUYER));

    assertThatThrownBy(
            () -> listed.apply(CreditOperation.transfer(ISS, new SerialRange(1, 5), BUYER, OTHER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("operation_not_allowed"))
        .hasMessageContaining("is LISTED")
        .hasMessageContaining("[ISSUED, HELD]");

    IssuanceBlocks delisted =
        listed.apply(CreditOperation.delist(ISS, new SerialRange(1, 100), BUYER));
    assertThat(
            delisted
                .apply(CreditOperation.transfer(ISS, new SerialRange(1, 5), BUYER, OTHER))
                .blockAt(3)
                .owner())
        .isEqualTo(OTHER);
  }

  @Test
  void givenRetiredBlock_transfer_isRefused() {
    IssuanceBlocks retired =
        oneBlock(10, CreditStatus.HELD, BUYER)
            .apply(CreditOperation.retire(ISS, new SerialRange(1, 10), BUYER));
    assertThatThrownBy(
            () ->
                retired.apply(CreditOperation.transfer(ISS, new SerialRange(1, 10), BUYER, OTHER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("operation_not_allowed"));
  }

  @Test
  void givenSomeoneElsesCredits_transfer_isRefusedAsNotOwner() {
    assertThatThrownBy(
            () ->
                oneBlock(10, CreditStatus.HELD, BUYER)
                    .apply(CreditOperation.transfer(ISS, new SerialRange(1, 5), OTHER, SELLER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("not_owner"))
        .hasMessageContaining("owned by buyer, not other");
  }

  @Test
  void givenRangeAcrossTwoBlocks_operation_isRefused() {
    IssuanceBlocks two =
        oneBlock(100, CreditStatus.ISSUED, SELLER)
            .apply(CreditOperation.transfer(ISS, new SerialRange(1, 50), SELLER, BUYER));
    assertThatThrownBy(() -> two.apply(CreditOperation.retire(ISS, new SerialRange(40, 60), BUYER)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("serial_range_not_in_block"));
  }

  @Test
  void givenRangeBeyondTheIssuance_operation_isRefused() {
    assertThatThrownBy(
            () ->
                oneBlock(100, CreditStatus.ISSUED, SELLER)
                    .apply(CreditOperation.invalidate(ISS, new SerialRange(101, 101))))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("serial_range_not_in_block"));
  }

  @Test
  void givenIssuedCredits_retire_isRefusedBecauseOnlyHeldCreditsRetire() {
    assertThatThrownBy(
            () ->
                oneBlock(100, CreditStatus.ISSUED, SELLER)
                    .apply(CreditOperation.retire(ISS, new SerialRange(1, 1), SELLER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("operation_not_allowed"));
  }

  @Test
  void givenBufferPoolCredits_transferOrSaleOrRetirement_isRefused() {
    IssuanceBlocks pool = oneBlock(10, CreditStatus.ISSUED, POOL);
    for (CreditOperation op :
        List.of(
            CreditOperation.transfer(ISS, new SerialRange(1, 5), POOL, SELLER),
            CreditOperation.sell(ISS, new SerialRange(1, 5), POOL, BUYER))) {
      assertThatThrownBy(() -> pool.apply(op))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("buffer_pool_locked"))
          .hasMessageContaining("leave the pool only as replacements");
    }
  }

  @Test
  void givenHolderCredits_deliverReplacement_isRefusedBecauseOnlyThePoolIsDrawn() {
    IssuanceBlocks held = oneBlock(10, CreditStatus.HELD, BUYER);
    assertThatThrownBy(
            () ->
                held.apply(
                    CreditOperation.deliverReplacement(
                        ISS,
                        new SerialRange(1, 5),
                        BUYER,
                        OTHER,
                        org.ogcr.domain.common.DocumentHash.sha256("forged"))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("buffer_pool_locked"))
        .hasMessageContaining("drawn only from the buffer pool");
  }

  @Test
  void givenAnyCredits_transferIntoThePool_isRefused() {
    assertThatThrownBy(
            () ->
                oneBlock(10, CreditStatus.HELD, BUYER)
                    .apply(CreditOperation.transfer(ISS, new SerialRange(1, 5), BUYER, POOL)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("buffer_pool_locked"));
  }

  @Test
  void givenPoolCredits_drawAndInvalidation_areAllowed() {
    IssuanceBlocks pool = oneBlock(10, CreditStatus.ISSUED, POOL);
    IssuanceBlocks after =
        pool.apply(
                CreditOperation.deliverReplacement(
                    ISS,
                    new SerialRange(1, 3),
                    POOL,
                    BUYER,
                    org.ogcr.domain.common.DocumentHash.sha256("receipt")))
            .apply(CreditOperation.invalidate(ISS, new SerialRange(4, 5)));
    assertThat(after.blockAt(1).owner()).isEqualTo(BUYER);
    assertThat(after.blockAt(1).isReplacement()).isTrue();
    assertThat(after.blockAt(4).status()).isEqualTo(CreditStatus.INVALIDATED);
  }

  @Test
  void everyOperationKind_movesAlongALifecycleEdgeOrKeepsItsState() {
    for (CreditOperation.Kind kind : CreditOperation.Kind.values()) {
      for (CreditStatus from : kind.from()) {
        assertThat(from == kind.to() || CreditStatus.LIFECYCLE.allows(from, kind.to()))
            .as("%s from %s to %s", kind, from, kind.to())
            .isTrue();
      }
    }
  }

  @Test
  void givenOperationWithRecipientEqualToOwner_constructor_refusesNamingRecipient() {
    assertThatThrownBy(() -> CreditOperation.transfer(ISS, new SerialRange(1, 1), BUYER, BUYER))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("recipient must differ from the owner; was \"buyer\"");
  }

  @Test
  void givenChangeThatLosesCredits_blockChange_refusesIt() {
    assertThatThrownBy(
            () ->
                new BlockChange(
                    List.of(block(1, 10, SELLER, CreditStatus.HELD)),
                    List.of(block(1, 9, SELLER, CreditStatus.HELD))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must cover exactly the removed serials [1, 10]");
  }

  @Test
  void givenFailedOperation_blocks_areUnchanged() {
    IssuanceBlocks before = oneBlock(10, CreditStatus.HELD, BUYER);
    List<CreditBlock> snapshot = before.blocks();
    assertThatThrownBy(
        () -> before.apply(CreditOperation.transfer(ISS, new SerialRange(1, 5), OTHER, SELLER)));
    assertThat(before.blocks()).isEqualTo(snapshot);
  }
}
