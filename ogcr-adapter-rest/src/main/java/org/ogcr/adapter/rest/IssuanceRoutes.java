package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.port.in.IssuanceUseCases;
import org.ogcr.port.in.IssuanceUseCases.FileProperty;
import org.ogcr.port.in.IssuanceUseCases.RequestIssuance;
import org.ogcr.port.in.IssuanceUseCases.ReviewIssuance;
import org.ogcr.port.in.IssuanceUseCases.SignIssuance;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.PropertyFile;

/**
 * Issuance (extension, registry function spec): property compliance files, issuance requests and
 * the multi-key sign-off.
 */
final class IssuanceRoutes {

  private final IssuanceUseCases issuance;

  private IssuanceRoutes(IssuanceUseCases issuance) {
    this.issuance = issuance;
  }

  static List<Route> routes(IssuanceUseCases issuance) {
    IssuanceRoutes r = new IssuanceRoutes(issuance);
    return List.of(
        Route.write(
                "PUT",
                "/projects/{projectId}/property-file",
                "fileProperty",
                "issuance:write",
                r::file)
            .roles(Role.OPERATOR, Role.ADMINISTRATOR),
        Route.read(
                "/projects/{projectId}/property-file",
                "getPropertyFile",
                "projects:read",
                r::propertyFile)
            .roles(),
        Route.write("POST", "/issuances", "requestIssuance", "issuance:write", r::request)
            .roles(Role.OPERATOR),
        Route.publicRead("/issuances", "listIssuances", r::list),
        Route.publicRead("/issuances/{issuanceId}", "getIssuance", r::get),
        Route.write(
                "POST", "/issuances/{issuanceId}/sign", "signIssuance", "issuance:write", r::sign)
            .roles(Role.OFFICER, Role.AUDITOR)
            .independent(),
        Route.write(
                "POST",
                "/issuances/{issuanceId}/hold",
                "holdIssuance",
                "issuance:write",
                call -> r.review(call, true))
            .roles(Role.OFFICER, Role.AUDITOR)
            .independent(),
        Route.write(
                "POST",
                "/issuances/{issuanceId}/release",
                "releaseIssuance",
                "issuance:write",
                call -> r.review(call, false))
            .roles(Role.AUDITOR)
            .independent());
  }

  private static Reply issuance(Receipted<IssuanceRecord> done, int status) {
    String body =
        Reply.write(
            ProjectRoutes.withReceipt(Representations.issuance(done.value()), done.attestation()));
    return status == 201
        ? new Reply(
            201,
            Reply.JSON,
            body,
            java.util.Map.of("Location", "/issuances/" + done.value().id().value()))
        : new Reply(status, Reply.JSON, body, java.util.Map.of());
  }

  private Reply file(Call call) {
    ProjectId project = call.pathParam("projectId", ProjectId::new);
    Body body = call.body();
    DocumentHash registered =
        body.required(
            "registeredRecordHash",
            DocumentHash::new,
            "give the SHA-256 of the registered property record, 64 hex digits");
    boolean wrapper =
        body.flag("wrapperEntityOperational", false, "true when the wrapper entity is operational");
    long issues =
        body.count("openComplianceIssues", 0, "give the number of open compliance issues");
    Set<ActorId> recused =
        Set.copyOf(body.list("recusedOfficers", ActorId::new, "give officers' actor ids"));
    TreasuryTemplate treasury = treasury(body);
    body.check();
    Receipted<PropertyFile> done =
        issuance.fileProperty(
            new FileProperty(
                call.principal(),
                project,
                registered,
                wrapper,
                (int) Math.min(issues, Integer.MAX_VALUE),
                treasury,
                recused));
    return Reply.ok(
        ProjectRoutes.withReceipt(Representations.propertyFile(done.value()), done.attestation()));
  }

  private static TreasuryTemplate treasury(Body body) {
    String fix =
        "give {\"beneficiaries\": [{\"name\": \"…\", \"share\": \"12.5\"}], \"stewardshipReserve\":"
            + " \"10\", \"protocolFee\": \"1.5\"} with percentages as decimal strings";
    JsonNode t = body.node("treasury");
    if (t == null || !t.isObject()) {
      body.fail("/treasury", "required", "treasury is required", fix);
      return null;
    }
    try {
      List<Beneficiary> beneficiaries = new ArrayList<>();
      for (JsonNode b : t.path("beneficiaries")) {
        beneficiaries.add(
            new Beneficiary(b.path("name").asText(), Percent.of(b.path("share").asText())));
      }
      return new TreasuryTemplate(
          beneficiaries,
          Percent.of(t.path("stewardshipReserve").asText("0")),
          Percent.of(t.path("protocolFee").asText("0")));
    } catch (RuntimeException e) {
      body.fail("/treasury", "invalid_value", "treasury cannot be read: " + e.getMessage(), fix);
      return null;
    }
  }

  private Reply propertyFile(Call call) {
    ProjectId project = call.pathParam("projectId", ProjectId::new);
    PropertyFile file =
        issuance
            .propertyFile(project)
            .orElseThrow(() -> new NotFoundException("property file of project", project));
    return Reply.ok(Representations.propertyFile(file));
  }

  private Reply request(Call call) {
    Body body = call.body();
    IssuanceId id = body.required("id", IssuanceId::new, "choose the issuance's id");
    ReportId report = body.required("reportId", ReportId::new, "give the verified report's id");
    Optional<DocumentHash> attested =
        body.optional(
            "attestedRecordHash",
            DocumentHash::new,
            "give the SHA-256 of the property record as attested, 64 hex digits");
    body.check();
    return issuance(
        issuance.request(new RequestIssuance(call.principal(), id, report, attested)), 201);
  }

  private Reply list(Call call) {
    Optional<ProjectId> project = call.query("projectId", ProjectId::new, "give a project id");
    Optional<Integer> vintage =
        call.query("vintageYear", Integer::valueOf, "give a year, for example 2026");
    return Reply.ok(
        Representations.list(issuance.list(project, vintage), Representations::issuance));
  }

  private Reply get(Call call) {
    IssuanceId id = call.pathParam("issuanceId", IssuanceId::new);
    return Reply.ok(
        Representations.issuance(
            issuance.find(id).orElseThrow(() -> new NotFoundException("issuance", id))));
  }

  private Reply sign(Call call) {
    IssuanceId id = call.pathParam("issuanceId", IssuanceId::new);
    Body body = call.body();
    SignOffRole capacity =
        body.required(
            "capacity",
            s -> SignOffRole.valueOf(s.toUpperCase(Locale.ROOT)),
            "give officer or auditor");
    body.check();
    Receipted<IssuanceRecord> signed =
        issuance.sign(new SignIssuance(call.principal(), id, capacity));
    if (signed.value().status() != IssuanceStatus.ISSUED) {
      return issuance(signed, 200);
    }
    // the signature that completes the sign-off issues the credits; their minting on the ledger
    // follows: 202, and the task follows the issuing decision's receipt, which the ledger anchors
    // right after the mint (the outbox keeps their order)
    String task = "/tasks/" + signed.attestation().receipt().hex();
    return new Reply(
        202,
        Reply.JSON,
        Reply.write(
            ProjectRoutes.withReceipt(
                    Representations.issuance(signed.value()), signed.attestation())
                .put("task", task)),
        java.util.Map.of("Location", task));
  }

  private Reply review(Call call, boolean hold) {
    IssuanceId id = call.pathParam("issuanceId", IssuanceId::new);
    Body body = call.body();
    String reason = body.requiredText("reason", "say why, for the record");
    body.check();
    ReviewIssuance command = new ReviewIssuance(call.principal(), id, reason);
    return issuance(hold ? issuance.hold(command) : issuance.release(command), 200);
  }
}
