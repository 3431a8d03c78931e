package org.ogcr.domain.common;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The checks value objects run in their compact constructors. Each throws {@link
 * InvalidValueException} naming the field, the rule and the refused value.
 */
public final class Require {

  private Require() {}

  public static <T> T nonNull(String field, T value) {
    if (value == null) {
      throw new InvalidValueException(field, null, "is required");
    }
    return value;
  }

  public static String matches(String field, String value, Pattern pattern, String rule) {
    nonNull(field, value);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidValueException(field, value, rule);
    }
    return value;
  }

  /** Parses a plain decimal number such as {@code 1200} or {@code 0.65}. */
  public static BigDecimal decimal(String field, String text) {
    nonNull(field, text);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(field, text, "must be a decimal number, for example 0.65");
    }
  }

  public static long positive(String field, long value) {
    if (value <= 0) {
      throw new InvalidValueException(field, value, "must be positive");
    }
    return value;
  }

  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidValueException(field, value, "must not be negative");
    }
    return value;
  }

  public static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidValueException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  public static BigDecimal positive(String field, BigDecimal value) {
    nonNull(field, value);
    if (value.signum() <= 0) {
      throw new InvalidValueException(field, value, "must be positive");
    }
    return value;
  }

  public static BigDecimal nonNegative(String field, BigDecimal value) {
    nonNull(field, value);
    if (value.signum() < 0) {
      throw new InvalidValueException(field, value, "must not be negative");
    }
    return value;
  }

  /** Inclusive on both ends. */
  public static BigDecimal between(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
    nonNull(field, value);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidValueException(
          field, value, "must be between " + min.toPlainString() + " and " + max.toPlainString());
    }
    return value;
  }

  /** At most {@code maxScale} decimal places once trailing zeros are dropped. */
  public static BigDecimal maxScale(String field, BigDecimal value, int maxScale) {
    nonNull(field, value);
    if (value.stripTrailingZeros().scale() > maxScale) {
      throw new InvalidValueException(
          field, value, "must have at most " + maxScale + " decimal places");
    }
    return value;
  }

  public static <C extends Collection<?>> C nonEmpty(String field, C value) {
    nonNull(field, value);
    if (value.isEmpty()) {
      throw new InvalidValueException(field, value, "must not be empty");
    }
    return noNulls(field, value);
  }

  public static <C extends Collection<?>> C noNulls(String field, C value) {
    nonNull(field, value);
    if (value.stream().anyMatch(e -> e == null)) {
      throw new InvalidValueException(field, value, "must not contain null");
    }
    return value;
  }
}
