package org.ogcr.domain.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ogcr.domain.methodology.BufferRate;

class BufferSplitProperties {

  @Property(tries = 2000)
  void givenAnyTotalAndRate_splitIsExact_andNeverBelowRateTimesTotal(
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long total,
      @ForAll @IntRange(min = 50_000, max = 140_000) int ratePerMillion) {
    BufferRate rate = new BufferRate(BigDecimal.valueOf(ratePerMillion, 6));
    BufferSplit split = BufferSplit.of(total, rate);

    BigDecimal exact = BigDecimal.valueOf(total).multiply(rate.fraction());
    assertThat(split.owner() + split.buffer()).isEqualTo(total);
    assertThat(BigDecimal.valueOf(split.buffer())).isGreaterThanOrEqualTo(exact);
    assertThat(BigDecimal.valueOf(split.buffer()).subtract(exact)).isLessThan(BigDecimal.ONE);
    assertThat(split.owner()).isNotNegative();
  }
}
