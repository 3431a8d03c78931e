package org.ogcr.domain.common;

import java.math.BigDecimal;

/**
 * A value object refused its input. The message always reads {@code <field> <rule>; was <value>},
 * so a caller can tell which field to fix and how.
 */
public final class InvalidValueException extends DomainException {

  private final String field;
  private final String rule;
  private final String rejectedValue;

  public InvalidValueException(String field, Object rejectedValue, String rule) {
    super("invalid_value", field + " " + rule + "; was " + render(rejectedValue));
    this.field = field;
    this.rule = rule;
    this.rejectedValue = render(rejectedValue);
  }

  /**
   * The name of the field, as the document or command calls it (for example {@code vintageYear}).
   */
  public String field() {
    return field;
  }

  /**
   * What the value must satisfy, phrased to complete "field ..." (for example "must be positive").
   */
  public String rule() {
    return rule;
  }

  /** The refused value as text ({@code null} rendered as "null"). */
  public String rejectedValue() {
    return rejectedValue;
  }

  private static String render(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }
    if (value instanceof CharSequence) {
      return "\"" + value + "\"";
    }
    return String.valueOf(value);
  }
}
