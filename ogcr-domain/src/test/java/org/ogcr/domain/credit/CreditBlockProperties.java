package org.ogcr.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.ogcr.domain.buffer.InsufficientBufferException;
import org.ogcr.domain.buffer.Reversal;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;

/**
 * Any random sequence of transfers, sales, listings, retirements, invalidations and reversals keeps
 * every issuance exactly covered, the supply invariant true and the blocks maximal; and every
 * outcome, success or refusal, agrees with a brute-force model that tracks each credit on its own.
 */
class CreditBlockProperties {

  private static final AccountId PROPERTY = new AccountId("property-treasury");
  private static final AccountId POOL = new AccountId("buffer-pool");
  private static final List<AccountId> ACCOUNTS =
      List.of(
          PROPERTY,
          POOL,
          new AccountId("holder-a"),
          new AccountId("holder-b"),
          new AccountId("holder-c"));
  private static final IssuanceId ISSUANCE = new IssuanceId("iss-1");
  private static final IssuanceCode CODE = IssuanceCode.parse("EC-2026-0001-NULHEGAN");
  private static final DocumentHash RECEIPT = DocumentHash.sha256("receipt of iss-1");

  /** One step, chosen by numbers that are interpreted against the blocks present at that step. */
  record Step(
      int kind,
      int blockPick,
      long startPick,
      long lengthPick,
      int actorPick,
      int recipientPick,
      boolean ownerActs) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
                Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
                Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
                Arbitraries.of(true, true, true, false))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 1000)
  void givenAnyOperationSequence_blocksMatchPerCreditModel_andInvariantsHold(
      @ForAll @LongRange(min = 1, max = 400) long units,
      @ForAll @IntRange(min = 5, max = 14) int ratePercent,
      @ForAll("steps") List<Step> steps) {
    IssuedCredits issued =
        IssuedCredits.issue(
            ISSUANCE,
            CODE,
            IssuanceFormula.verifiedRemoval(
                Co2eQuantity.ofTonnes(Long.toString(units)), CreditUnit.TONNE),
            BufferRate.of("0." + String.format("%02d", ratePercent)),
            PROPERTY,
            POOL);
    IssuanceBlocks blocks = issued.blocks();
    Model model = Model.of(blocks);
    checkInvariants(blocks, model, units);
    checkOutcomeCoverage();

    for (Step step : steps) {
      IssuanceBlocks before = blocks;
      if (step.kind() == 7) {
        blocks = reverse(blocks, model, step);
      } else {
        blocks = operate(blocks, model, step);
      }
      if (blocks == before) {
        assertThat(model.blocksLookLike(before)).isTrue();
      }
      checkInvariants(blocks, model, units);
    }
  }

  @Property(tries = 1000)
  void givenMillionCreditIssuance_randomOperations_keepBlockCountSmallAndSupplyExact(
      @ForAll("steps") List<Step> steps) {
    long units = 1_000_000;
    IssuedCredits issued =
        IssuedCredits.issue(
            ISSUANCE,
            CODE,
            IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("1000000"), CreditUnit.TONNE),
            BufferRate.of("0.10"),
            PROPERTY,
            POOL);
    IssuanceBlocks blocks = issued.blocks();
    assertThat(blocks.size()).isEqualTo(2);
    for (Step step : steps) {
      Optional<CreditOperation> op = toOperation(blocks, step);
      if (op.isPresent()) {
        try {
          blocks = blocks.apply(op.get());
        } catch (DomainException refused) {
          // refusals leave the blocks as they were; checked below
        }
      }
      assertThat(SerialCoverage.violations(blocks.range(), blocks.blocks())).isEmpty();
      blocks.tally().requireBalanced(units);
      // every operation adds at most two blocks: cost follows operations, never credits
      assertThat(blocks.size()).isLessThanOrEqualTo(2 + 2 * steps.size());
    }
  }

  /** The generator must reach every kind of success and refusal, or the property proves little. */
  private static void checkOutcomeCoverage() {
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              for (CreditOperation.Kind kind : CreditOperation.Kind.values()) {
                coverage.check("applied " + kind).count(n -> n > 0);
              }
              for (String code :
                  List.of("not_owner", "operation_not_allowed", "serial_range_not_in_block")) {
                coverage.check(code).count(n -> n > 0);
              }
            });
    Statistics.label("reversal")
        .coverage(coverage -> coverage.check("with replacements").count(n -> n > 0));
  }

  private static IssuanceBlocks operate(IssuanceBlocks blocks, Model model, Step step) {
    Optional<CreditOperation> op = toOperation(blocks, step);
    if (op.isEmpty()) {
      return blocks;
    }
    Set<String> expectedRefusals = model.refusals(op.get());
    try {
      IssuanceBlocks after = blocks.apply(op.get());
      assertThat(expectedRefusals).as("model refuses %s", op.get()).isEmpty();
      Statistics.label("outcome").collect("applied " + op.get().kind());
      model.apply(op.get());
      return after;
    } catch (DomainException refused) {
      assertThat(expectedRefusals).as("refusal of %s", op.get()).contains(refused.code());
      Statistics.label("outcome").collect(refused.code());
      return blocks;
    }
  }

  private static IssuanceBlocks reverse(IssuanceBlocks blocks, Model model, Step step) {
    SerialRange lost = pickRange(blocks.range(), step.startPick(), step.lengthPick());
    List<CreditBlock> pool = blocks.blocks().stream().filter(b -> b.owner().equals(POOL)).toList();
    Reversal.Plan plan;
    try {
      plan = Reversal.plan(blocks, lost, POOL, RECEIPT, pool);
    } catch (InsufficientBufferException short_) {
      assertThat(short_.requested()).isGreaterThan(short_.available());
      Statistics.label("reversal").collect("insufficient buffer");
      return blocks;
    }
    Statistics.label("reversal")
        .collect(plan.replaced() > 0 ? "with replacements" : "no holder hit");
    long liveBefore = model.live();
    IssuanceBlocks after = blocks;
    for (CreditOperation op : plan.operations()) {
      assertThat(model.refusals(op)).as("reversal step %s", op).isEmpty();
      after = after.apply(op);
      model.apply(op);
    }
    assertThat(model.live()).isEqualTo(liveBefore - plan.invalidated() - plan.cancelledFromPool());
    return after;
  }

  /** Mostly operations on a real block by its owner; sometimes nonsense, which must be refused. */
  private static Optional<CreditOperation> toOperation(IssuanceBlocks blocks, Step step) {
    List<CreditBlock> all = blocks.blocks();
    CreditBlock block = all.get(step.blockPick() % all.size());
    SerialRange range =
        step.ownerActs()
            ? pickRange(block.range(), step.startPick(), step.lengthPick())
            : pickRange(blocks.range(), step.startPick(), step.lengthPick());
    AccountId actor = step.ownerActs() ? block.owner() : ACCOUNTS.get(step.actorPick());
    AccountId recipient = ACCOUNTS.get(step.recipientPick());
    if (recipient.equals(actor)) {
      recipient = ACCOUNTS.get((step.recipientPick() + 1) % ACCOUNTS.size());
    }
    return Optional.of(
        switch (step.kind()) {
          case 0 -> CreditOperation.transfer(ISSUANCE, range, actor, recipient);
          case 1 -> CreditOperation.list(ISSUANCE, range, actor);
          case 2 -> CreditOperation.delist(ISSUANCE, range, actor);
          case 3 -> CreditOperation.sell(ISSUANCE, range, actor, recipient);
          case 4 -> CreditOperation.retire(ISSUANCE, range, actor);
          case 5 -> CreditOperation.invalidate(ISSUANCE, range);
          default -> CreditOperation.deliverReplacement(ISSUANCE, range, actor, recipient, RECEIPT);
        });
  }

  private static SerialRange pickRange(SerialRange within, long startPick, long lengthPick) {
    long start = within.first() + startPick % within.count();
    long end = start + lengthPick % (within.last() - start + 1);
    return new SerialRange(start, end);
  }

  private static void checkInvariants(IssuanceBlocks blocks, Model model, long units) {
    assertThat(SerialCoverage.violations(blocks.range(), blocks.blocks())).isEmpty();
    blocks.tally().requireBalanced(units);
    assertThat(blocks.tally()).isEqualTo(SupplyTally.of(model.asBlocks()));
    assertThat(model.blocksLookLike(blocks)).as("blocks equal the per-credit model").isTrue();
    List<CreditBlock> list = blocks.blocks();
    for (int i = 1; i < list.size(); i++) {
      assertThat(list.get(i - 1).canMergeWith(list.get(i)))
          .as("adjacent blocks %s and %s are left unmerged", list.get(i - 1), list.get(i))
          .isFalse();
    }
  }

  /** Each credit tracked on its own: the slow, obviously right version of the block algebra. */
  static final class Model {
    record Credit(AccountId owner, CreditStatus status, Provenance provenance) {}

    private final Credit[] credits; // index 0 unused: serials start at 1

    private Model(Credit[] credits) {
      this.credits = credits;
    }

    static Model of(IssuanceBlocks blocks) {
      Credit[] credits = new Credit[(int) blocks.range().last() + 1];
      for (CreditBlock b : blocks.blocks()) {
        for (long s = b.range().first(); s <= b.range().last(); s++) {
          credits[(int) s] = new Credit(b.owner(), b.status(), b.provenance());
        }
      }
      return new Model(credits);
    }

    /**
     * The codes the registry may refuse {@code op} with; empty when it must succeed. Live credits
     * with equal owner, state and provenance form one block (blocks are maximal), so a uniform live
     * run is one block. Final blocks never merge, so a uniform final run may be several blocks: the
     * registry may report either that the range spans blocks or what the single block refuses.
     */
    Set<String> refusals(CreditOperation op) {
      SerialRange r = op.range();
      if (r.last() >= credits.length) {
        return Set.of("serial_range_not_in_block");
      }
      Credit first = credits[(int) r.first()];
      for (long s = r.first(); s <= r.last(); s++) {
        if (!credits[(int) s].equals(first)) {
          return Set.of("serial_range_not_in_block");
        }
      }
      boolean ownerMismatch = op.owner().isPresent() && !op.owner().get().equals(first.owner());
      if (first.status().isFinal()) {
        return Set.of(
            "serial_range_not_in_block", ownerMismatch ? "not_owner" : "operation_not_allowed");
      }
      if (ownerMismatch) {
        return Set.of("not_owner");
      }
      if (!op.kind().startsIn(first.status())) {
        return Set.of("operation_not_allowed");
      }
      return Set.of();
    }

    void apply(CreditOperation op) {
      for (long s = op.range().first(); s <= op.range().last(); s++) {
        Credit c = credits[(int) s];
        Provenance provenance =
            op.replacementFor().<Provenance>map(Provenance.Replacement::new).orElse(c.provenance());
        credits[(int) s] = new Credit(op.recipient().orElse(c.owner()), op.kind().to(), provenance);
      }
    }

    long live() {
      long n = 0;
      for (int s = 1; s < credits.length; s++) {
        n += credits[s].status().isFinal() ? 0 : 1;
      }
      return n;
    }

    List<CreditBlock> asBlocks() {
      List<CreditBlock> out = new ArrayList<>();
      for (int s = 1; s < credits.length; s++) {
        Credit c = credits[s];
        out.add(
            new CreditBlock(
                ISSUANCE, SerialRange.single(s), c.owner(), c.status(), c.provenance()));
      }
      return out;
    }

    boolean blocksLookLike(IssuanceBlocks blocks) {
      for (CreditBlock b : blocks.blocks()) {
        for (long s = b.range().first(); s <= b.range().last(); s++) {
          Credit c = credits[(int) s];
          if (!Objects.equals(c, new Credit(b.owner(), b.status(), b.provenance()))) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
