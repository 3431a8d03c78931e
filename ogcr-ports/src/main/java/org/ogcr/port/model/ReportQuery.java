package org.ogcr.port.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.monitoring.ReportStatus;

/**
 * The filters of {@code GET /projects/{id}/monitoring} (OGCR 4.2.2): reporting period, verification
 * status, verifier. Results come in report id order.
 *
 * @param statuses match any of these; empty matches all
 * @param verifier the actor who decided the report
 * @param periodFrom the monitoring period ends after this date
 * @param periodBefore the monitoring period starts before this date
 */
public record ReportQuery(
    Optional<ProjectId> project,
    Set<ReportStatus> statuses,
    Optional<ActorId> verifier,
    Optional<LocalDate> periodFrom,
    Optional<LocalDate> periodBefore) {

  public static final ReportQuery ALL =
      new ReportQuery(
          Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public ReportQuery {
    Require.nonNull("project", project);
    statuses = Set.copyOf(Require.noNulls("statuses", statuses));
    Require.nonNull("verifier", verifier);
    Require.nonNull("periodFrom", periodFrom);
    Require.nonNull("periodBefore", periodBefore);
    if (periodFrom.isPresent()
        && periodBefore.isPresent()
        && !periodFrom.get().isBefore(periodBefore.get())) {
      throw new InvalidValueException(
          "periodBefore", periodBefore.get(), "must be after periodFrom");
    }
  }

  public static ReportQuery ofProject(ProjectId project) {
    return new ReportQuery(
        Optional.of(project), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean matches(ReportRecord r) {
    return project.map(p -> p.equals(r.project())).orElse(true)
        && (statuses.isEmpty() || statuses.contains(r.status()))
        && verifier
            .map(v -> r.verification().map(d -> d.verifier().equals(v)).orElse(false))
            .orElse(true)
        && periodFrom.map(f -> r.period().end().isAfter(f)).orElse(true)
        && periodBefore.map(b -> r.period().start().isBefore(b)).orElse(true);
  }
}
