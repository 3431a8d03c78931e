package org.ogcr.conformance.projects;

import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Project management (OGCR 4.2.1): submission, retrieval, versioned updates, validation. */
public final class Projects extends ConformanceClass {

  @Override
  public String id() {
    return "projects";
  }

  @Override
  public String sections() {
    return "OGCR 4.2.1";
  }

  @Check(
      requirement = "4.2.1 submit a project",
      purpose = "A valid PDD gets a unique identifier and enters the submitted state.",
      method =
          "POST /projects with a valid PDD as the developer: 201 with a Location; the record it"
              + " names reads status submitted.",
      whenItFails = "POST /projects and the project record")
  public void required_4_2_1_submitAssignsAnIdAndTheSubmittedState() {
    registry.methodology();
    String id = registry.newProjectId();
    Http.Response r =
        registry.as("developer", "POST", "/projects", registry.pdd(id, 900).toString(), "Slug", id);
    status(r, "POST /projects with a valid PDD", 201);
    String location = r.header("Location").orElse("");
    require(!location.isEmpty(), "a created project is answered with its Location");
    Http.Response record =
        status(registry.as("developer", "GET", location, null), "GET " + location, 200);
    require(
        "submitted".equalsIgnoreCase(record.json().path("status").asText()),
        "a new project is submitted; status was " + record.json().path("status"));
    require(!record.json().path("id").asText().isEmpty(), "the record carries its identifier");
  }

  @Check(
      requirement = "4.2.1 versioned updates",
      purpose = "Every change to a PDD is a new version; earlier versions stay readable.",
      method =
          "Submit a project, PUT an amended PDD (a new name): the record lists two versions with"
              + " different hashes.",
      whenItFails = "PUT /projects/{projectId} and the version history")
  public void required_4_2_1_updatesAreVersioned() {
    String id = registry.submitProject();
    Http.Response before = registry.as("developer", "GET", "/projects/" + id, null);
    var pdd = registry.pdd(id, 0);
    // the same ground as submitted: read it back from the first version
    Http.Response first =
        setUp(
            registry.as(
                "developer",
                "GET",
                before.json().path("versions").get(0).path("document").asText(),
                null),
            "reading the submitted PDD",
            200);
    pdd.set("geometry", first.json().path("geometry"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) pdd.path("properties"))
        .put("name", "Conformance kit project " + id + ", amended");
    status(
        registry.as("developer", "PUT", "/projects/" + id, pdd.toString()),
        "PUT an amended PDD",
        200);
    Http.Response after =
        status(registry.as("developer", "GET", "/projects/" + id, null), "GET the project", 200);
    var versions = after.json().path("versions");
    require(
        versions.size() == 2, "an amendment adds a version; the record lists " + versions.size());
    require(
        !versions.get(0).path("hash").asText().equals(versions.get(1).path("hash").asText()),
        "each version has its own document hash");
  }

  @Check(
      requirement = "4.2.1 validation",
      purpose = "A validator's decision moves a submitted project to validated.",
      method = "Submit a project, validate it as the validator: the record reads validated.",
      whenItFails = "the validation route and the project lifecycle")
  public void required_4_2_1_aValidatorValidatesAProject() {
    String id = registry.validatedProject();
    Http.Response record =
        status(registry.anonymous("GET", "/projects/" + id, null), "GET the project", 200);
    require(
        "validated".equalsIgnoreCase(record.json().path("status").asText()),
        "a validated project reads validated; was " + record.json().path("status"));
  }
}
