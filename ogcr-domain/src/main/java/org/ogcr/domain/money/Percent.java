package org.ogcr.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;

/**
 * A percentage from 0 to 100 inclusive with at most four decimal places (so {@code 33.3333} is the
 * finest third). Held as an exact {@link BigDecimal} normalised without trailing zeros, so {@code
 * of("1.5")} equals {@code of("1.50")}.
 *
 * @param value the percentage, for example {@code 1.5} for 1.5 %
 */
public record Percent(BigDecimal value) {

  public static final int MAX_DECIMAL_PLACES = 4;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  public static final Percent ZERO = new Percent(BigDecimal.ZERO);

  public Percent {
    Require.between("percent", value, BigDecimal.ZERO, HUNDRED);
    Require.maxScale("percent", value, MAX_DECIMAL_PLACES);
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
  }

  /**
   * Parses a plain decimal: {@code of("1.5")} is 1.5 %.
   *
   * @param percent digits with an optional decimal point, no sign and no {@code %}
   */
  public static Percent of(String percent) {
    Require.matches(
        "percent", percent, PLAIN_DECIMAL, "must be a plain decimal between 0 and 100 such as 1.5");
    return new Percent(new BigDecimal(percent));
  }

  /**
   * This share of {@code money}, rounded down to the minor unit: {@code floor(minorUnits × value /
   * 100)}. The product is computed exactly; as both factors are non-negative, rounding down is
   * rounding towards zero, and the result never exceeds {@code money}.
   */
  public Money floorOf(Money money) {
    Require.nonNull("money", money);
    BigDecimal exact = exactMinorUnitsOf(money);
    return new Money(exact.setScale(0, RoundingMode.DOWN).longValueExact(), money.currency());
  }

  /**
   * The unrounded share of {@code money} in minor units, for example {@code 1.5 %} of 1 cent is
   * {@code 0.015}: what {@link #floorOf(Money)} rounds down, kept for audit and reports.
   */
  public BigDecimal exactMinorUnitsOf(Money money) {
    Require.nonNull("money", money);
    return BigDecimal.valueOf(money.minorUnits()).multiply(value).movePointLeft(2);
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  /** {@code 1.5%}. */
  @Override
  public String toString() {
    return value.toPlainString() + "%";
  }
}
