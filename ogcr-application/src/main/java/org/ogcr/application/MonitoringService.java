package org.ogcr.application;

import static org.ogcr.application.Access.requireIndependent;
import static org.ogcr.application.Access.requireOwner;
import static org.ogcr.application.Access.requireRole;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.port.in.MonitoringUseCases;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.ReportDocument;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.StoreConflictException;

/** Monitoring reports and their verification through the driven ports. */
final class MonitoringService implements MonitoringUseCases {

  private final DrivenPorts ports;
  private final Decisions decisions;
  private final Attestor attestor;
  private final StoreView view;

  MonitoringService(DrivenPorts ports, Decisions decisions, Attestor attestor, StoreView view) {
    this.ports = ports;
    this.decisions = decisions;
    this.attestor = attestor;
    this.view = view;
  }

  static String resource(ReportId id) {
    return "report/" + id.value();
  }

  @Override
  public Receipted<ReportRecord> submit(SubmitReport c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "report.submit",
        resource(c.id()),
        now -> {
          requireRole(who, "submitting a monitoring report", Role.DEVELOPER);
          if (ports.reports().find(c.id()).isPresent()) {
            throw StoreConflictException.exists("report " + c.id());
          }
          // the period check reads the project's other reports: one submission at a time
          ports.unitOfWork().lock("report-periods");
          ReportDocument d = ports.documents().readReport(c.mrv(), view);
          ProjectRecord project =
              ports
                  .projects()
                  .find(d.project())
                  .orElseThrow(() -> new NotFoundException("project", d.project()));
          requireOwner(who, project.organisation(), "project " + project.id());
          if (project.status() != ProjectStatus.VALIDATED) {
            throw new UseCaseRefusedException(
                "project_not_validated",
                "project "
                    + project.id()
                    + " is "
                    + project.status()
                    + "; monitoring reports are accepted once it is validated");
          }
          ports.documentStore().put(d.hash(), c.mrv());
          ReportRecord report =
              new ReportRecord(
                  c.id(),
                  project.id(),
                  ReportStatus.SUBMITTED,
                  d.methodology(),
                  d.period(),
                  d.netRemoval(),
                  d.eci(),
                  d.hash(),
                  who.actor(),
                  now,
                  Optional.empty(),
                  1);
          ports.reports().insert(report);
          return receipted(report, "report.submitted", now, who);
        });
  }

  @Override
  public Receipted<ReportRecord> verify(VerifyReport c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "report.verify",
        resource(c.id()),
        now -> {
          requireRole(who, "verifying a monitoring report", Role.VERIFIER);
          Access.requireListed(ports.identity(), who);
          ReportRecord report =
              ports
                  .reports()
                  .find(c.id())
                  .orElseThrow(() -> new NotFoundException("report", c.id()));
          ProjectRecord project =
              ports
                  .projects()
                  .find(report.project())
                  .orElseThrow(() -> new IllegalStateException("report without project"));
          requireIndependent(who, project.organisation(), "project " + project.id());
          LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
          if (c.date().isBefore(report.period().end()) || c.date().isAfter(today)) {
            throw new InvalidValueException(
                "date",
                c.date(),
                "must be on or after the period's end "
                    + report.period().end()
                    + " and not after today "
                    + today);
          }
          c.verifiedTonnes()
              .filter(t -> t.compareTo(report.netRemoval()) > 0)
              .ifPresent(
                  t -> {
                    throw new InvalidValueException(
                        "verifiedTonnes",
                        t,
                        "must be at most the report's net removal " + report.netRemoval());
                  });
          Verification decision =
              new Verification(
                  who.actor(),
                  who.organisation(),
                  c.accreditationId(),
                  c.outcome(),
                  c.date(),
                  c.verifiedTonnes(),
                  c.reason());
          ReportRecord decided =
              report.decided(
                  c.outcome() == Verification.Outcome.VERIFIED
                      ? ReportStatus.VERIFIED
                      : ReportStatus.REJECTED,
                  decision);
          ports.reports().update(decided);
          return receipted(
              decided,
              c.outcome() == Verification.Outcome.VERIFIED ? "report.verified" : "report.rejected",
              now,
              who);
        });
  }

  private Decisions.Outcome<Receipted<ReportRecord>> receipted(
      ReportRecord r, String kind, Instant now, Principal who) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("status", r.status().name());
    facts.put("project", r.project().value());
    facts.put("mrv", r.document().hex());
    facts.put("period", r.period().start() + "/" + r.period().end());
    facts.put("netRemovalTonnes", r.netRemoval().toString());
    r.verification()
        .ifPresent(
            v -> {
              facts.put("verifier", v.verifier().value());
              facts.put("verifierOrganisation", v.organisation().value());
              facts.put("accreditationId", v.accreditationId());
              facts.put("verificationDate", v.date().toString());
              v.verifiedTonnes()
                  .map(Co2eQuantity::toString)
                  .ifPresent(t -> facts.put("verifiedTonnes", t));
              v.reason().ifPresent(t -> facts.put("reason", t));
            });
    Attestation a = attestor.attest(kind, resource(r.id()), now, who, facts);
    return new Decisions.Outcome<>(
        new Receipted<>(r, a), kind + " v" + r.version() + " receipt " + a.receipt().hex());
  }

  @Override
  public Optional<ReportRecord> find(ReportId id) {
    return ports.reports().find(id);
  }

  @Override
  public Optional<String> document(ReportId id) {
    return ports.reports().find(id).flatMap(r -> ports.documentStore().get(r.document()));
  }

  @Override
  public Page<ReportRecord> search(ReportQuery query, PageRequest page) {
    return ports.reports().search(query, page);
  }

  @Override
  public KeysetPage<ReportRecord> searchAfter(ReportQuery query, KeysetRequest request) {
    return ports.reports().searchAfter(query, request);
  }
}
