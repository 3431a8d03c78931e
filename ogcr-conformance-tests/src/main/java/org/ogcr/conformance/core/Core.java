package org.ogcr.conformance.core;

import com.fasterxml.jackson.databind.JsonNode;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Core: the registry describes itself, its documents are GeoJSON Features, its errors problems. */
public final class Core extends ConformanceClass {

  @Override
  public String id() {
    return "core";
  }

  @Override
  public String sections() {
    return "OGCR 3, 4.1";
  }

  @Check(
      requirement = "4.1 machine-readable description",
      purpose = "A client discovers what the registry implements and how to call it.",
      method =
          "GET /conformance lists conformance class URNs in conformsTo; GET /openapi.json is an"
              + " OpenAPI 3 document.",
      whenItFails = "the /conformance and /openapi.json routes")
  public void required_4_1_conformanceAndApiDescription() {
    Http.Response c =
        status(registry.anonymous("GET", "/conformance", null), "GET /conformance", 200);
    JsonNode classes = c.json().path("conformsTo");
    require(classes.isArray() && classes.size() > 0, "conformsTo is a non-empty array of URNs");
    Http.Response api =
        status(registry.anonymous("GET", "/openapi.json", null), "GET /openapi.json", 200);
    require(
        api.json().path("openapi").asText().startsWith("3."),
        "/openapi.json is an OpenAPI 3 document (its openapi field reads 3.x)");
    require(api.json().path("paths").has("/projects"), "the OpenAPI document describes /projects");
  }

  @Check(
      requirement = "3.1 PDD as a GeoJSON Feature",
      purpose = "A project's design document is a GeoJSON Feature (RFC 7946) as submitted.",
      method =
          "Submit a PDD, read the project record, follow its current version's document link, and"
              + " check it is a Feature with a Polygon geometry and the PDD's properties.",
      whenItFails = "how the registry stores and serves submitted PDDs")
  public void required_3_1_pddIsAGeoJsonFeature() {
    String id = registry.submitProject();
    Http.Response record =
        status(registry.as("developer", "GET", "/projects/" + id, null), "GET the project", 200);
    JsonNode versions = record.json().path("versions");
    require(versions.isArray() && versions.size() >= 1, "the record lists its PDD versions");
    String link = versions.get(versions.size() - 1).path("document").asText();
    require(!link.isEmpty(), "each version links its document");
    Http.Response doc = status(registry.as("developer", "GET", link, null), "GET the PDD", 200);
    JsonNode f = doc.json();
    require("Feature".equals(f.path("type").asText()), "the PDD is a GeoJSON Feature");
    require(
        "Polygon".equals(f.path("geometry").path("type").asText())
            || "MultiPolygon".equals(f.path("geometry").path("type").asText()),
        "the PDD's geometry is its boundary, a Polygon or MultiPolygon");
    require(
        "PDD".equals(f.path("properties").path("documentType").asText()),
        "the PDD keeps its properties as submitted (documentType PDD)");
  }

  @Check(
      requirement = "4.1 uniform errors",
      purpose =
          "Every error has one machine-readable structure: an RFC 9457 problem with status, type"
              + " and title.",
      method = "GET a project that does not exist: 404 as application/problem+json.",
      whenItFails = "the error handler of the HTTP layer")
  public void required_4_1_errorsAreProblems() {
    Http.Response r =
        registry.anonymous("GET", "/projects/kit-" + registry.run() + "-missing", null);
    status(r, "GET a missing project", 404);
    problem(r);
  }
}
