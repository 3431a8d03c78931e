package org.ogcr.conformance.collections;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Context;
import org.ogcr.conformance.Http;

/** Collections (OGCR 4.5.2): offset pagination by default, and filters. */
public final class Collections extends ConformanceClass {

  @Override
  public String id() {
    return "collections";
  }

  @Override
  public String sections() {
    return "OGCR 4.5.2";
  }

  private static Set<String> ids(Http.Response page) {
    Set<String> ids = new HashSet<>();
    for (JsonNode item : Context.items(page.json())) {
      ids.add(item.path("id").asText());
    }
    return ids;
  }

  @Check(
      requirement = "4.5.2 offset pagination",
      purpose = "A client reads a large collection page by page, without gaps or repeats.",
      method =
          "With at least three projects, GET /projects?limit=2&offset=0 and ?limit=2&offset=2:"
              + " two items each at most, none on both pages.",
      whenItFails = "the paging of GET /projects")
  public void required_4_5_2_offsetPagesDoNotOverlap() {
    for (int i = 0; i < 3; i++) {
      registry.submitProject();
    }
    Http.Response first =
        status(registry.anonymous("GET", "/projects?limit=2&offset=0", null), "page 1", 200);
    Http.Response second =
        status(registry.anonymous("GET", "/projects?limit=2&offset=2", null), "page 2", 200);
    Set<String> a = ids(first);
    Set<String> b = ids(second);
    require(a.size() == 2, "a page holds limit items when more exist; page 1 held " + a.size());
    require(!b.isEmpty() && b.size() <= 2, "page 2 holds 1 or 2 items; held " + b.size());
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    require(both.isEmpty(), "no item is on two pages; both held " + both);
  }

  @Check(
      requirement = "4.5.2 filtering",
      purpose = "A client limits a collection to what it needs.",
      method =
          "Validate a project, GET /projects?status=validated: every item reads validated, and"
              + " the project is among them (paging on).",
      whenItFails = "the status filter of GET /projects")
  public void required_4_5_2_filterByStatus() {
    String validated = registry.validatedProject();
    boolean found = false;
    for (int offset = 0; offset < 10_000 && !found; offset += 100) {
      Http.Response page =
          status(
              registry.anonymous(
                  "GET", "/projects?status=validated&limit=100&offset=" + offset, null),
              "GET /projects?status=validated",
              200);
      int n = 0;
      for (JsonNode item : Context.items(page.json())) {
        n++;
        require(
            "validated".equalsIgnoreCase(item.path("status").asText()),
            "every filtered item is validated; " + item.path("id") + " is " + item.path("status"));
        found |= validated.equals(item.path("id").asText());
      }
      if (n < 100) {
        break;
      }
    }
    require(found, "the validated project " + validated + " is in the filtered collection");
  }
}
