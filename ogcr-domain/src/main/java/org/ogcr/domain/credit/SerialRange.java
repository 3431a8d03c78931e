package org.ogcr.domain.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * An inclusive range {@code [first, last]} of unit numbers within one issuance. An issuance of N
 * units is the range {@code [1, N]}; every credit block is a sub-range of it.
 */
public record SerialRange(long first, long last) implements Comparable<SerialRange> {

  public SerialRange {
    Require.positive("range.first", first);
    if (last < first) {
      throw new InvalidValueException("range.last", last, "must not be below range.first " + first);
    }
  }

  /** {@code [first, first + count − 1]}. */
  public static SerialRange ofCount(long first, long count) {
    Require.positive("count", count);
    if (count - 1 > Long.MAX_VALUE - first) {
      throw new InvalidValueException(
          "count", count, "must end the range at or below " + Long.MAX_VALUE + " from " + first);
    }
    return new SerialRange(first, first + (count - 1));
  }

  public static SerialRange single(long unit) {
    return new SerialRange(unit, unit);
  }

  public long count() {
    return last - first + 1;
  }

  public boolean contains(long unit) {
    return first <= unit && unit <= last;
  }

  public boolean contains(SerialRange other) {
    return first <= other.first && other.last <= last;
  }

  public boolean overlaps(SerialRange other) {
    return first <= other.last && other.first <= last;
  }

  /** True when {@code next} starts right after this range ends. */
  public boolean precedes(SerialRange next) {
    return last != Long.MAX_VALUE && last + 1 == next.first;
  }

  public Optional<SerialRange> intersection(SerialRange other) {
    long lo = Math.max(first, other.first);
    long hi = Math.min(last, other.last);
    return lo <= hi ? Optional.of(new SerialRange(lo, hi)) : Optional.empty();
  }

  /** This range joined with the range that immediately follows it. */
  public SerialRange join(SerialRange next) {
    if (!precedes(next)) {
      throw new InvalidValueException("range", next, "must start right after " + this);
    }
    return new SerialRange(first, next.last);
  }

  /** What remains of this range without {@code cut}: zero, one or two ranges, in order. */
  public List<SerialRange> minus(SerialRange cut) {
    List<SerialRange> rest = new ArrayList<>(2);
    if (!overlaps(cut)) {
      rest.add(this);
      return rest;
    }
    if (first < cut.first) {
      rest.add(new SerialRange(first, cut.first - 1));
    }
    if (cut.last < last) {
      rest.add(new SerialRange(cut.last + 1, last));
    }
    return rest;
  }

  /** Formats the range with its issuance code: {@code EC-2026-0001-NULHEGAN-001 … -429}. */
  public String format(IssuanceCode code) {
    return code.serial(first).format() + " to " + code.serial(last).format();
  }

  @Override
  public int compareTo(SerialRange other) {
    int c = Long.compare(first, other.first);
    return c != 0 ? c : Long.compare(last, other.last);
  }

  @Override
  public String toString() {
    return "[" + first + ", " + last + "]";
  }
}
