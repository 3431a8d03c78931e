package org.ogcr.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;

class SerialCoverageTest {

  static final IssuanceId ISS = new IssuanceId("iss-1");
  static final AccountId A = new AccountId("a");

  static CreditBlock b(long first, long last) {
    return new CreditBlock(
        ISS, new SerialRange(first, last), A, CreditStatus.HELD, Provenance.ORIGINAL);
  }

  @Test
  void givenExactTiling_noViolation() {
    assertThat(SerialCoverage.violations(new SerialRange(1, 100), List.of(b(51, 100), b(1, 50))))
        .isEmpty();
  }

  @Test
  void givenGapOverlapAndOutside_allAreReported() {
    List<SerialCoverage.Violation> found =
        SerialCoverage.violations(
            new SerialRange(1, 100), List.of(b(1, 40), b(30, 60), b(70, 100), b(101, 105)));
    assertThat(found)
        .extracting(Object::toString)
        .containsExactly("OVERLAP [30, 40]", "GAP [61, 69]", "OUTSIDE [101, 105]");
  }

  @Test
  void givenMissingTail_requireExact_throwsWithCode() {
    assertThatThrownBy(() -> SerialCoverage.requireExact(new SerialRange(1, 10), List.of(b(1, 9))))
        .isInstanceOfSatisfying(
            SerialCoverage.CoverageException.class,
            e -> {
              assertThat(e.code()).isEqualTo("serial_coverage_violated");
              assertThat(e.violations())
                  .extracting(Object::toString)
                  .containsExactly("GAP [10, 10]");
            });
  }

  /** Checked against counting each serial: coverage is exact iff every serial is held once. */
  @Property(tries = 1000)
  void givenRandomBlocks_violationsAreEmpty_iffEverySerialIsCoveredExactlyOnce(
      @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 40) Integer> starts,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 15) Integer> lengths) {
    SerialRange issuance = new SerialRange(1, 30);
    List<CreditBlock> blocks = new ArrayList<>();
    for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
      blocks.add(b(starts.get(i), starts.get(i) + lengths.get(i)));
    }
    int[] holders = new int[60];
    blocks.forEach(
        blk -> {
          for (long s = blk.range().first(); s <= blk.range().last(); s++) {
            holders[(int) s]++;
          }
        });
    boolean exact = true;
    for (int s = 1; s < holders.length; s++) {
      exact &= holders[s] == (issuance.contains(s) ? 1 : 0);
    }
    assertThat(SerialCoverage.violations(issuance, blocks).isEmpty()).isEqualTo(exact);
  }
}
