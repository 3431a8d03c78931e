package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.domain.money.Amounts.USD;
import static org.ogcr.domain.money.Amounts.pct;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import org.junit.jupiter.api.Test;

class FeeScheduleTest {

  /** The spec's proposed rates: $0.50 per credit, 1.5 % per sale; 2 % exchange fee assumed. */
  private final FeeSchedule fees = new FeeSchedule(usd("0.50"), pct("1.5"), pct("2"));

  @Test
  void givenNullPerCreditFee_construct_isRefused() {
    assertInvalidValue(
        () -> new FeeSchedule(null, pct("1.5"), pct("2")), "perIssuanceFeePerCredit", "null");
  }

  @Test
  void givenNullPerSaleFee_construct_isRefused() {
    assertInvalidValue(() -> new FeeSchedule(usd("0.50"), null, pct("2")), "perSaleFee", "null");
  }

  @Test
  void givenNullExchangeFee_construct_isRefused() {
    assertInvalidValue(() -> new FeeSchedule(usd("0.50"), pct("1.5"), null), "exchangeFee", "null");
  }

  @Test
  void givenSaleFeesAboveHundredPercent_construct_isRefusedNamingTheSum() {
    assertInvalidValue(
        () -> new FeeSchedule(usd("0.50"), pct("80"), pct("20.5")),
        "perSaleFee + exchangeFee",
        "100.5");
  }

  @Test
  void givenSaleFeesOfExactlyHundredPercent_construct_isAccepted() {
    assertThat(new FeeSchedule(usd("0.50"), pct("80"), pct("20")).exchangeFee())
        .isEqualTo(pct("20"));
  }

  @Test
  void givenSpecExampleOf429Credits_issuanceFee_isFiftyCentsEach() {
    assertThat(fees.issuanceFee(429)).isEqualTo(usd("214.50"));
  }

  @Test
  void givenIssuanceSplit_issuanceFee_chargesOnlyTheCreditsIssuedToTheProperty() {
    long total = 429;
    long buffer = 43; // ceil(429 × 10 %), issued to the buffer pool account, not charged
    assertThat(fees.issuanceFee(total - buffer)).isEqualTo(usd("193.00"));
  }

  @Test
  void givenNoCredits_issuanceFee_isZero() {
    assertThat(fees.issuanceFee(0)).isEqualTo(Money.zero(USD));
  }

  @Test
  void givenNegativeCredits_issuanceFee_isRefused() {
    assertInvalidValue(() -> fees.issuanceFee(-1), "creditsIssuedToProperty", "-1");
  }

  @Test
  void givenAbsurdCredits_issuanceFee_isRefusedWithOverflow() {
    assertThatThrownBy(() -> fees.issuanceFee(Long.MAX_VALUE))
        .isInstanceOf(MoneyOverflowException.class);
  }

  @Test
  void givenSale_saleFees_roundDownToTheCent() {
    assertThat(fees.registryServiceFeeOn(usd("10000.00"))).isEqualTo(usd("150.00"));
    assertThat(fees.exchangeFeeOn(usd("10000.00"))).isEqualTo(usd("200.00"));
    assertThat(fees.registryServiceFeeOn(usd("0.99"))).isEqualTo(usd("0.01"));
    assertThat(fees.exchangeFeeOn(usd("0.49"))).isEqualTo(usd("0.00"));
  }

  @Test
  void givenSchedule_currency_isTheIssuanceFeeCurrency() {
    assertThat(fees.currency()).isEqualTo(USD);
  }
}
