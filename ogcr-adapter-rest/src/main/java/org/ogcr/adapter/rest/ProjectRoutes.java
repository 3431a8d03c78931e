package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.ProjectUseCases;
import org.ogcr.port.in.ProjectUseCases.AmendProject;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;

/** OGCR 4.2.1 project management, and the validation decisions (extension). */
final class ProjectRoutes {

  private final ProjectUseCases projects;

  private ProjectRoutes(ProjectUseCases projects) {
    this.projects = projects;
  }

  static List<Route> routes(ProjectUseCases projects) {
    ProjectRoutes r = new ProjectRoutes(projects);
    return List.of(
        Route.write("POST", "/projects", "submitProject", "projects:write", r::submit)
            .roles(Role.DEVELOPER)
            .owned(),
        Route.publicRead("/projects", "listProjects", r::list),
        Route.publicRead("/projects/{projectId}", "getProject", r::get),
        Route.write("PUT", "/projects/{projectId}", "amendProject", "projects:write", r::amend)
            .roles(Role.DEVELOPER)
            .owned(),
        Route.read(
                "/projects/{projectId}/versions/{version}",
                "getProjectDocument",
                "projects:read",
                r::document)
            .roles(),
        Route.write(
                "POST",
                "/projects/{projectId}/validate",
                "validateProject",
                "projects:write",
                call -> r.decide(call, projects::validate))
            .roles(Role.VALIDATOR)
            .independent(),
        Route.write(
                "POST",
                "/projects/{projectId}/reject",
                "rejectProject",
                "projects:write",
                call -> r.decide(call, projects::reject))
            .roles(Role.VALIDATOR)
            .independent(),
        Route.write(
                "POST",
                "/projects/{projectId}/archive",
                "archiveProject",
                "projects:write",
                call -> r.decide(call, projects::archive))
            .roles(Role.DEVELOPER, Role.ADMINISTRATOR)
            .owned(Role.ADMINISTRATOR));
  }

  static ObjectNode withReceipt(ObjectNode representation, Attestation attestation) {
    representation.put("receipt", attestation.receipt().hex());
    return representation;
  }

  /**
   * OGCR 4.2.1: the registry issues the project's id. It takes the {@code Slug} header (RFC 5023
   * §9.7) when the client proposes one, otherwise the PDD's name made into a slug, and appends
   * {@code -2}, {@code -3}… while the id is taken.
   */
  private Reply submit(Call call) {
    String pdd = call.bodyText();
    String base =
        Optional.ofNullable(call.header("Slug"))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(ProjectRoutes::slug)
            .orElseGet(() -> slug(nameOf(pdd)));
    ProjectId id = freeId(base);
    Receipted<ProjectRecord> done = projects.submit(new SubmitProject(call.principal(), id, pdd));
    return Reply.created(
        "/projects/" + id.value(),
        withReceipt(Representations.project(done.value()), done.attestation()));
  }

  private ProjectId freeId(String base) {
    for (int n = 1; n <= 100; n++) {
      String candidate = n == 1 ? base : base + "-" + n;
      ProjectId id = new ProjectId(candidate);
      if (projects.find(id).isEmpty()) {
        return id;
      }
    }
    throw new ApiException(
        409,
        "project_id_taken",
        "100 projects already use ids derived from "
            + base
            + "; propose another id with a Slug header");
  }

  private static String nameOf(String pdd) {
    try {
      JsonNode name = StrictJson.read(pdd).path("properties").path("name");
      return name.isTextual() && !name.asText().isBlank() ? name.asText() : "project";
    } catch (StrictJson.MalformedJsonException e) {
      // the use case refuses the document with its reasons; any id will do until then
      return "project";
    }
  }

  /** "Nulhegan Basin – easement" becomes "nulhegan-basin-easement"; at most 64 characters. */
  static String slug(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 64) {
      ascii = ascii.substring(0, 64).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? "project" : ascii;
  }

  private Reply list(Call call) {
    ProjectQuery query =
        new ProjectQuery(
            Set.copyOf(
                call.queryList(
                    "status",
                    s -> ProjectStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                    "give statuses among draft, submitted, validated, rejected, archived, comma-separated")),
            call.query("methodology"),
            call.query("actor", ActorId::new, "give a developer's actor id"),
            call.query("organisation", OrganisationId::new, "give an organisation id"),
            call.query("bbox", ProjectRoutes::bbox, "give west,south,east,north in WGS84 degrees"),
            call.queryInstant("submittedFrom"),
            call.queryInstant("submittedBefore"));
    return Paging.answer(
        call,
        page -> projects.search(query, page),
        keyset -> projects.searchAfter(query, keyset),
        Representations::project);
  }

  /** {@code west,south,east,north}, as OGC API bbox parameters are written. */
  static Envelope bbox(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException("four numbers expected");
    }
    double west = Double.parseDouble(parts[0]);
    double south = Double.parseDouble(parts[1]);
    double east = Double.parseDouble(parts[2]);
    double north = Double.parseDouble(parts[3]);
    if (west < -180 || east > 180 || south < -90 || north > 90 || west > east || south > north) {
      throw new IllegalArgumentException("out of range");
    }
    return new Envelope(west, east, south, north);
  }

  private Reply get(Call call) {
    ProjectId id = call.pathParam("projectId", ProjectId::new);
    ProjectRecord p = projects.find(id).orElseThrow(() -> new NotFoundException("project", id));
    return Reply.ok(Representations.project(p));
  }

  /**
   * OGCR 4.2.1: changes before validation, contacts only after. An {@code If-Match} with the
   * project's current ETag makes the change conditional (412 when another change came first).
   */
  private Reply amend(Call call) {
    ProjectId id = call.pathParam("projectId", ProjectId::new);
    String ifMatch = call.header("If-Match");
    if (ifMatch != null) {
      ProjectRecord current =
          projects.find(id).orElseThrow(() -> new NotFoundException("project", id));
      String etag = RestApi.etagOf(Reply.write(Representations.project(current)));
      if (!ifMatch.trim().equals(etag) && !ifMatch.trim().equals("*")) {
        throw new ApiException(
            412,
            "precondition_failed",
            "project " + id.value() + " changed since the ETag given in If-Match; read it again");
      }
    }
    Receipted<ProjectRecord> done =
        projects.amend(new AmendProject(call.principal(), id, call.bodyText()));
    return Reply.ok(withReceipt(Representations.project(done.value()), done.attestation()));
  }

  private Reply document(Call call) {
    ProjectId id = call.pathParam("projectId", ProjectId::new);
    int version =
        call.pathParam(
            "version",
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw new org.ogcr.domain.common.InvalidValueException(
                    "version", v, "must be a version number: 1, 2, …");
              }
            });
    String pdd =
        projects
            .document(id, version)
            .orElseThrow(() -> new NotFoundException("version " + version + " of project", id));
    return new Reply(200, "application/geo+json", pdd, java.util.Map.of());
  }

  private interface Decision {
    Receipted<ProjectRecord> apply(DecideProject command);
  }

  private Reply decide(Call call, Decision decision) {
    ProjectId id = call.pathParam("projectId", ProjectId::new);
    Body body = call.body();
    String reason = body.requiredText("reason", "say why, for the record");
    Optional<Integer> reviewed =
        body.optional(
            "reviewedVersion",
            Integer::valueOf,
            "give the PDD version you reviewed (currentVersion of the project)");
    body.check();
    Receipted<ProjectRecord> done =
        decision.apply(new DecideProject(call.principal(), id, reason, reviewed));
    return Reply.ok(withReceipt(Representations.project(done.value()), done.attestation()));
  }
}
