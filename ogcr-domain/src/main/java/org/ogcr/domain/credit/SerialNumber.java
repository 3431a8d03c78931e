package org.ogcr.domain.credit;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * The serial number of one credit unit: its issuance's code and its unit number within the
 * issuance, for example {@code EC-2026-0001-NULHEGAN-001} (registry function spec, "Multi-key
 * signoff … Mints credits"). Unit numbers start at 1 and are zero-padded to at least three digits;
 * beyond 999 they simply grow ({@code …-1000}), and every serial has exactly one spelling
 * (docs/adr/0003).
 */
public record SerialNumber(IssuanceCode issuance, long unit) implements Comparable<SerialNumber> {

  private static final Pattern SYNTAX = Pattern.compile(IssuanceCode.GROUPS + "-(\\d{3,19})");

  public SerialNumber {
    Require.nonNull("issuance", issuance);
    Require.positive("unit", unit);
  }

  /**
   * Parses {@code EC-2026-0001-NULHEGAN-001}; the inverse of {@link #format()}.
   *
   * @throws InvalidValueException naming {@code serialNumber} when the text is malformed or not in
   *     canonical form (for example {@code …-0429} for unit 429)
   */
  public static SerialNumber parse(String text) {
    Matcher m =
        SYNTAX.matcher(
            Require.matches(
                "serialNumber",
                text,
                SYNTAX,
                "must look like EC-2026-0001-NULHEGAN-001 (issuance code, then a unit number of"
                    + " at least 3 digits)"));
    m.matches();
    return parsed(
        "serialNumber",
        text,
        () -> new SerialNumber(IssuanceCode.fromGroups(m, 1), Long.parseLong(m.group(5))),
        SerialNumber::format);
  }

  /**
   * Builds a parsed value, reporting any component the value objects refuse (unit 0, year 1066)
   * against the whole text, and refusing any spelling other than the canonical one.
   */
  static <T> T parsed(String field, String text, Supplier<T> build, Function<T, String> format) {
    T value;
    try {
      value = build.get();
    } catch (InvalidValueException e) {
      throw new InvalidValueException(field, text, "has " + e.field() + " that " + e.rule());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(field, text, "has a number beyond " + Long.MAX_VALUE);
    }
    String canonical = format.apply(value);
    if (!canonical.equals(text)) {
      throw new InvalidValueException(
          field, text, "must be written in canonical form " + canonical + " (no extra zeros)");
    }
    return value;
  }

  /** {@code EC-2026-0001-NULHEGAN-001}. */
  public String format() {
    return issuance.format() + "-" + String.format("%03d", unit);
  }

  @Override
  public int compareTo(SerialNumber other) {
    int c = issuance.compareTo(other.issuance);
    return c != 0 ? c : Long.compare(unit, other.unit);
  }

  @Override
  public String toString() {
    return format();
  }
}
