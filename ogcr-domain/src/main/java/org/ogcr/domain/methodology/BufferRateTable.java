package org.ogcr.domain.methodology;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * A methodology version's buffer rates by risk tier. Every tier has a rate, each within 5–14 %, and
 * a riskier tier never holds back less than a safer one. The rate of an issuance is looked up here
 * by tier, never chosen by discretion.
 */
public record BufferRateTable(Map<RiskTier, BufferRate> rates) {

  public BufferRateTable {
    Require.nonNull("bufferRates", rates);
    Map<RiskTier, BufferRate> copy = new EnumMap<>(RiskTier.class);
    BufferRate previous = null;
    for (RiskTier tier : RiskTier.values()) {
      String field = "bufferRates." + tier.name().toLowerCase(Locale.ROOT);
      BufferRate rate = Require.nonNull(field, rates.get(tier));
      if (previous != null && rate.fraction().compareTo(previous.fraction()) < 0) {
        throw new InvalidValueException(
            field, rate, "must not be below the rate of the safer tier (" + previous + ")");
      }
      copy.put(tier, rate);
      previous = rate;
    }
    rates = Collections.unmodifiableMap(copy);
  }

  /**
   * A table from four fractions, low to frontier, for example {@code
   * ("0.05","0.08","0.11","0.14")}.
   */
  public static BufferRateTable of(String low, String moderate, String high, String frontier) {
    Map<RiskTier, BufferRate> rates = new EnumMap<>(RiskTier.class);
    rates.put(RiskTier.LOW, BufferRate.of(low));
    rates.put(RiskTier.MODERATE, BufferRate.of(moderate));
    rates.put(RiskTier.HIGH, BufferRate.of(high));
    rates.put(RiskTier.FRONTIER, BufferRate.of(frontier));
    return new BufferRateTable(rates);
  }

  public BufferRate rateFor(RiskTier tier) {
    return rates.get(Require.nonNull("riskTier", tier));
  }
}
