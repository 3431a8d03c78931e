package org.ogcr.domain.money;

import java.math.BigDecimal;
import java.util.Currency;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * The registry's fees ("Registry service fees", ogcr-spec 002): a fee per credit at issuance, a
 * percentage of every sale, and the exchange's percentage of sales executed through it. The spec
 * proposes $0.50 per credit and 1–2 % per sale; the rates are set by Landseed PBC, so they are
 * inputs here, never constants.
 *
 * @param perIssuanceFeePerCredit charged per credit issued to the property
 * @param perSaleFee the registry service fee, a percentage of the sale price
 * @param exchangeFee the exchange's fee, a percentage of the sale price when sold via the exchange
 */
public record FeeSchedule(Money perIssuanceFeePerCredit, Percent perSaleFee, Percent exchangeFee) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public FeeSchedule {
    Require.nonNull("perIssuanceFeePerCredit", perIssuanceFeePerCredit);
    Require.nonNull("perSaleFee", perSaleFee);
    Require.nonNull("exchangeFee", exchangeFee);
    // Both sale fees come out of the same price: together they may take all of it, never more.
    BigDecimal both = perSaleFee.value().add(exchangeFee.value());
    if (both.compareTo(HUNDRED) > 0) {
      throw new InvalidValueException("perSaleFee + exchangeFee", both, "must be at most 100");
    }
  }

  /** The currency the issuance fee is charged in: the registry's operating currency. */
  public Currency currency() {
    return perIssuanceFeePerCredit.currency();
  }

  /**
   * The per-issuance fee: {@code perIssuanceFeePerCredit × creditsIssuedToProperty}, exactly.
   *
   * <p>Pass the credits issued to the property (the owner share of the issuance split), not the
   * total: per the fee table of "Registry service fees" (ogcr-spec 002), the methodology buffer
   * contribution is "NOT a fee paid by the property — these are buffer credits the property
   * generates per the issuance split", so buffer credits are not charged.
   *
   * @throws MoneyOverflowException if the fee does not fit in a {@code long} of minor units
   */
  public Money issuanceFee(long creditsIssuedToProperty) {
    Require.nonNegative("creditsIssuedToProperty", creditsIssuedToProperty);
    return perIssuanceFeePerCredit.times(creditsIssuedToProperty);
  }

  /** The registry service fee on a sale: {@code perSaleFee} of the price, rounded down. */
  public Money registryServiceFeeOn(Money salePrice) {
    return perSaleFee.floorOf(salePrice);
  }

  /**
   * The exchange fee on a sale executed through the exchange: {@code exchangeFee} of the price,
   * rounded down. A bilateral sale pays none; {@link RevenueRouter} decides which applies.
   */
  public Money exchangeFeeOn(Money salePrice) {
    return exchangeFee.floorOf(salePrice);
  }
}
