package org.ogcr.application;

import static org.ogcr.application.Access.requireIndependent;
import static org.ogcr.application.Access.requireOwner;
import static org.ogcr.application.Access.requireRole;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.project.PddVersion;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.port.in.AccessDeniedException;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectDocument;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.StoreConflictException;

/** Project registration through the driven ports. */
final class ProjectService implements ProjectUseCases {

  private final DrivenPorts ports;
  private final Decisions decisions;
  private final Attestor attestor;
  private final StoreView view;

  ProjectService(DrivenPorts ports, Decisions decisions, Attestor attestor, StoreView view) {
    this.ports = ports;
    this.decisions = decisions;
    this.attestor = attestor;
    this.view = view;
  }

  /** Taken by every change of a boundary, whose overlap check reads all active boundaries. */
  static final String BOUNDARIES_LOCK = "project-boundaries";

  static String resource(ProjectId id) {
    return "project/" + id.value();
  }

  @Override
  public Receipted<ProjectRecord> submit(SubmitProject c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "project.submit",
        resource(c.id()),
        now -> {
          requireRole(who, "submitting a project", Role.DEVELOPER);
          if (ports.projects().find(c.id()).isPresent()) {
            throw StoreConflictException.exists("project " + c.id());
          }
          // the boundary check reads every active project: one registration at a time
          ports.unitOfWork().lock(BOUNDARIES_LOCK);
          ProjectDocument d = ports.documents().readProject(c.pdd(), Optional.empty(), view);
          requireDeveloper(who, d);
          ports.documentStore().put(d.hash(), c.pdd());
          ProjectRecord project =
              new ProjectRecord(
                  c.id(),
                  ProjectStatus.DRAFT.transitionTo(ProjectStatus.SUBMITTED),
                  d.name(),
                  d.projectType(),
                  d.developer(),
                  d.organisation(),
                  d.methodology(),
                  d.creditingPeriod(),
                  d.boundary(),
                  d.property(),
                  PddHistory.first(d.hash(), now, who.actor()),
                  now,
                  now,
                  Optional.empty(),
                  1);
          ports.projects().insert(project);
          return receipted(project, "project.submitted", now, who, Map.of());
        });
  }

  /** The PDD names its developer; only that developer, acting for that organisation, submits it. */
  private void requireDeveloper(Principal who, ProjectDocument d) {
    requireOwner(who, d.organisation(), "the project the PDD describes");
    if (!d.developer().equals(who.actor())) {
      throw new AccessDeniedException(
          "not_owner",
          "the PDD names developer "
              + d.developer()
              + " at /properties/developer/actorId; "
              + who.actor()
              + " may not submit it in their name");
    }
    Optional<org.ogcr.domain.id.OrganisationId> listed =
        ports.identity().organisationOf(who.actor());
    if (listed.isEmpty() || !listed.get().equals(who.organisation())) {
      throw new AccessDeniedException(
          "identity_mismatch",
          who.actor()
              + " is listed in the registry's directory under "
              + listed.map(Object::toString).orElse("no organisation")
              + ", not "
              + who.organisation());
    }
  }

  @Override
  public Receipted<ProjectRecord> amend(AmendProject c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "project.amend",
        resource(c.id()),
        now -> {
          requireRole(who, "amending a project", Role.DEVELOPER);
          ProjectRecord p = existing(c.id());
          requireOwner(who, p.organisation(), "project " + p.id());
          ports.unitOfWork().lock(BOUNDARIES_LOCK);
          ProjectDocument d = ports.documents().readProject(c.pdd(), Optional.of(p.id()), view);
          if (!d.organisation().equals(p.organisation())) {
            throw new InvalidValueException(
                "/properties/developer/organisationId",
                d.organisation().value(),
                "must stay " + p.organisation() + "; a project never changes organisation");
          }
          String previous = document(p.history().current());
          PddHistory.ChangeScope scope = ports.documents().changeScope(previous, c.pdd());
          PddHistory history = p.history().amend(d.hash(), scope, p.status(), now, who.actor());
          ports.documentStore().put(d.hash(), c.pdd());
          ProjectRecord next =
              new ProjectRecord(
                  p.id(),
                  p.status(),
                  d.name(),
                  d.projectType(),
                  d.developer(),
                  p.organisation(),
                  d.methodology(),
                  d.creditingPeriod(),
                  d.boundary(),
                  d.property(),
                  history,
                  p.submittedAt(),
                  now,
                  p.decisionReason(),
                  p.version() + 1);
          ports.projects().update(next);
          return receipted(
              next,
              "project.amended",
              now,
              who,
              Map.of("scope", scope.name().toLowerCase(java.util.Locale.ROOT)));
        });
  }

  @Override
  public Receipted<ProjectRecord> validate(DecideProject c) {
    return decide(c, "project.validate", ProjectStatus.VALIDATED, "project.validated");
  }

  @Override
  public Receipted<ProjectRecord> reject(DecideProject c) {
    return decide(c, "project.reject", ProjectStatus.REJECTED, "project.rejected");
  }

  private Receipted<ProjectRecord> decide(
      DecideProject c, String action, ProjectStatus next, String kind) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        action,
        resource(c.id()),
        now -> {
          requireRole(who, action.replace('.', ' '), Role.VALIDATOR);
          Access.requireListed(ports.identity(), who);
          ProjectRecord p = existing(c.id());
          requireIndependent(who, p.organisation(), "project " + p.id());
          int current = p.history().current().number();
          c.reviewedVersion()
              .filter(v -> v != current)
              .ifPresent(
                  v -> {
                    throw new UseCaseRefusedException(
                        "pdd_version_changed",
                        "the decision is about PDD version "
                            + v
                            + " but project "
                            + p.id()
                            + " is at version "
                            + current
                            + "; review the current version and decide again");
                  });
          if (next == ProjectStatus.REJECTED) {
            requireReason(c.reason());
          }
          ProjectRecord decided = p.withStatus(next, now, reason(c.reason()));
          ports.projects().update(decided);
          return receipted(decided, kind, now, who, Map.of("reason", c.reason()));
        });
  }

  @Override
  public Receipted<ProjectRecord> archive(DecideProject c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "project.archive",
        resource(c.id()),
        now -> {
          requireRole(who, "archiving a project", Role.DEVELOPER, Role.ADMINISTRATOR);
          ProjectRecord p = existing(c.id());
          if (!who.has(Role.ADMINISTRATOR)) {
            requireOwner(who, p.organisation(), "project " + p.id());
          }
          ProjectRecord archived = p.withStatus(ProjectStatus.ARCHIVED, now, p.decisionReason());
          ports.projects().update(archived);
          return receipted(archived, "project.archived", now, who, Map.of("reason", c.reason()));
        });
  }

  static void requireReason(String reason) {
    if (reason.isBlank() || reason.length() > 2000) {
      throw new InvalidValueException(
          "reason",
          reason.length() > 80 ? reason.substring(0, 80) + "…" : reason,
          "must be 1 to 2000 characters explaining the decision");
    }
  }

  private static Optional<String> reason(String reason) {
    return reason.isBlank() ? Optional.empty() : Optional.of(reason);
  }

  private Decisions.Outcome<Receipted<ProjectRecord>> receipted(
      ProjectRecord p, String kind, Instant now, Principal who, Map<String, String> extra) {
    Map<String, String> facts = new LinkedHashMap<>(extra);
    facts.put("status", p.status().name());
    facts.put("pdd", p.history().current().hash().hex());
    facts.put("pddVersion", Integer.toString(p.history().current().number()));
    facts.put("methodology", p.methodology().toString());
    facts.put("organisation", p.organisation().value());
    Attestation a = attestor.attest(kind, resource(p.id()), now, who, facts);
    return new Decisions.Outcome<>(
        new Receipted<>(p, a), kind + " v" + p.version() + " receipt " + a.receipt().hex());
  }

  private ProjectRecord existing(ProjectId id) {
    return ports.projects().find(id).orElseThrow(() -> new NotFoundException("project", id));
  }

  private String document(PddVersion v) {
    return ports
        .documentStore()
        .get(v.hash())
        .orElseThrow(() -> new IllegalStateException("PDD " + v.hash() + " missing from store"));
  }

  @Override
  public Optional<ProjectRecord> find(ProjectId id) {
    return ports.projects().find(id);
  }

  @Override
  public Optional<String> document(ProjectId id, int version) {
    return ports
        .projects()
        .find(id)
        .filter(p -> version >= 1 && version <= p.history().versions().size())
        .flatMap(p -> ports.documentStore().get(p.history().versions().get(version - 1).hash()));
  }

  @Override
  public Page<ProjectRecord> search(ProjectQuery query, PageRequest page) {
    return ports.projects().search(query, page);
  }

  @Override
  public KeysetPage<ProjectRecord> searchAfter(ProjectQuery query, KeysetRequest request) {
    return ports.projects().searchAfter(query, request);
  }
}
