package org.ogcr.domain.credit;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;

/**
 * The stem every serial number of one issuance shares: prefix, vintage year, issuance sequence and
 * property code, for example {@code EC-2026-0001-NULHEGAN}. The sequence is zero-padded to at least
 * four digits and written without extra leading zeros beyond that (docs/adr/0003), so each code has
 * exactly one spelling.
 */
public record IssuanceCode(String prefix, int vintageYear, int sequence, String propertyCode)
    implements Comparable<IssuanceCode> {

  private static final Comparator<IssuanceCode> ORDER =
      Comparator.comparing(IssuanceCode::prefix)
          .thenComparingInt(IssuanceCode::vintageYear)
          .thenComparingInt(IssuanceCode::sequence)
          .thenComparing(IssuanceCode::propertyCode);

  static final String PREFIX = "[A-Z]{2,8}";
  static final String YEAR = "\\d{4}";
  static final String SEQUENCE = "\\d{4,9}";
  static final String PROPERTY = "[A-Z0-9]{1,16}";
  static final String GROUPS =
      "(" + PREFIX + ")-(" + YEAR + ")-(" + SEQUENCE + ")-(" + PROPERTY + ")";
  private static final Pattern SYNTAX = Pattern.compile(GROUPS);

  public IssuanceCode {
    Require.matches("prefix", prefix, Pattern.compile(PREFIX), "must be 2 to 8 capital letters");
    Require.between("vintageYear", vintageYear, 1900, 9999);
    Require.between("sequence", sequence, 1, 999_999_999);
    Require.matches(
        "propertyCode",
        propertyCode,
        Pattern.compile(PROPERTY),
        "must be 1 to 16 capital letters or digits");
  }

  /**
   * Parses {@code EC-2026-0001-NULHEGAN}; the inverse of {@link #format()}.
   *
   * @throws org.ogcr.domain.common.InvalidValueException naming {@code issuanceCode} when the text
   *     is malformed or not in canonical form
   */
  public static IssuanceCode parse(String text) {
    Matcher m =
        SYNTAX.matcher(
            Require.matches(
                "issuanceCode",
                text,
                SYNTAX,
                "must look like EC-2026-0001-NULHEGAN (prefix, vintage year, sequence of at least"
                    + " 4 digits, property code)"));
    m.matches();
    return SerialNumber.parsed("issuanceCode", text, () -> fromGroups(m, 1), IssuanceCode::format);
  }

  static IssuanceCode fromGroups(Matcher m, int first) {
    return new IssuanceCode(
        m.group(first),
        Integer.parseInt(m.group(first + 1)),
        Integer.parseInt(m.group(first + 2)),
        m.group(first + 3));
  }

  /** {@code EC-2026-0001-NULHEGAN}. */
  public String format() {
    return String.format("%s-%04d-%04d-%s", prefix, vintageYear, sequence, propertyCode);
  }

  /** The serial number of unit {@code unit} of this issuance. */
  public SerialNumber serial(long unit) {
    return new SerialNumber(this, unit);
  }

  /** By prefix, then vintage year, sequence (as numbers, not text) and property code. */
  @Override
  public int compareTo(IssuanceCode other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return format();
  }
}
