package org.ogcr.domain.credit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.common.DomainException;

/**
 * The coverage invariant: the blocks of an issuance together equal its serial range, with no gap
 * and no overlap. Adapters run {@link #violations} against what they store; the domain calls {@link
 * #requireExact} wherever it assembles an issuance's blocks.
 */
public final class SerialCoverage {

  private SerialCoverage() {}

  /** One way the blocks fail to tile the range. */
  public record Violation(Kind kind, SerialRange range) {
    /** Serials missing, serials held twice, or serials outside the issuance. */
    public enum Kind {
      GAP,
      OVERLAP,
      OUTSIDE
    }

    @Override
    public String toString() {
      return kind + " " + range;
    }
  }

  /** Thrown when coverage fails; lists every violation. */
  public static final class CoverageException extends DomainException {
    private final List<Violation> violations;

    CoverageException(SerialRange issuance, List<Violation> violations) {
      super(
          "serial_coverage_violated",
          "blocks do not exactly cover issuance range " + issuance + ": " + violations);
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /**
   * Every gap, overlap and out-of-range part, in serial order; empty when coverage is exact. Parts
   * of blocks outside the issuance are reported as {@code OUTSIDE} only; gaps and overlaps are
   * reported within the issuance range. Safe up to {@code Long.MAX_VALUE}.
   */
  public static List<Violation> violations(SerialRange issuance, Collection<CreditBlock> blocks) {
    List<SerialRange> ranges = new ArrayList<>(blocks.size());
    blocks.forEach(b -> ranges.add(b.range()));
    ranges.sort(Comparator.naturalOrder());
    List<Violation> found = new ArrayList<>();
    long covered = issuance.first() - 1; // last serial of the issuance covered so far
    for (SerialRange r : ranges) {
      r.minus(issuance)
          .forEach(outside -> found.add(new Violation(Violation.Kind.OUTSIDE, outside)));
      Optional<SerialRange> inside = r.intersection(issuance);
      if (inside.isEmpty()) {
        continue;
      }
      SerialRange in = inside.get();
      if (in.first() - 1 > covered) {
        found.add(new Violation(Violation.Kind.GAP, new SerialRange(covered + 1, in.first() - 1)));
      } else if (in.first() <= covered) {
        found.add(
            new Violation(
                Violation.Kind.OVERLAP, new SerialRange(in.first(), Math.min(in.last(), covered))));
      }
      covered = Math.max(covered, in.last());
    }
    if (covered < issuance.last()) {
      found.add(new Violation(Violation.Kind.GAP, new SerialRange(covered + 1, issuance.last())));
    }
    found.sort(Comparator.comparing(Violation::range));
    return found;
  }

  /** Throws {@link CoverageException} unless the blocks tile the range exactly. */
  public static void requireExact(SerialRange issuance, Collection<CreditBlock> blocks) {
    List<Violation> found = violations(issuance, blocks);
    if (!found.isEmpty()) {
      throw new CoverageException(issuance, found);
    }
  }
}
