package org.ogcr.domain.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.geometry.BoundaryIndex;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.monitoring.MonitoringPeriod;

/**
 * The business-rule stage of validation (OGCR 3.1, 3.2, 4.4, 6.1.1; ARCHITECTURE.md "Business
 * rules"). Each check returns every issue it finds; none throws on a broken rule.
 */
public final class BusinessRules {

  static final String METHODOLOGY = "/properties/methodology";
  static final String PROJECT_ID = "/properties/projectId";
  static final String PERIOD = "/properties/monitoringPeriod";
  static final String VERIFIER_ORG = "/properties/verification/organisationId";
  static final String VERIFIER_ID = "/properties/verification/verifierId";
  static final String GEOMETRY = "/geometry";

  private BusinessRules() {}

  /**
   * A PDD cites a registered, approved methodology version that supports its project type, and its
   * boundary shares no area with another active project.
   */
  public static List<ValidationIssue> checkProject(
      ProjectCandidate project, MethodologyCatalog methodologies, BoundaryIndex activeBoundaries) {
    List<ValidationIssue> issues = new ArrayList<>();
    Optional<Methodology> cited = methodologies.find(project.methodology());
    if (cited.isEmpty()) {
      issues.add(
          new ValidationIssue(
              METHODOLOGY,
              "methodology_not_registered",
              "methodology " + project.methodology() + " is not registered with this registry",
              "cite a registered methodology id and version (GET /methodologies lists them)"));
    } else if (!cited.get().isApproved()) {
      issues.add(
          new ValidationIssue(
              METHODOLOGY,
              "methodology_not_approved",
              "methodology " + project.methodology() + " is " + cited.get().status(),
              "cite an approved version of the methodology"));
    } else if (!cited.get().supports(project.projectType())) {
      issues.add(
          new ValidationIssue(
              METHODOLOGY,
              "methodology_project_type_unsupported",
              "methodology "
                  + project.methodology()
                  + " supports "
                  + cited.get().projectTypes()
                  + ", not "
                  + project.projectType(),
              "cite a methodology that supports " + project.projectType()));
    }
    List<ProjectId> overlaps = new ArrayList<>(activeBoundaries.overlapping(project.boundary()));
    project.self().ifPresent(overlaps::remove);
    if (!overlaps.isEmpty()) {
      issues.add(
          new ValidationIssue(
              GEOMETRY,
              "boundary_overlaps_project",
              "the boundary shares area with active project(s) "
                  + overlaps.stream().map(ProjectId::value).collect(Collectors.joining(", ")),
              "draw the boundary so it only touches, never covers, the land of other projects"));
    }
    return issues;
  }

  /** A report period of an existing report of the same project. */
  public record ReportPeriod(String reportId, MonitoringPeriod period) {}

  /**
   * An MRV belongs to a registered project, cites that project's methodology, covers a period
   * inside the crediting period that overlaps no other report of the project (OGCR 3.2), and is not
   * verified by the developer's own organisation.
   *
   * @param otherReports the periods of the project's other reports (not rejected ones)
   */
  public static List<ValidationIssue> checkReport(
      ReportCandidate report,
      Optional<ProjectFacts> project,
      Collection<ReportPeriod> otherReports) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (project.isEmpty() || !project.get().id().equals(report.project())) {
      issues.add(
          new ValidationIssue(
              PROJECT_ID,
              "project_not_found",
              "no registered project has id " + report.project(),
              "submit the report under the id the registry gave the project"));
      return issues;
    }
    ProjectFacts facts = project.get();
    if (!facts.methodology().equals(report.methodology())) {
      issues.add(
          new ValidationIssue(
              METHODOLOGY,
              "methodology_mismatch",
              "the report cites "
                  + report.methodology()
                  + " but project "
                  + facts.id()
                  + " follows "
                  + facts.methodology(),
              "report under the project's methodology " + facts.methodology()));
    }
    if (!facts.creditingPeriod().contains(report.period())) {
      issues.add(
          new ValidationIssue(
              PERIOD,
              "period_outside_crediting_period",
              "monitoring period "
                  + report.period()
                  + " is not inside the crediting period "
                  + facts.creditingPeriod(),
              "report only on days within the crediting period"));
    }
    List<String> overlapping =
        otherReports.stream()
            .filter(other -> other.period().overlaps(report.period()))
            .map(other -> other.reportId() + " " + other.period())
            .sorted()
            .collect(Collectors.toList());
    if (!overlapping.isEmpty()) {
      issues.add(
          new ValidationIssue(
              PERIOD,
              "period_overlaps_report",
              "monitoring period "
                  + report.period()
                  + " overlaps report(s) "
                  + String.join(", ", overlapping),
              "start the period where the previous report's period ends (periods are [start,"
                  + " end))"));
    }
    report.verifier().ifPresent(claim -> issues.addAll(checkVerifier(claim, facts)));
    return issues;
  }

  /**
   * The verifier must be known to the registry, under the organisation the report declares, and
   * that organisation must not be the developer's.
   */
  private static List<ValidationIssue> checkVerifier(VerifierClaim claim, ProjectFacts facts) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (claim.registeredOrganisation().isEmpty()) {
      issues.add(
          new ValidationIssue(
              VERIFIER_ID,
              "verifier_not_registered",
              "verifier " + claim.verifier() + " is not registered with this registry",
              "name an accredited verifier registered with the registry"));
    } else if (!claim.registeredOrganisation().get().equals(claim.declaredOrganisation())) {
      issues.add(
          new ValidationIssue(
              VERIFIER_ORG,
              "verifier_organisation_mismatch",
              "verifier "
                  + claim.verifier()
                  + " belongs to "
                  + claim.registeredOrganisation().get()
                  + ", not "
                  + claim.declaredOrganisation(),
              "declare the verifier's registered organisation"));
    }
    OrganisationId judged = claim.registeredOrganisation().orElse(claim.declaredOrganisation());
    if (judged.equals(facts.developerOrganisation())) {
      issues.add(
          new ValidationIssue(
              VERIFIER_ORG,
              "verifier_conflict_of_interest",
              "verifier "
                  + claim.verifier()
                  + " belongs to "
                  + judged
                  + ", the project developer's own organisation",
              "have the report verified by an independent, accredited verifier"));
    }
    return issues;
  }
}
