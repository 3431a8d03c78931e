package org.ogcr.conformance.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Data validation (OGCR 4.4): schema and business rules, with field-level errors. */
public final class Validation extends ConformanceClass {

  @Override
  public String id() {
    return "validation";
  }

  @Override
  public String sections() {
    return "OGCR 4.4.1, 4.4.2";
  }

  /** Fails unless the problem lists a field error whose pointer or field mentions {@code field}. */
  private void namesField(Http.Response r, String field) {
    problem(r);
    JsonNode errors = r.json().path("errors");
    require(errors.isArray() && errors.size() > 0, "a validation problem lists its field errors");
    boolean named = false;
    for (JsonNode e : errors) {
      String where = e.path("pointer").asText(e.path("field").asText(""));
      named |= where.contains(field);
      require(
          !e.path("message").asText(e.path("detail").asText("")).isEmpty(),
          "each field error says what is wrong in words");
    }
    require(named, "a field error names '" + field + "'; errors were " + errors);
  }

  private void notCreated(String id) {
    require(
        registry.anonymous("GET", "/projects/" + id, null).status() == 404,
        "a refused submission creates nothing: GET /projects/" + id + " must be 404");
  }

  @Check(
      requirement = "4.4.1 schema errors name the field",
      purpose = "A client learns which field to fix, and nothing is stored.",
      method =
          "POST /projects with a PDD without its name: 400 or 422, a problem whose errors name"
              + " the name field; the project does not exist afterwards.",
      whenItFails = "the schema validation of PDDs and the field errors of problems")
  public void required_4_4_1_aMissingFieldIsNamed() {
    registry.methodology();
    String id = registry.newProjectId();
    ObjectNode pdd = registry.pdd(id, 700);
    ((ObjectNode) pdd.path("properties")).remove("name");
    Http.Response r = registry.as("developer", "POST", "/projects", pdd.toString(), "Slug", id);
    status(r, "POST a PDD without a name", 400, 422);
    namesField(r, "name");
    notCreated(id);
  }

  @Check(
      requirement = "4.4.2 methodology reference",
      purpose = "A document can reference only a registered methodology version.",
      method =
          "POST /projects with a PDD naming a methodology version that is not registered: 4xx, a"
              + " problem naming the methodology; nothing created.",
      whenItFails = "the methodology reference check")
  public void required_4_4_2_anUnknownMethodologyIsRefused() {
    registry.methodology();
    String id = registry.newProjectId();
    ObjectNode pdd = registry.pdd(id, 701);
    ((ObjectNode) pdd.path("properties").path("methodology")).put("version", "99.0.0");
    Http.Response r = registry.as("developer", "POST", "/projects", pdd.toString(), "Slug", id);
    status(r, "POST a PDD naming methodology version 99.0.0", 400, 404, 409, 422);
    problem(r);
    require(
        r.body().toLowerCase(java.util.Locale.ROOT).contains("methodology"),
        "the problem names the methodology");
    notCreated(id);
  }

  @Check(
      requirement = "4.4.2 non-intersecting geometries",
      purpose = "No ground is registered by two active projects.",
      method =
          "Submit a project, then another on the same boundary: the second is refused with a"
              + " problem, and not created.",
      whenItFails = "the boundary intersection check")
  public void required_4_4_2_intersectingBoundariesAreRefused() {
    String first = registry.submitProject();
    Http.Response record = registry.as("developer", "GET", "/projects/" + first, null);
    Http.Response doc =
        setUp(
            registry.as(
                "developer",
                "GET",
                record.json().path("versions").get(0).path("document").asText(),
                null),
            "reading the first project's PDD",
            200);
    String id = registry.newProjectId();
    ObjectNode pdd = registry.pdd(id, 0);
    pdd.set("geometry", doc.json().path("geometry"));
    Http.Response r = registry.as("developer", "POST", "/projects", pdd.toString(), "Slug", id);
    status(r, "POST a PDD on another project's boundary", 400, 409, 422);
    problem(r);
    notCreated(id);
  }
}
