package org.ogcr.conformance.caching;

import java.util.Optional;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Caching (OGCR 4.5.1): conditional requests that stay consistent with the registry's state. */
public final class Caching extends ConformanceClass {

  @Override
  public String id() {
    return "caching";
  }

  @Override
  public String sections() {
    return "OGCR 4.5.1";
  }

  @Override
  public Optional<String> declaredBy() {
    return Optional.of("urn:ogcr:conformance:0.1:conditional-requests");
  }

  @Check(
      requirement = "4.5.1 conditional requests",
      purpose =
          "A client revalidates a cached resource cheaply, and never keeps a stale copy after a"
              + " change.",
      method =
          "GET a project: an ETag. GET it with If-None-Match: 304. Validate the project, GET"
              + " with the old ETag: 200 and another ETag.",
      whenItFails = "the ETag and If-None-Match handling of resource routes")
  public void optional_4_5_1_etagRevalidatesAndChangesWithTheResource() {
    String id = registry.submitProject();
    Http.Response first = status(registry.anonymous("GET", "/projects/" + id, null), "GET", 200);
    String etag = first.header("ETag").orElse("");
    require(!etag.isEmpty(), "a resource is served with an ETag");
    Http.Response again = registry.anonymous("GET", "/projects/" + id, null, "If-None-Match", etag);
    status(again, "GET with If-None-Match of the current ETag", 304);
    int version = first.json().path("currentVersion").asInt(1);
    setUp(
        registry.as(
            "validator",
            "POST",
            "/projects/" + id + "/validate",
            "{\"reason\": \"conformance kit\", \"reviewedVersion\": " + version + "}"),
        "validating the project",
        200);
    Http.Response changed =
        registry.anonymous("GET", "/projects/" + id, null, "If-None-Match", etag);
    status(changed, "GET with the ETag from before a change", 200);
    require(!etag.equals(changed.header("ETag").orElse("")), "a changed resource has another ETag");
  }
}
