package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import org.junit.jupiter.api.Test;

class RevenueEventTest {

  @Test
  void givenNullPrice_primarySale_isRefused() {
    assertInvalidValue(() -> new PrimarySale(null, true), "price", "null");
  }

  @Test
  void givenPrice_primarySale_isAccepted() {
    PrimarySale sale = new PrimarySale(usd("10000.00"), true);
    assertThat(sale.price()).isEqualTo(usd("10000.00"));
    assertThat(sale.viaExchange()).isTrue();
  }

  @Test
  void givenNoCredits_replacementDelivery_isRefused() {
    assertInvalidValue(() -> new ReplacementDelivery(0), "credits", "0");
  }

  @Test
  void givenNegativeCredits_replacementDelivery_isRefused() {
    assertInvalidValue(() -> new ReplacementDelivery(-5), "credits", "-5");
  }
}
