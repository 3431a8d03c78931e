package org.ogcr.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.geometry.BoundaryIndex;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.ApprovalRecord;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;

class BusinessRulesTest {

  static final GeometryFactory GF = new GeometryFactory();
  static final MethodologyParameters PARAMS =
      new MethodologyParameters(
          MethodologyParameters.Z_90_PERCENT,
          BigDecimal.ONE,
          BufferRateTable.of("0.05", "0.08", "0.11", "0.14"));
  static final MethodologyRef ECM = MethodologyRef.of("EC-M", "1.1.0");
  static final MethodologyRef DRAFT = MethodologyRef.of("EC-M", "2.0.0");
  static final MethodologyCatalog CATALOG =
      MethodologyCatalog.of(
          List.of(
              Methodology.draft(ECM, "ecm", Set.of("forest_conservation"), PARAMS)
                  .approve(new ApprovalRecord(new ActorId("stewards"), Instant.EPOCH)),
              Methodology.draft(DRAFT, "ecm", Set.of("forest_conservation"), PARAMS)));
  static final ProjectFacts NULHEGAN =
      new ProjectFacts(
          new ProjectId("nulhegan-forest"),
          ECM,
          period("2026-01-01", "2036-01-01"),
          new OrganisationId("northwoods-trust"));

  static Geometry box(double x, double y, double size) {
    return GF.toGeometry(new Envelope(x, x + size, y, y + size));
  }

  static MonitoringPeriod period(String start, String end) {
    return new MonitoringPeriod(LocalDate.parse(start), LocalDate.parse(end));
  }

  static BoundaryIndex activeNulhegan() {
    BoundaryIndex index = new BoundaryIndex();
    index.put(NULHEGAN.id(), box(-71.8, 44.8, 0.06));
    return index;
  }

  static List<ValidationIssue> project(String type, MethodologyRef ref, Geometry boundary) {
    return BusinessRules.checkProject(
        new ProjectCandidate(Optional.empty(), type, ref, boundary), CATALOG, activeNulhegan());
  }

  @Test
  void givenApprovedMethodologyAndFreeLand_project_passes() {
    assertThat(project("forest_conservation", ECM, box(-71.74, 44.8, 0.05))).isEmpty();
  }

  @Test
  void givenNeighbourSharingAFence_project_passes() {
    assertThat(project("forest_conservation", ECM, box(-71.74, 44.8, 0.01))).isEmpty();
  }

  @Test
  void givenEveryProjectRuleBroken_project_reportsThemAll() {
    assertThat(
            project(
                "forest_conservation",
                MethodologyRef.of("NOPE", "1.0.0"),
                box(-71.79, 44.81, 0.01)))
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(
            tuple("/properties/methodology", "methodology_not_registered"),
            tuple("/geometry", "boundary_overlaps_project"));
    assertThat(project("forest_conservation", DRAFT, box(10, 10, 1)))
        .extracting(ValidationIssue::code)
        .containsExactly("methodology_not_approved");
    assertThat(project("biochar", ECM, box(10, 10, 1)))
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(tuple("/properties/methodology", "methodology_project_type_unsupported"));
  }

  @Test
  void givenNewVersionOfTheSameProject_itsOwnBoundary_isNoConflict() {
    assertThat(
            BusinessRules.checkProject(
                new ProjectCandidate(
                    Optional.of(NULHEGAN.id()), "forest_conservation", ECM, box(-71.8, 44.8, 0.06)),
                CATALOG,
                activeNulhegan()))
        .isEmpty();
  }

  static List<ValidationIssue> report(
      MethodologyRef ref, MonitoringPeriod period, String verifierOrg) {
    Optional<VerifierClaim> claim =
        Optional.ofNullable(verifierOrg)
            .map(
                org ->
                    new VerifierClaim(
                        new ActorId("ver-1"),
                        new OrganisationId(org),
                        Optional.of(new OrganisationId(org))));
    return report(ref, period, claim);
  }

  static List<ValidationIssue> report(
      MethodologyRef ref, MonitoringPeriod period, Optional<VerifierClaim> claim) {
    return BusinessRules.checkReport(
        new ReportCandidate(NULHEGAN.id(), ref, period, claim),
        Optional.of(NULHEGAN),
        List.of(
            new BusinessRules.ReportPeriod("r-2026", period("2026-01-01", "2027-01-01")),
            new BusinessRules.ReportPeriod("r-2027", period("2027-01-01", "2028-01-01"))));
  }

  @Test
  void givenNextYearByAnIndependentVerifier_report_passes() {
    assertThat(report(ECM, period("2028-01-01", "2029-01-01"), "vermont-verifiers")).isEmpty();
  }

  @Test
  void givenEveryReportRuleBroken_report_reportsThemAll() {
    assertThat(report(DRAFT, period("2027-06-01", "2037-01-01"), "northwoods-trust"))
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(
            tuple("/properties/methodology", "methodology_mismatch"),
            tuple("/properties/monitoringPeriod", "period_outside_crediting_period"),
            tuple("/properties/monitoringPeriod", "period_overlaps_report"),
            tuple("/properties/verification/organisationId", "verifier_conflict_of_interest"));
  }

  @Test
  void givenVerifierUnknownOrDeclaringAnotherOrganisation_report_isRefused() {
    MonitoringPeriod next = period("2028-01-01", "2029-01-01");
    assertThat(
            report(
                ECM,
                next,
                Optional.of(
                    new VerifierClaim(
                        new ActorId("ghost"),
                        new OrganisationId("vermont-verifiers"),
                        Optional.empty()))))
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(tuple("/properties/verification/verifierId", "verifier_not_registered"));
    // the developer's own staff, declaring an independent organisation
    assertThat(
            report(
                ECM,
                next,
                Optional.of(
                    new VerifierClaim(
                        new ActorId("dev-alice"),
                        new OrganisationId("vermont-verifiers"),
                        Optional.of(new OrganisationId("northwoods-trust"))))))
        .extracting(ValidationIssue::code)
        .containsExactly("verifier_organisation_mismatch", "verifier_conflict_of_interest");
  }

  @Test
  void givenOverlapWithBothEarlierReports_message_namesBoth() {
    assertThat(report(ECM, period("2026-06-01", "2027-06-01"), Optional.empty()))
        .singleElement()
        .satisfies(i -> assertThat(i.message()).contains("r-2026").contains("r-2027"));
  }

  @Test
  void givenUnknownProject_report_saysSoAndNothingElse() {
    assertThat(
            BusinessRules.checkReport(
                new ReportCandidate(
                    new ProjectId("ghost"),
                    ECM,
                    period("2026-01-01", "2027-01-01"),
                    Optional.empty()),
                Optional.empty(),
                List.of()))
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(tuple("/properties/projectId", "project_not_found"));
  }
}
