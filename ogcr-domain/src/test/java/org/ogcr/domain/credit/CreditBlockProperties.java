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
 * Reversals draw on the pool blocks of the issuance itself and of a second, healthy issuance.
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
  private static final IssuanceId HEALTHY = new IssuanceId("iss-healthy");
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

  static IssuedCredits issue(IssuanceId id, long units, String rate) {
    return IssuedCredits.issue(
        id,
        CODE,
        IssuanceFormula.verifiedRemoval(
            Co2eQuantity.ofTonnes(Long.toString(units)), CreditUnit.TONNE),
        BufferRate.of(rate),
        PROPERTY,
        POOL);
  }

  @Property(tries = 1000)
  void givenAnyOperationSequence_blocksMatchPerCreditModel_andInvariantsHold(
      @ForAll @LongRange(min = 1, max = 400) long units,
      @ForAll @IntRange(min = 5, max = 14) int ratePercent,
      @ForAll @LongRange(min = 1, max = 300) long healthyUnits,
      @ForAll("steps") List<Step> steps) {
    World world =
        new World(
            issue(ISSUANCE, units, "0." + String.format("%02d", ratePercent)).blocks(),
            issue(HEALTHY, healthyUnits, "0.14").blocks());
    world.checkInvariants(units, healthyUnits);
    checkOutcomeCoverage();

    for (Step step : steps) {
      if (step.kind() == 7) {
        world.reverse(step);
      } else {
        world.operate(step);
      }
      world.checkInvariants(units, healthyUnits);
    }
  }

  @Property(tries = 1000)
  void givenMillionCreditIssuance_randomOperations_costBlocksNotCredits(
      @ForAll("steps") List<Step> steps) {
    long units = 1_000_000;
    IssuanceBlocks blocks = issue(ISSUANCE, units, "0.10").blocks();
    assertThat(blocks.size()).isEqualTo(2);
    int applied = 0;
    for (Step step : steps) {
      CreditOperation op = toOperation(blocks, step);
      List<CreditBlock> before = blocks.blocks();
      try {
        blocks = blocks.apply(op);
        applied++;
      } catch (DomainException refused) {
        assertThat(blocks.blocks()).as("a refusal changes nothing").isEqualTo(before);
      }
      assertThat(SerialCoverage.violations(blocks.range(), blocks.blocks())).isEmpty();
      blocks.tally().requireBalanced(units);
      // one operation splits one block into at most three: two more blocks, whatever the credits
      assertThat(blocks.size()).isLessThanOrEqualTo(2 + 2 * applied);
    }
  }

  /** The change a plan makes, or the code of its refusal. */
  private static Object decision(java.util.function.Supplier<BlockChange> plan) {
    try {
      return plan.get();
    } catch (DomainException refused) {
      return refused.code();
    }
  }

  /**
   * The oracle: plans {@code op} on the issuance's whole list of blocks, finding the block holding
   * its first unit and that block's neighbours by scanning them all.
   */
  private static BlockChange planOnAllBlocks(IssuanceBlocks blocks, CreditOperation op) {
    List<CreditBlock> all = blocks.blocks();
    long unit = op.range().first();
    if (!blocks.range().contains(unit)) {
      throw CreditBlockException.rangeNotInBlock(SerialRange.single(unit), "is outside");
    }
    CreditBlock target = all.stream().filter(b -> b.range().contains(unit)).findFirst().get();
    if (!target.range().contains(op.range())) {
      throw CreditBlockException.rangeNotInBlock(op.range(), "spans more than its block");
    }
    return BlockAlgebra.apply(
        op,
        target,
        all.stream().filter(b -> b.range().last() + 1 == target.range().first()).findFirst(),
        all.stream().filter(b -> target.range().last() + 1 == b.range().first()).findFirst(),
        blocks.bufferPool());
  }

  /**
   * Plans {@code op} on what a store's {@code around} query returns: up to two blocks starting at
   * or before the operation's first unit, and the first block starting after it.
   */
  private static BlockChange planAroundAsAStoreReads(IssuanceBlocks blocks, CreditOperation op) {
    long unit = op.range().first();
    List<CreditBlock> all = blocks.blocks();
    List<CreditBlock> atOrBefore = all.stream().filter(b -> b.range().first() <= unit).toList();
    List<CreditBlock> around =
        new ArrayList<>(atOrBefore.subList(Math.max(0, atOrBefore.size() - 2), atOrBefore.size()));
    all.stream().filter(b -> b.range().first() > unit).findFirst().ifPresent(around::add);
    return IssuanceBlocks.planAround(
        blocks.issuance(), blocks.range(), blocks.bufferPool(), around, op);
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
                  List.of(
                      "not_owner",
                      "operation_not_allowed",
                      "serial_range_not_in_block",
                      "buffer_pool_locked")) {
                coverage.check(code).count(n -> n > 0);
              }
            });
    Statistics.label("reversal")
        .coverage(
            coverage -> {
              coverage.check("drew another issuance's pool").count(n -> n > 0);
              coverage.check("insufficient buffer").count(n -> n > 0);
            });
  }

  /** The issuance under test, its per-credit model, and a healthy issuance whose pool pays. */
  static final class World {
    IssuanceBlocks blocks;
    IssuanceBlocks healthy;
    final Model model;

    World(IssuanceBlocks blocks, IssuanceBlocks healthy) {
      this.blocks = blocks;
      this.healthy = healthy;
      this.model = Model.of(blocks);
    }

    void operate(Step step) {
      CreditOperation op = toOperation(blocks, step);
      Object onAll = decision(() -> planOnAllBlocks(blocks, op));
      assertThat(decision(() -> planAroundAsAStoreReads(blocks, op)))
          .as("planning %s on its block and neighbours alone", op)
          .isEqualTo(onAll);
      assertThat(decision(() -> blocks.plan(op))).as("plan of %s", op).isEqualTo(onAll);
      Set<String> expectedRefusals = model.refusals(op);
      List<CreditBlock> before = blocks.blocks();
      try {
        blocks = blocks.apply(op);
        assertThat(expectedRefusals).as("model refuses %s", op).isEmpty();
        Statistics.label("outcome").collect("applied " + op.kind());
        model.apply(op);
      } catch (DomainException refused) {
        assertThat(expectedRefusals).as("refusal of %s", op).contains(refused.code());
        assertThat(blocks.blocks()).as("a refusal changes nothing").isEqualTo(before);
        Statistics.label("outcome").collect(refused.code());
      }
    }

    void reverse(Step step) {
      SerialRange lost = pickRange(blocks.range(), step.startPick(), step.lengthPick());
      List<CreditBlock> pool = new ArrayList<>();
      blocks.blocks().stream().filter(b -> b.owner().equals(POOL)).forEach(pool::add);
      List<CreditBlock> healthyPool =
          healthy.blocks().stream().filter(b -> b.owner().equals(POOL)).toList();
      // the order of drawing varies: sometimes the healthy pool first
      pool.addAll(step.ownerActs() ? pool.size() : 0, healthyPool);
      Reversal.Plan plan;
      try {
        plan = Reversal.plan(blocks, lost, RECEIPT, pool);
      } catch (InsufficientBufferException short_) {
        assertThat(short_.requested()).isGreaterThan(short_.available());
        Statistics.label("reversal").collect("insufficient buffer");
        return;
      }
      long liveBefore = model.live();
      for (CreditOperation op : plan.operations()) {
        if (op.issuance().equals(HEALTHY)) {
          healthy = healthy.apply(op);
          Statistics.label("reversal").collect("drew another issuance's pool");
        } else {
          assertThat(model.refusals(op)).as("reversal step %s", op).isEmpty();
          blocks = blocks.apply(op);
          model.apply(op);
        }
      }
      long cancelledHere =
          plan.operations().stream()
              .filter(op -> op.issuance().equals(ISSUANCE))
              .filter(op -> op.kind() == CreditOperation.Kind.INVALIDATE)
              .mapToLong(op -> op.range().count())
              .sum();
      assertThat(model.live()).isEqualTo(liveBefore - cancelledHere);
    }

    void checkInvariants(long units, long healthyUnits) {
      for (IssuanceBlocks b : List.of(blocks, healthy)) {
        assertThat(SerialCoverage.violations(b.range(), b.blocks())).isEmpty();
        List<CreditBlock> list = b.blocks();
        for (int i = 1; i < list.size(); i++) {
          assertThat(list.get(i - 1).canMergeWith(list.get(i)))
              .as("adjacent blocks %s and %s are left unmerged", list.get(i - 1), list.get(i))
              .isFalse();
        }
      }
      blocks.tally().requireBalanced(units);
      healthy.tally().requireBalanced(healthyUnits);
      assertThat(blocks.tally()).isEqualTo(SupplyTally.of(model.asBlocks()));
      assertThat(model.blocksLookLike(blocks)).as("blocks equal the per-credit model").isTrue();
    }
  }

  /** Mostly operations on a real block by its owner; sometimes nonsense, which must be refused. */
  private static CreditOperation toOperation(IssuanceBlocks blocks, Step step) {
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
    IssuanceId id = blocks.issuance();
    switch (step.kind()) {
      case 0:
        return CreditOperation.transfer(id, range, actor, recipient);
      case 1:
        return CreditOperation.list(id, range, actor);
      case 2:
        return CreditOperation.delist(id, range, actor);
      case 3:
        return CreditOperation.sell(id, range, actor, recipient);
      case 4:
        return CreditOperation.retire(id, range, actor);
      case 5:
        return CreditOperation.invalidate(id, range);
      default:
        return CreditOperation.deliverReplacement(id, range, actor, recipient, RECEIPT);
    }
  }

  private static SerialRange pickRange(SerialRange within, long startPick, long lengthPick) {
    long start = within.first() + startPick % within.count();
    long end = start + lengthPick % (within.last() - start + 1);
    return new SerialRange(start, end);
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
      Optional<String> inBlock = refusalInsideOneBlock(op, first);
      if (first.status().isFinal()) {
        return Set.of("serial_range_not_in_block", inBlock.orElseThrow());
      }
      return inBlock.map(Set::of).orElse(Set.of());
    }

    /** The checks of BlockAlgebra, in its order: owner, buffer pool lock, state. */
    private static Optional<String> refusalInsideOneBlock(CreditOperation op, Credit credit) {
      if (op.owner().isPresent() && !op.owner().get().equals(credit.owner())) {
        return Optional.of("not_owner");
      }
      boolean fromPool = credit.owner().equals(POOL);
      boolean draw = op.kind() == CreditOperation.Kind.DELIVER_REPLACEMENT;
      boolean drawOrCancel = draw || op.kind() == CreditOperation.Kind.INVALIDATE;
      if ((fromPool && !drawOrCancel)
          || (!fromPool && draw)
          || op.recipient().filter(POOL::equals).isPresent()) {
        return Optional.of("buffer_pool_locked");
      }
      if (!op.kind().startsIn(credit.status())) {
        return Optional.of("operation_not_allowed");
      }
      return Optional.empty();
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
          if (!Objects.equals(
              credits[(int) s], new Credit(b.owner(), b.status(), b.provenance()))) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
