package org.ogcr.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.conformance.runner.Main;
import org.ogcr.server.RegistryServer;
import org.ogcr.server.ServerConfig;

/**
 * The kit must be able to fail: against registries broken on purpose, each in one requirement, it
 * reports a failure in the class of that requirement, with the request and response that showed it,
 * and exits with 1.
 */
class KitAgainstBrokenRegistriesTest {

  /** The defects, each with the class that must catch it. */
  enum Broken {
    /** Accepts a monitoring report whose period overlaps another's. */
    OVERLAPPING_PERIODS_ACCEPTED("monitoring") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onResponse(
            (q, r) -> {
              boolean overlap =
                  q.method().equals("POST")
                      && q.path().matches("/projects/[^/]+/monitoring")
                      && r.status() >= 400
                      && new String(r.body(), StandardCharsets.UTF_8).contains("overlap");
              return overlap
                  ? new BrokenRegistry.Response(
                      201,
                      Map.of("Content-Type", List.of("application/json")),
                      "{\"id\": \"accepted-anyway\"}".getBytes(StandardCharsets.UTF_8))
                  : r;
            });
      }
    },
    /** Lets any credential submit a project, whatever its roles. */
    ROLE_CHECKS_SKIPPED_ON_SUBMISSION("security") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onRequest(
            q -> {
              if (q.method().equals("POST")
                  && q.path().equals("/projects")
                  && q.headers().containsKey("X-API-Key")) {
                return q.withHeader("X-API-Key", keys.developer());
              }
              return q;
            });
      }
    },
    /** Records another quantity than the verifier decided. */
    VERIFIED_QUANTITY_ALTERED("verification") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onRequest(
            q -> {
              if (q.method().equals("POST") && q.path().endsWith("/verify")) {
                String body = new String(q.body(), StandardCharsets.UTF_8).replace("2800", "2000");
                return new BrokenRegistry.Request(
                    q.method(), q.path(), q.headers(), body.getBytes(StandardCharsets.UTF_8));
              }
              return q;
            });
      }
    },
    /** Lets any holder transfer any account's units. */
    ROLE_CHECKS_SKIPPED_ON_TRANSFER("credits") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onRequest(
            q -> {
              if (q.method().equals("POST")
                  && q.path().equals("/credits/transfer")
                  && keys.otherHolder().equals(q.headers().get("X-API-Key"))) {
                return q.withHeader("X-API-Key", keys.holder());
              }
              return q;
            });
      }
    },
    /** Retires the whole block when asked to retire part of it. */
    PARTIAL_RETIREMENT_DOES_NOT_SPLIT("credits") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onRequest(
            q -> {
              if (!(q.method().equals("POST") && q.path().endsWith("/retire"))) {
                return q;
              }
              try {
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                var body =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(q.body());
                String from = body.path("from").asText();
                String serial =
                    java.net.URLDecoder.decode(
                        q.path()
                            .substring(
                                "/credits/".length(), q.path().length() - "/retire".length()),
                        StandardCharsets.UTF_8);
                var listing =
                    java.net.http.HttpClient.newHttpClient()
                        .send(
                            java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(
                                        keys.upstream()
                                            + "/credits?limit=1000&owner="
                                            + java.net.URLEncoder.encode(
                                                from, StandardCharsets.UTF_8)))
                                .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                for (JsonNode b : mapper.readTree(listing.body()).path("items")) {
                  if (b.path("firstSerial").asText().equals(serial)) {
                    body.put("through", b.path("lastSerial").asText());
                  }
                }
                return new BrokenRegistry.Request(
                    q.method(), q.path(), q.headers(), mapper.writeValueAsBytes(body));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
      }
    },
    /** Issues on two officers' signatures, without waiting for the audit committee's. */
    ISSUED_WITHOUT_THE_AUDITOR("earthcredits") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onResponse(
            (q, r) -> {
              if (q.method().equals("POST")
                  && q.path().endsWith("/sign")
                  && r.status() == 200
                  && keys.secondOfficer().equals(q.headers().get("X-API-Key"))) {
                try {
                  java.net.http.HttpClient.newHttpClient()
                      .send(
                          java.net.http.HttpRequest.newBuilder(
                                  java.net.URI.create(keys.upstream() + q.path()))
                              .header("X-API-Key", keys.auditor())
                              .header("Content-Type", "application/json")
                              .POST(
                                  java.net.http.HttpRequest.BodyPublishers.ofString(
                                      "{\"capacity\": \"auditor\"}"))
                              .build(),
                          java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
              return r;
            });
      }
    },
    /** Never answers 304 and serves no ETag. */
    ETAG_IGNORED("caching") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return new BrokenRegistry.Defect() {
          @Override
          public BrokenRegistry.Request request(BrokenRegistry.Request q) {
            return q.withHeader("If-None-Match", null);
          }

          @Override
          public BrokenRegistry.Response response(
              BrokenRegistry.Request q, BrokenRegistry.Response r) {
            return r.withHeader("ETag", null);
          }
        };
      }
    },
    /** Answers errors as plain JSON, not as RFC 9457 problems. */
    ERRORS_NOT_PROBLEMS("core") {
      @Override
      BrokenRegistry.Defect defect(Properties keys) {
        return BrokenRegistry.Defect.onResponse(
            (q, r) -> {
              if (r.status() < 400) {
                return r;
              }
              return r.withHeader("Content-Type", "application/json");
            });
      }
    };

    final String catchingClass;

    Broken(String catchingClass) {
      this.catchingClass = catchingClass;
    }

    abstract BrokenRegistry.Defect defect(Properties keys);
  }

  /** The keys of the credentials file a defect may misuse, and the registry behind the proxy. */
  record Properties(
      String developer,
      String holder,
      String otherHolder,
      String secondOfficer,
      String auditor,
      String upstream) {}

  @org.junit.jupiter.api.Test
  void anOptionalClassTheRegistryDoesNotDeclare_isNotTested(@TempDir Path data) throws Exception {
    try (RegistryServer server = RegistryServer.start(ServerConfig.embedded(data, 0))) {
      String upstream = "http://127.0.0.1:" + server.port();
      Path credentials =
          KitAgainstTheReferenceServerTest.credentials(
              upstream, server.firstAdministrator().orElseThrow().key(), data);
      BrokenRegistry.Defect undeclared =
          new BrokenRegistry.Defect() {
            @Override
            public BrokenRegistry.Response response(
                BrokenRegistry.Request q, BrokenRegistry.Response r) {
              if (!q.path().equals("/conformance")) {
                return r;
              }
              String body =
                  new String(r.body(), StandardCharsets.UTF_8)
                      .replace("\"urn:ogcr:conformance:0.1:conditional-requests\",", "");
              return new BrokenRegistry.Response(
                  r.status(), r.headers(), body.getBytes(StandardCharsets.UTF_8));
            }
          };
      try (BrokenRegistry proxy = new BrokenRegistry(upstream, undeclared)) {
        Path reports = data.resolve("reports");
        int exit =
            Main.run(
                new String[] {
                  proxy.url(),
                  "--credentials",
                  credentials.toString(),
                  "--reports",
                  reports.toString(),
                  "--only",
                  "caching"
                },
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(exit).isZero();
        JsonNode summary =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("tests"))
            .allSatisfy(
                t -> {
                  assertThat(t.path("outcome").asText()).isEqualTo("not_tested");
                  assertThat(t.path("message").asText()).contains("does not declare");
                });
        assertThat(summary.path("tests").size()).isPositive();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Broken.class)
  void theKitReportsTheDefectInItsClass(Broken broken, @TempDir Path data) throws Exception {
    try (RegistryServer server = RegistryServer.start(ServerConfig.embedded(data, 0))) {
      String upstream = "http://127.0.0.1:" + server.port();
      String admin = server.firstAdministrator().orElseThrow().key();
      Path credentials = KitAgainstTheReferenceServerTest.credentials(upstream, admin, data);
      KitAgainstTheReferenceServerTest.addHolders(
          credentials, org.ogcr.server.WorkedExample.run(upstream, admin));
      java.util.Properties p = new java.util.Properties();
      try (var in = Files.newBufferedReader(credentials)) {
        p.load(in);
      }
      try (BrokenRegistry proxy =
          new BrokenRegistry(
              upstream,
              broken.defect(
                  new Properties(
                      p.getProperty("developer"),
                      p.getProperty("holder"),
                      p.getProperty("other_holder"),
                      p.getProperty("second_officer"),
                      p.getProperty("auditor"),
                      upstream)))) {
        Path reports = data.resolve("reports");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit =
            Main.run(
                new String[] {
                  proxy.url(),
                  "--credentials",
                  credentials.toString(),
                  "--reports",
                  reports.toString(),
                  "--only",
                  broken.catchingClass
                },
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8);
        System.out.println(console);
        assertThat(exit).as(console).isEqualTo(1);
        JsonNode summary =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(reports.resolve("summary.json").toFile());
        List<JsonNode> failed = new ArrayList<>();
        summary
            .path("tests")
            .forEach(
                t -> {
                  if (t.path("outcome").asText().equals("fail")) {
                    failed.add(t);
                  }
                });
        assertThat(failed).as(console).isNotEmpty();
        assertThat(failed)
            .allSatisfy(
                t -> {
                  assertThat(t.path("class").asText()).isEqualTo(broken.catchingClass);
                  JsonNode exchanges = t.path("exchanges");
                  assertThat(exchanges.size()).as("the failure shows its exchanges").isPositive();
                  JsonNode last = exchanges.get(exchanges.size() - 1);
                  assertThat(last.path("method").asText()).isNotEmpty();
                  assertThat(last.path("status").asInt()).isPositive();
                });
        assertThat(summary.path("classes").path(broken.catchingClass).path("fail").asInt())
            .isEqualTo(failed.size());
        // reports may be published: no credential of the file appears in them
        String xml =
            Files.readString(
                reports.resolve("TEST-ogcr.conformance." + broken.catchingClass + ".xml"));
        for (String name : p.stringPropertyNames()) {
          String value = p.getProperty(name);
          if (value.startsWith("ogcr_")) {
            assertThat(console).doesNotContain(value);
            assertThat(summary.toString()).doesNotContain(value);
            assertThat(xml).doesNotContain(value);
          }
        }
        assertThat(
                Files.readString(
                    reports.resolve("TEST-ogcr.conformance." + broken.catchingClass + ".xml")))
            .contains("<failure message=");
      }
    }
  }
}
