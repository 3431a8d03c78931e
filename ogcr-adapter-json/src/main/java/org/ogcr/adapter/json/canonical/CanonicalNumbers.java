package org.ogcr.adapter.json.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 section 3.2.2.3: a number is written as ECMAScript writes its IEEE-754 double. Before
 * that, the refusals that keep the canonical form from silently changing a number (see {@link
 * CanonicalJson}).
 */
final class CanonicalNumbers {

  /** A double holds 15.95 decimal digits; 17 always suffice to name one uniquely. */
  static final int MAX_SIGNIFICANT_DIGITS = 17;

  private CanonicalNumbers() {}

  /**
   * The canonical text of a number node whose value is exact (the strict reader keeps floats as
   * {@link BigDecimal} and integers as int, long or {@link java.math.BigInteger}).
   */
  static String canonical(JsonNode number, String pointer) {
    BigDecimal value = number.decimalValue();
    // Double.parseDouble rounds correctly (to nearest, ties to even), as ECMAScript's ToNumber does
    double nearest = Double.parseDouble(value.toString());
    if (Double.isInfinite(nearest)) {
      throw refused(
          pointer,
          value,
          "is beyond the range of an IEEE-754 double (largest magnitude 1.7976931348623157e+308)");
    }
    if (nearest == 0 && value.signum() != 0) {
      throw refused(pointer, value, "is closer to zero than the smallest IEEE-754 double (5e-324)");
    }
    int digits = value.stripTrailingZeros().precision();
    if (digits > MAX_SIGNIFICANT_DIGITS) {
      throw refused(
          pointer,
          value,
          "has "
              + digits
              + " significant digits, more than the "
              + MAX_SIGNIFICANT_DIGITS
              + " an IEEE-754 double holds; canonical form would round it to "
              + format(nearest));
    }
    String text = format(nearest);
    // I-JSON (RFC 7493 section 2.2): integers beyond 2^53 are not exact in a double. An integer
    // literal is refused only when the canonical text would name another integer, so that every
    // canonical output (295147905179352830000, say) is accepted again.
    if (number.isIntegralNumber() && new BigDecimal(text).compareTo(value) != 0) {
      throw refused(
          pointer,
          value,
          "is an integer beyond 2^53 that an IEEE-754 double cannot hold exactly; canonical form"
              + " would change it to "
              + text);
    }
    return text;
  }

  /**
   * ECMAScript's Number.prototype.toString of a finite double (ECMA-262 section 7.1.12.1): the
   * shortest digits that read back to the same double, {@code -0} as {@code 0}, plain notation from
   * 1e-7 up to 1e21 and {@code 1e+21} style outside.
   */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("only finite doubles have a JSON form; was " + value);
    }
    try {
      return NumberToJSON.serializeNumber(value);
    } catch (IOException e) {
      // NumberToJSON throws only for NaN and the infinities, refused above
      throw new IllegalStateException("cannot format " + value, e);
    }
  }

  private static CanonicalizationException refused(
      String pointer, BigDecimal value, String reason) {
    return new CanonicalizationException(
        "number " + value + " at " + CanonicalWriter.where(pointer) + " " + reason, pointer);
  }
}
