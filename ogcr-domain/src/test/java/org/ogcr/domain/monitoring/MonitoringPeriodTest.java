package org.ogcr.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MonitoringPeriodTest {

  static MonitoringPeriod p(String start, String end) {
    return new MonitoringPeriod(LocalDate.parse(start), LocalDate.parse(end));
  }

  @Test
  void givenConsecutiveYears_periods_touchWithoutOverlapping() {
    MonitoringPeriod y2025 = p("2025-01-01", "2026-01-01");
    MonitoringPeriod y2026 = p("2026-01-01", "2027-01-01");
    assertThat(y2025.overlaps(y2026)).isFalse();
    assertThat(y2026.overlaps(y2025)).isFalse();
    assertThat(y2025.contains(LocalDate.parse("2026-01-01"))).isFalse();
    assertThat(y2025.days()).isEqualTo(365);
  }

  @Test
  void givenOneDayShared_periods_overlap() {
    assertThat(p("2025-01-01", "2026-01-02").overlaps(p("2026-01-01", "2027-01-01"))).isTrue();
  }

  @Test
  void givenCreditingPeriod_contains_acceptsInnerAndRefusesStraddling() {
    MonitoringPeriod crediting = p("2025-01-01", "2035-01-01");
    assertThat(crediting.contains(p("2026-01-01", "2027-01-01"))).isTrue();
    assertThat(crediting.contains(p("2034-06-01", "2035-06-01"))).isFalse();
  }

  /** OGCR 3.2 overlap rule checked against brute force: some day lies in both periods. */
  @Property(tries = 1000)
  void givenAnyTwoPeriods_overlaps_agreesWithDayByDayCheck(
      @ForAll @IntRange(min = 0, max = 60) int s1,
      @ForAll @IntRange(min = 1, max = 30) int len1,
      @ForAll @IntRange(min = 0, max = 60) int s2,
      @ForAll @IntRange(min = 1, max = 30) int len2) {
    LocalDate base = LocalDate.of(2026, 1, 1);
    MonitoringPeriod a = new MonitoringPeriod(base.plusDays(s1), base.plusDays(s1 + len1));
    MonitoringPeriod b = new MonitoringPeriod(base.plusDays(s2), base.plusDays(s2 + len2));
    boolean shared = false;
    for (LocalDate d = base; d.isBefore(base.plusDays(100)); d = d.plusDays(1)) {
      shared |= a.contains(d) && b.contains(d);
    }
    assertThat(a.overlaps(b)).isEqualTo(shared).isEqualTo(b.overlaps(a));
  }
}
