package org.ogcr.domain.monitoring;

import java.time.LocalDate;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * A half-open period of calendar days {@code [start, end)}: the start day is in, the end day is
 * out, so consecutive periods {@code [2025-01-01, 2026-01-01)} and {@code [2026-01-01, 2027-01-01)}
 * touch without overlapping. OGCR 3.2: monitoring periods of one project never overlap.
 */
public record MonitoringPeriod(LocalDate start, LocalDate end) {

  public MonitoringPeriod {
    Require.nonNull("period.start", start);
    Require.nonNull("period.end", end);
    if (!start.isBefore(end)) {
      throw new InvalidValueException(
          "period.end", end.toString(), "must be after period.start " + start);
    }
  }

  /** True when some day lies in both periods. Touching periods do not overlap. */
  public boolean overlaps(MonitoringPeriod other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  /** True when every day of {@code other} lies in this period. */
  public boolean contains(MonitoringPeriod other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  public long days() {
    return end.toEpochDay() - start.toEpochDay();
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
