package org.ogcr.domain.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ogcr.domain.common.Require;

/**
 * A non-normative data-quality score of a document (OGCR 4.4): each part on {@code [0, 1]}, the
 * score their mean, with notes that say what lowered it. It never refuses a document; it tells
 * reviewers where to look.
 *
 * @param parts for example {@code completeness} and {@code acresConsistency}
 */
public record DataQuality(BigDecimal score, Map<String, BigDecimal> parts, List<String> notes) {

  public DataQuality {
    Require.between("score", score, BigDecimal.ZERO, BigDecimal.ONE);
    Require.nonNull("parts", parts);
    parts.forEach(
        (name, value) -> Require.between("parts." + name, value, BigDecimal.ZERO, BigDecimal.ONE));
    parts = Collections.unmodifiableMap(new TreeMap<>(parts));
    notes = List.copyOf(Require.noNulls("notes", notes));
  }

  /** The mean of the parts, to two decimals; 1 when there is no part to judge. */
  public static DataQuality of(Map<String, BigDecimal> parts, List<String> notes) {
    BigDecimal sum = parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal score =
        parts.isEmpty()
            ? BigDecimal.ONE
            : sum.divide(BigDecimal.valueOf(parts.size()), 2, RoundingMode.HALF_EVEN);
    return new DataQuality(score, parts, notes);
  }

  /** How many of {@code expected} optional items are present, as a fraction. */
  public static BigDecimal fraction(int present, int expected) {
    Require.between("expected", expected, 1, Integer.MAX_VALUE);
    Require.between("present", present, 0, expected);
    return BigDecimal.valueOf(present)
        .divide(BigDecimal.valueOf(expected), 2, RoundingMode.HALF_EVEN);
  }

  /**
   * Agreement of declared acres with the boundary's measured area: 1 when equal, falling linearly
   * to 0 at a 25 % difference.
   */
  public static BigDecimal acresConsistency(double declared, double measured) {
    if (!(declared > 0) || !(measured >= 0) || !Double.isFinite(declared + measured)) {
      return BigDecimal.ZERO;
    }
    double off = Math.abs(measured - declared) / declared;
    return BigDecimal.valueOf(Math.max(0, 1 - off / 0.25)).setScale(2, RoundingMode.HALF_EVEN);
  }
}
