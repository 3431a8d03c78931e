package org.ogcr.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.adapter.rest.ApiFixture.example;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.AccountId;

/** Refusals, limits and the HTTP conventions: problems, paging, ETag, idempotency, 429. */
class HttpBehaviourTest {

  private ApiFixture api = new ApiFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  private static void assertProblem(ApiFixture.Response r, int status, String code) {
    assertThat(r.status).as(r.body).isEqualTo(status);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode p = r.json();
    assertThat(p.path("code").asText()).isEqualTo(code);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("type").asText()).isEqualTo("/problems/" + code);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("detail").asText()).isNotBlank();
    assertThat(p.path("instance").asText()).startsWith("/");
  }

  private void submitNulhegan() {
    api.post("/methodologies", "admin-ann", example("methodologies/ec-m-1.1.0.json"));
    ApiFixture.Response r =
        api.post(
            "/projects",
            "dev-alice",
            example("documents/valid/nulhegan-forest.pdd.json"),
            "Slug",
            "nulhegan-forest");
    assertThat(r.status).as(r.body).isEqualTo(201);
  }

  @Test
  void givenUnknownRouteOrMethod_theAnswerIsAProblem() {
    assertProblem(api.get("/nowhere", null), 404, "no_such_route");
    assertProblem(api.send("DELETE", "/projects", "dev-alice", null), 405, "method_not_allowed");
  }

  @Test
  void givenNoCredentials_aWriteIsRefusedWithAChallenge_andAPublicReadIsServed() {
    ApiFixture.Response r = api.post("/accounts", null, "{\"id\": \"x\"}");
    assertProblem(r, 401, "authentication_required");
    assertThat(r.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(api.get("/projects", null).status).isEqualTo(200);
    assertProblem(api.get("/audit/entries", null), 401, "authentication_required");
  }

  @Test
  void givenBadCredentials_theRequestIsRefusedEvenOnAPublicRoute() {
    ApiFixture.Response r = api.get("/projects", "nobody");
    assertProblem(r, 401, "invalid_credentials");
    assertThat(r.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
  }

  @Test
  void givenCredentialWithoutTheScope_theRouteIsRefusedNamingIt() {
    api.tokens.put("reader", new Caller(ApiFixture.BEA, Set.of("credits:read"), "reader", 100));
    ApiFixture.Response r = api.post("/accounts", "reader", "{\"id\": \"acme-main\"}");
    assertProblem(r, 403, "insufficient_scope");
    assertThat(r.json().path("detail").asText()).contains("credits:write");
    assertThat(r.header("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("insufficient_scope"));
    assertThat(api.registry.credits().account(new AccountId("acme-main"))).isEmpty();
  }

  @Test
  void givenRoleTheUseCaseRefuses_theAnswerIs403WithTheUseCaseCode() {
    submitNulhegan();
    assertProblem(
        api.post("/projects/nulhegan-forest/validate", "buyer-bea", "{\"reason\": \"ok\"}"),
        403,
        "role_required");
  }

  @Test
  void givenUnknownIds_theAnswerIs404() {
    assertProblem(api.get("/projects/no-such-project", null), 404, "not_found");
    assertProblem(api.get("/issuances/none", null), 404, "not_found");
    assertProblem(api.get("/accounts/none", "buyer-bea"), 404, "not_found");
  }

  @Test
  void givenMalformedOrIncompleteBodies_everyFailingMemberIsNamed() {
    submitNulhegan();
    assertProblem(
        api.post("/projects/nulhegan-forest/validate", "val-vera", "{\"reason\": "),
        400,
        "invalid_request");
    ApiFixture.Response r =
        api.post(
            "/credits/transfer",
            "dev-alice",
            "{\"issuanceId\": \"nulhegan-2026\", \"first\": 0, \"last\": \"x\"}");
    assertProblem(r, 400, "invalid_request");
    List<String> pointers = new ArrayList<>();
    r.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertThat(pointers).containsExactlyInAnyOrder("/first", "/last", "/from", "/to");
    r.json()
        .path("errors")
        .forEach(
            e -> {
              assertThat(e.path("rule").asText()).isNotBlank();
              assertThat(e.path("message").asText()).isNotBlank();
              assertThat(e.path("fix").asText()).isNotBlank();
            });
  }

  @Test
  void givenInvalidDocument_theAnswerIs422WithOneErrorPerIssue() {
    api.post("/methodologies", "admin-ann", example("methodologies/ec-m-1.1.0.json"));
    ApiFixture.Response r =
        api.post("/projects", "dev-alice", "{\"type\": \"Feature\", \"properties\": {}}");
    assertProblem(r, 422, "document_invalid");
    assertThat(r.json().path("errors").size()).isGreaterThan(1);
    assertThat(r.json().path("errors").get(0).path("pointer").asText()).startsWith("/");
  }

  @Test
  void givenBadQueryParameters_theyAreNamed() {
    ApiFixture.Response r = api.get("/projects?limit=5000", null);
    assertProblem(r, 400, "invalid_request");
    assertThat(r.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/query/limit");
    assertProblem(api.get("/projects?bbox=1,2,3", null), 400, "invalid_request");
    assertProblem(api.get("/projects?status=lost", null), 400, "invalid_request");
    assertProblem(api.get("/projects?submittedFrom=yesterday", null), 400, "invalid_request");
  }

  @Test
  void givenProjects_theyPageByOffsetAndByCursor_withLinks() {
    api.post("/methodologies", "admin-ann", example("methodologies/ec-m-1.1.0.json"));
    api.post("/methodologies", "admin-ann", example("methodologies/dac-m-1.0.0.json"));
    ApiFixture.Response a =
        api.post("/projects", "dev-alice", example("documents/valid/nulhegan-forest.pdd.json"));
    ApiFixture.Response b =
        api.post("/projects", "dev-sigrun", example("documents/valid/hellisheidi-dac.pdd.json"));
    assertThat(a.status).as(a.body).isEqualTo(201);
    assertThat(b.status).as(b.body).isEqualTo(201);
    assertThat(a.header("Location")).contains("/projects/nulhegan-basin-conservation-easement");

    JsonNode first = api.get("/projects?limit=1", null).json();
    assertThat(first.path("items")).hasSize(1);
    assertThat(first.path("total").asLong()).isEqualTo(2);
    JsonNode second = api.get(first.path("links").path("next").asText(), null).json();
    assertThat(second.path("items")).hasSize(1);
    assertThat(second.path("links").has("next")).isFalse();
    assertThat(second.path("items").get(0).path("id").asText())
        .isNotEqualTo(first.path("items").get(0).path("id").asText());

    ApiFixture.Response cursor = api.get("/projects?paging=cursor&limit=1", null);
    assertThat(cursor.json().path("items")).hasSize(1);
    assertThat(cursor.header("Link"))
        .hasValueSatisfying(l -> assertThat(l).contains("rel=\"next\""));
    JsonNode next = api.get(cursor.json().path("links").path("next").asText(), null).json();
    assertThat(next.path("items")).hasSize(1);
    assertThat(next.has("nextCursor")).isFalse();

    JsonNode filtered =
        api.get("/projects?status=submitted&methodology=EC-M&bbox=-72,44,-71,45", null).json();
    assertThat(filtered.path("total").asLong()).isEqualTo(1);
  }

  @Test
  void givenIdempotencyKey_aRepeatedPostIsAnsweredFromTheRecord_andAnotherBodyIsRefused() {
    ApiFixture.Response first =
        api.post("/accounts", "buyer-bea", "{\"id\": \"acme-main\"}", "Idempotency-Key", "k-1");
    ApiFixture.Response again =
        api.post("/accounts", "buyer-bea", "{\"id\": \"acme-main\"}", "Idempotency-Key", "k-1");
    assertThat(first.status).isEqualTo(201);
    assertThat(again.status).isEqualTo(201);
    assertThat(again.body).isEqualTo(first.body);
    assertThat(again.header("Idempotent-Replayed")).contains("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));

    assertProblem(
        api.post("/accounts", "buyer-bea", "{\"id\": \"acme-other\"}", "Idempotency-Key", "k-1"),
        422,
        "idempotency_key_reused");
    assertThat(api.registry.credits().account(new AccountId("acme-other"))).isEmpty();
    api.tokens.put(
        "bea-second-key", new Caller(ApiFixture.BEA, ApiFixture.ALL_SCOPES, "bea-second-key", 100));
    assertProblem(
        api.post(
            "/accounts", "bea-second-key", "{\"id\": \"acme-main\"}", "Idempotency-Key", "k-1"),
        422,
        "idempotency_key_reused");
    assertProblem(
        api.post("/accounts", "buyer-bea", "{\"id\": \"acme-main\"}", "Idempotency-Key", "bad key"),
        400,
        "invalid_value");
  }

  @Test
  void givenConcurrentRepeatsWithOneKey_oneEffect() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<ApiFixture.Response>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.post(
                      "/accounts",
                      "buyer-bea",
                      "{\"id\": \"acme-main\"}",
                      "Idempotency-Key",
                      "k-c");
                }));
      }
      go.countDown();
      List<ApiFixture.Response> got = new ArrayList<>();
      for (var f : sent) {
        got.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(got).extracting(r -> r.status).containsOnly(201);
      assertThat(got).filteredOn(r -> r.header("Idempotent-Replayed").isEmpty()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenIfMatchOfAnOlderVersion_anAmendmentIsRefusedWith412() {
    submitNulhegan();
    String etag = api.get("/projects/nulhegan-forest", null).header("ETag").orElseThrow();
    String renamed =
        example("documents/valid/nulhegan-forest.pdd.json")
            .replace("Nulhegan Basin conservation easement", "Nulhegan easement");
    ApiFixture.Response stale =
        api.send("PUT", "/projects/nulhegan-forest", "dev-alice", renamed, "If-Match", "\"old\"");
    assertProblem(stale, 412, "precondition_failed");
    ApiFixture.Response ok =
        api.send("PUT", "/projects/nulhegan-forest", "dev-alice", renamed, "If-Match", etag);
    assertThat(ok.status).as(ok.body).isEqualTo(200);
    assertThat(ok.json().path("currentVersion").asInt()).isEqualTo(2);
  }

  @Test
  void givenBodyOverTheLimit_theAnswerIs413() {
    api.close();
    api = new ApiFixture(new RestSettings(1024, 120, "http://127.0.0.1"));
    assertProblem(
        api.post("/projects", "dev-alice", example("documents/valid/nulhegan-forest.pdd.json")),
        413,
        "body_too_large");
  }

  @Test
  void givenBoundaryOverTheVertexLimit_theAnswerIs422NamingIt_neverA500() {
    api.close();
    api = new ApiFixture(new RestSettings(8 << 20, 120, "http://127.0.0.1"));
    api.post("/methodologies", "admin-ann", example("methodologies/ec-m-1.1.0.json"));
    StringBuilder ring = new StringBuilder("[");
    int n = 100_001;
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      ring.append(
          String.format(
              java.util.Locale.ROOT,
              "[%.7f,%.7f],",
              -71.75 + 0.01 * Math.cos(angle),
              44.8 + 0.01 * Math.sin(angle)));
    }
    ring.append("[-71.74,44.8]]");
    String pdd =
        example("documents/valid/nulhegan-forest.pdd.json")
            .replaceFirst(
                "(?s)\"coordinates\":\\s*\\[.*?\\]\\s*\\]\\s*\\]",
                "\"coordinates\": ["
                    + java.util.regex.Matcher.quoteReplacement(ring.toString())
                    + "]");
    ApiFixture.Response r = api.post("/projects", "dev-alice", pdd);
    assertProblem(r, 422, "document_invalid");
    assertThat(r.json().path("errors").get(0).path("rule").asText())
        .isEqualTo("geometry_too_many_vertices");
  }

  @Test
  void givenTooManyAnonymousRequests_theAnswerIs429WithRetryAfter() {
    api.close();
    api = new ApiFixture(new RestSettings(1 << 20, 3, "http://127.0.0.1"));
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/health", null).status).isEqualTo(200);
    }
    ApiFixture.Response limited = api.get("/health", null);
    assertProblem(limited, 429, "rate_limited");
    assertThat(limited.header("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(api.get("/health", "dev-alice").status)
        .as("credentials have their own budget")
        .isEqualTo(200);
    api.clock.advance(java.time.Duration.ofSeconds(30));
    assertThat(api.get("/health", null).status).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      api.get("/health", "forged-token");
    }
    assertProblem(api.get("/health", "forged-token"), 429, "rate_limited");
  }

  @Test
  void givenAdministrator_theDirectoryAndKycAreKeptOverHttp_andOthersAreRefused() {
    ApiFixture.Response listed =
        api.send(
            "PUT",
            "/admin/directory/dev-nora",
            "admin-ann",
            "{\"organisation\": \"nordic-forests\"}");
    assertThat(listed.status).as(listed.body).isEqualTo(200);
    assertThat(
            api.get("/admin/directory/dev-nora", "admin-ann").json().path("organisation").asText())
        .isEqualTo("nordic-forests");
    assertProblem(
        api.send(
            "PUT",
            "/admin/directory/dev-alice",
            "admin-ann",
            "{\"organisation\": \"nordic-forests\"}"),
        409,
        "actor_in_other_organisation");
    assertProblem(
        api.send("PUT", "/admin/directory/dev-eve", "dev-alice", "{\"organisation\": \"x\"}"),
        403,
        "role_required");
    assertProblem(api.get("/admin/directory/dev-eve", "admin-ann"), 404, "not_found");

    ApiFixture.Response kyc =
        api.post("/admin/kyc", "admin-ann", "{\"party\": \"Abenaki Nation\"}");
    assertThat(kyc.status).as(kyc.body).isEqualTo(200);
    assertThat(
            api.get("/admin/kyc?party=Abenaki%20Nation", "admin-ann")
                .json()
                .path("attestedBy")
                .asText())
        .isEqualTo("admin-ann");
  }

  @Test
  void givenRequests_theMetricsCountThemByOperationAndStatus() {
    api.get("/projects", null);
    api.get("/nowhere", null);
    ApiFixture.Response metrics = api.get("/metrics", "admin-ann");
    assertThat(metrics.status).isEqualTo(200);
    assertThat(metrics.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body)
        .contains(
            "ogcr_http_requests_seconds_count{method=\"GET\",operation=\"listProjects\",status=\"200\"}");
    assertProblem(api.get("/metrics", null), 401, "authentication_required");
    assertProblem(api.get("/metrics", "dev-alice"), 403, "role_required");
  }

  @Test
  void conformanceAndHealthAreServed() {
    assertThat(api.get("/conformance", null).json().path("conformsTo").size()).isPositive();
    assertThat(api.get("/health", null).json().path("status").asText()).isEqualTo("up");
  }
}
