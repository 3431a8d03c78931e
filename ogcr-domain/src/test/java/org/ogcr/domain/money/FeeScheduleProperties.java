package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class FeeScheduleProperties {

  @Provide
  Arbitrary<FeeSchedule> feeSchedules() {
    return MoneyGenerators.feeSchedules();
  }

  @Property(tries = 1000)
  void givenAnyCredits_issuanceFee_isPerCreditFeeTimesCreditsExactly(
      @ForAll("feeSchedules") FeeSchedule fees,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long credits) {
    Money fee = fees.issuanceFee(credits);

    BigInteger exact =
        BigInteger.valueOf(fees.perIssuanceFeePerCredit().minorUnits())
            .multiply(BigInteger.valueOf(credits));
    assertThat(fee).isEqualTo(new Money(exact.longValueExact(), fees.currency()));
  }

  @Property(tries = 1000)
  void givenAnyCredits_issuanceFee_isAdditiveOverTheIssuanceSplit(
      @ForAll("feeSchedules") FeeSchedule fees,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long ownerShare,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long more) {
    assertThat(fees.issuanceFee(ownerShare + more))
        .isEqualTo(fees.issuanceFee(ownerShare).plus(fees.issuanceFee(more)));
  }
}
