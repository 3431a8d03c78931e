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

  @Test
  void givenBlocksOutsideTheIssuance_onlyTheOutsidePartIsReported() {
    assertThat(SerialCoverage.violations(new SerialRange(1, 10), List.of(b(1, 10), b(15, 20))))
        .extracting(Object::toString)
        .containsExactly("OUTSIDE [15, 20]");
    assertThat(SerialCoverage.violations(new SerialRange(10, 20), List.of(b(1, 12), b(13, 20))))
        .extracting(Object::toString)
        .containsExactly("OUTSIDE [1, 9]");
  }

  @Test
  void givenRangeEndingAtLongMax_exactTiling_hasNoViolation() {
    long max = Long.MAX_VALUE;
    assertThat(SerialCoverage.violations(new SerialRange(1, max), List.of(b(1, max)))).isEmpty();
    assertThat(
            SerialCoverage.violations(
                new SerialRange(max - 9, max), List.of(b(max - 9, max - 5), b(max - 4, max))))
        .isEmpty();
    assertThat(
            SerialCoverage.violations(new SerialRange(max - 9, max), List.of(b(max - 9, max - 5))))
        .extracting(Object::toString)
        .containsExactly("GAP [" + (max - 4) + ", " + max + "]");
  }

  /**
   * Checked against counting each serial: the serials reported as gaps, overlaps and outside parts
   * are exactly the missing, doubly held and out-of-range ones.
   */
  @Property(tries = 1000)
  void givenRandomBlocks_violationsCountExactlyTheMissingDoubledAndOutsideSerials(
      @ForAll @IntRange(min = 1, max = 30) int issuanceFirst,
      @ForAll @IntRange(min = 0, max = 30) int issuanceLength,
      @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 60) Integer> starts,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 15) Integer> lengths) {
    SerialRange issuance = new SerialRange(issuanceFirst, issuanceFirst + issuanceLength);
    List<CreditBlock> blocks = new ArrayList<>();
    for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
      blocks.add(b(starts.get(i), starts.get(i) + lengths.get(i)));
    }
    int[] holders = new int[100];
    blocks.forEach(
        blk -> {
          for (long s = blk.range().first(); s <= blk.range().last(); s++) {
            holders[(int) s]++;
          }
        });
    long missing = 0;
    long doubled = 0;
    long outside = 0;
    for (int s = 1; s < holders.length; s++) {
      if (issuance.contains(s)) {
        missing += holders[s] == 0 ? 1 : 0;
        doubled += Math.max(0, holders[s] - 1);
      } else {
        outside += holders[s];
      }
    }
    List<SerialCoverage.Violation> found = SerialCoverage.violations(issuance, blocks);
    assertThat(count(found, SerialCoverage.Violation.Kind.GAP)).isEqualTo(missing);
    assertThat(count(found, SerialCoverage.Violation.Kind.OVERLAP)).isEqualTo(doubled);
    assertThat(count(found, SerialCoverage.Violation.Kind.OUTSIDE)).isEqualTo(outside);
    assertThat(found.isEmpty()).isEqualTo(missing + doubled + outside == 0);
  }

  private static long count(
      List<SerialCoverage.Violation> found, SerialCoverage.Violation.Kind kind) {
    return found.stream().filter(v -> v.kind() == kind).mapToLong(v -> v.range().count()).sum();
  }
}
