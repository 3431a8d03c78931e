package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.port.in.AuditUseCases;
import org.ogcr.port.in.MonitoringUseCases;
import org.ogcr.port.in.MonitoringUseCases.SubmitReport;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;

/** OGCR 4.2.2 monitoring and verification. */
final class MonitoringRoutes {

  private final MonitoringUseCases monitoring;

  private MonitoringRoutes(MonitoringUseCases monitoring) {
    this.monitoring = monitoring;
  }

  static List<Route> routes(MonitoringUseCases monitoring, AuditUseCases audit) {
    MonitoringRoutes r = new MonitoringRoutes(monitoring);
    return List.of(
        Route.write(
                "POST",
                "/projects/{projectId}/monitoring",
                "submitReport",
                "monitoring:write",
                r::submit)
            .roles(Role.DEVELOPER)
            .owned(),
        Route.read("/projects/{projectId}/monitoring", "listReports", "projects:read", r::list)
            .roles(),
        Route.read(
                "/projects/{projectId}/monitoring/{reportId}", "getReport", "projects:read", r::get)
            .roles(),
        Route.read(
                "/projects/{projectId}/monitoring/{reportId}/document",
                "getReportDocument",
                "projects:read",
                r::document)
            .roles(),
        Route.write(
                "POST",
                "/projects/{projectId}/monitoring/{reportId}/verify",
                "verifyReport",
                "verification:write",
                r::verify)
            .roles(Role.VERIFIER)
            .independent());
  }

  /**
   * The registry issues the report's id: the {@code Slug} header when given, otherwise the project
   * id and the period's start ({@code nulhegan-forest-2026-01-01}), unique because periods of one
   * project never overlap.
   */
  private Reply submit(Call call) {
    ProjectId project = call.pathParam("projectId", ProjectId::new);
    String mrv = call.bodyText();
    JsonNode properties = properties(mrv);
    JsonNode named = properties.path("projectId");
    if (named.isTextual() && !named.asText().equals(project.value())) {
      throw ApiException.invalid(
          "/properties/projectId",
          "project_mismatch",
          "the report names project "
              + named.asText()
              + " but was sent to project "
              + project.value(),
          "send it to /projects/"
              + named.asText()
              + "/monitoring, or correct properties.projectId");
    }
    String slug =
        Optional.ofNullable(call.header("Slug"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(ProjectRoutes::slug)
            .orElseGet(
                () ->
                    project.value()
                        + "-"
                        + properties.path("monitoringPeriod").path("start").asText("report"));
    ReportId id = new ReportId(ProjectRoutes.slug(slug));
    Receipted<ReportRecord> done = monitoring.submit(new SubmitReport(call.principal(), id, mrv));
    return Reply.created(
        "/projects/" + project.value() + "/monitoring/" + id.value(),
        ProjectRoutes.withReceipt(Representations.report(done.value()), done.attestation()));
  }

  private static JsonNode properties(String mrv) {
    try {
      return StrictJson.read(mrv).path("properties");
    } catch (StrictJson.MalformedJsonException e) {
      throw ApiException.invalid(
          "", "malformed_json", "the report " + e.getMessage(), "send strict JSON (RFC 8259)");
    }
  }

  private Reply list(Call call) {
    ProjectId project = call.pathParam("projectId", ProjectId::new);
    ReportQuery query =
        new ReportQuery(
            Optional.of(project),
            Set.copyOf(
                call.queryList(
                    "status",
                    s -> ReportStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                    "give statuses among submitted, verified, rejected, issued, comma-separated")),
            call.query("verifier", ActorId::new, "give a verifier's actor id"),
            call.queryDate("periodFrom"),
            call.queryDate("periodBefore"));
    return Paging.answer(
        call,
        page -> monitoring.search(query, page),
        keyset -> monitoring.searchAfter(query, keyset),
        Representations::report);
  }

  private ReportRecord report(Call call) {
    ProjectId project = call.pathParam("projectId", ProjectId::new);
    ReportId id = call.pathParam("reportId", ReportId::new);
    return monitoring
        .find(id)
        .filter(r -> r.project().equals(project))
        .orElseThrow(() -> new NotFoundException("report of project " + project.value(), id));
  }

  private Reply get(Call call) {
    return Reply.ok(Representations.report(report(call)));
  }

  private Reply document(Call call) {
    ReportRecord r = report(call);
    String mrv =
        monitoring
            .document(r.id())
            .orElseThrow(() -> new NotFoundException("document of report", r.id()));
    return new Reply(200, "application/geo+json", mrv, Map.of());
  }

  /**
   * OGCR 4.2.2: the verifier's decision. Answers 202: the report is decided at once, and the task
   * at {@code Location} follows the anchoring of the decision's receipt on the ledger.
   */
  private Reply verify(Call call) {
    ReportRecord r = report(call);
    Body body = call.body();
    Verification.Outcome outcome =
        body.required(
            "outcome",
            s -> Verification.Outcome.valueOf(s.toUpperCase(Locale.ROOT)),
            "give verified or rejected");
    String accreditation = body.requiredText("accreditationId", "give your accreditation id");
    LocalDate date =
        body.required("date", LocalDate::parse, "give the decision's date as YYYY-MM-DD");
    Optional<Co2eQuantity> tonnes =
        body.optional(
            "verifiedTonnesCo2e",
            Co2eQuantity::ofTonnes,
            "give the verified net removal in tonnes CO2e, for example 429");
    Optional<String> reason = body.optionalText("reason", "say why, when rejecting");
    body.check();
    Receipted<ReportRecord> done =
        monitoring.verify(
            new VerifyReport(
                call.principal(), r.id(), accreditation, outcome, date, tonnes, reason));
    String task = "/tasks/" + done.attestation().receipt().hex();
    return new Reply(
        202,
        Reply.JSON,
        Reply.write(
            ProjectRoutes.withReceipt(Representations.report(done.value()), done.attestation())
                .put("task", task)),
        Map.of("Location", task));
  }
}
