package org.ogcr.conformance.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Context;
import org.ogcr.conformance.Http;

/** Monitoring (OGCR 4.2.2): reports of a project, whose periods never overlap. */
public final class Monitoring extends ConformanceClass {

  @Override
  public String id() {
    return "monitoring";
  }

  @Override
  public String sections() {
    return "OGCR 4.2.2, 4.4.2";
  }

  private Http.Response submit(String project, String start, String end) {
    return registry.as(
        "developer",
        "POST",
        "/projects/" + project + "/monitoring",
        registry.mrv(project, start, end).toString());
  }

  private int reports(String project) {
    Http.Response list =
        setUp(
            registry.as("developer", "GET", "/projects/" + project + "/monitoring", null),
            "listing the project's reports",
            200);
    int n = 0;
    for (JsonNode ignored : Context.items(list.json())) {
      n++;
    }
    return n;
  }

  @Check(
      requirement = "4.2.2 submit a report",
      purpose = "A developer submits a monitoring report for its validated project.",
      method =
          "Validate a project, POST an MRV for it: 201; the project's report list then holds it.",
      whenItFails = "POST and GET /projects/{projectId}/monitoring")
  public void required_4_2_2_aReportIsSubmittedAndListed() {
    String project = registry.validatedProject();
    status(submit(project, "2026-01-01", "2026-04-01"), "POST a monitoring report", 201);
    require(reports(project) == 1, "the project's reports list the report submitted");
  }

  @Check(
      requirement = "4.2.2 non-overlapping periods",
      purpose =
          "A project's monitoring periods never overlap, so no removal is reported (and credited)"
              + " twice.",
      method =
          "Submit [2026-01-01, 2026-04-01), then [2026-03-01, 2026-06-01) for the same project:"
              + " the second is refused with a problem and not listed. A report that starts where"
              + " the first ends, [2026-04-01, 2026-07-01), is accepted (periods are half-open).",
      whenItFails = "the overlap check of monitoring submissions")
  public void required_4_2_2_overlappingPeriodsAreRefused() {
    String project = registry.validatedProject();
    setUp(submit(project, "2026-01-01", "2026-04-01"), "submitting the first report", 201);
    Http.Response overlapping = submit(project, "2026-03-01", "2026-06-01");
    require(
        overlapping.status() == 409 || overlapping.status() == 422 || overlapping.status() == 400,
        "an overlapping period is refused with 400, 409 or 422; got " + overlapping.status());
    problem(overlapping);
    require(reports(project) == 1, "a refused report is not listed");
    status(
        submit(project, "2026-04-01", "2026-07-01"),
        "a report starting where the last one ends",
        201);
  }
}
