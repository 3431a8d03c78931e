package org.ogcr.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.conformance.runner.Main;
import org.ogcr.server.RegistryServer;
import org.ogcr.server.ServerConfig;
import org.ogcr.server.WorkedExample;

/**
 * The conformance kit against the reference server, as a third party would run it: a credentials
 * file with a key per role, the base URL, and the reports. Every required test passes, and nothing
 * fails or cannot tell.
 */
class KitAgainstTheReferenceServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A credential the kit acts with: its name in the credentials file, role and scopes. */
  private record KitRole(String name, String role, List<String> scopes) {}

  private static final List<KitRole> ROLES =
      List.of(
          new KitRole(
              "developer",
              "developer",
              List.of(
                  "projects:read",
                  "projects:write",
                  "monitoring:write",
                  "credits:read",
                  "credits:write")),
          new KitRole("validator", "validator", List.of("projects:read", "projects:write")),
          new KitRole("verifier", "verifier", List.of("projects:read", "verification:write")),
          new KitRole("auditor", "auditor", List.of("audit:read", "issuance:write")),
          new KitRole("operator", "operator", List.of("projects:read", "issuance:write")),
          new KitRole("officer", "officer", List.of("issuance:write")),
          new KitRole("second_officer", "officer", List.of("issuance:write")),
          new KitRole(
              "administrator",
              "administrator",
              List.of("admin", "methodologies:write", "audit:read", "issuance:write")));

  /**
   * Lists each role's actor in the directory and issues it a key, through the reference server's
   * administration routes; writes the kit's credentials file.
   */
  static Path credentials(String base, String adminKey, Path dir) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    StringBuilder file = new StringBuilder("# the conformance kit's credentials\n");
    for (KitRole k : ROLES) {
      String role = k.name();
      String actor = "kit-" + role.replace('_', '-');
      String organisation = "kit-" + k.role() + "s";
      send(
          http,
          base,
          adminKey,
          "PUT",
          "/admin/directory/" + actor,
          JSON.createObjectNode().put("organisation", organisation).toString());
      ObjectNode credential = JSON.createObjectNode();
      credential.put("actor", actor).put("organisation", organisation).put("label", "kit");
      credential.putArray("roles").add(k.role());
      if (k.role().equals("developer")) {
        // a developer holds its property's issued units
        ((com.fasterxml.jackson.databind.node.ArrayNode) credential.path("roles")).add("holder");
      }
      k.scopes().forEach(credential.putArray("scopes")::add);
      JsonNode issued =
          JSON.readTree(
              send(http, base, adminKey, "POST", "/admin/credentials", credential.toString()));
      file.append(role).append(" = ").append(issued.path("apiKey").asText()).append('\n');
      file.append(role).append(".actor = ").append(actor).append('\n');
      file.append(role).append(".organisation = ").append(organisation).append('\n');
    }
    Path path = dir.resolve("credentials.properties");
    Files.writeString(path, file);
    return path;
  }

  /**
   * Adds the worked example's holders to the credentials file: its buyer as the holder (account
   * {@code acme-main}), its developer as the other holder, whose account receives transfers.
   */
  static void addHolders(Path credentials, Map<String, String> example) throws Exception {
    Files.writeString(
        credentials,
        "holder = "
            + example.get("buyer-bea")
            + "\nholder.account = acme-main\nholder.recipient = property:nulhegan-forest\n"
            + "other_holder = "
            + example.get("dev-alice")
            + "\n",
        java.nio.file.StandardOpenOption.APPEND);
  }

  private static String send(
      HttpClient http, String base, String key, String method, String path, String body)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    return r.body();
  }

  /** Runs the kit; its exit code, console output and JSON summary. */
  record Run(int exitCode, String console, JsonNode summary) {}

  static Run runKit(String base, Path credentials, Path reports) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              base, "--credentials", credentials.toString(), "--reports", reports.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(
        code,
        out.toString(StandardCharsets.UTF_8),
        JSON.readTree(reports.resolve("summary.json").toFile()));
  }

  @Test
  void everyRequiredTestPassesOnTheReferenceServerOnH2(@TempDir Path data) throws Exception {
    everyRequiredTestPasses(ServerConfig.embedded(data, 0), data);
  }

  @Test
  void everyRequiredTestPassesOnTheReferenceServerOnPostgresql(@TempDir Path data)
      throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      everyRequiredTestPasses(
          ServerConfig.embedded(data, 0)
              .withPostgresql(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""),
          data);
    }
  }

  private static void everyRequiredTestPasses(ServerConfig config, Path data) throws Exception {
    try (RegistryServer server = RegistryServer.start(config)) {
      String base = "http://127.0.0.1:" + server.port();
      String admin = server.firstAdministrator().orElseThrow().key();
      Path credentials = credentials(base, admin, data);
      // units to transfer and retire: the worked example's buyer holds 60, its developer 294
      addHolders(credentials, WorkedExample.run(base, admin));
      Run run = runKit(base, credentials, data.resolve("reports"));
      System.out.println(run.console());

      assertThat(run.exitCode()).as(run.console()).isZero();
      for (JsonNode t : run.summary().path("tests")) {
        assertThat(t.path("outcome").asText())
            .as(t.path("class").asText() + " " + t.path("test").asText() + ": " + t.path("message"))
            .isEqualTo("pass");
      }
      assertThat(run.summary().path("tests").size()).isGreaterThanOrEqualTo(29);
      assertThat(run.console()).contains("required tests pass");
      assertThat(Files.list(data.resolve("reports")))
          .extracting(p -> p.getFileName().toString())
          .contains("summary.json", "TEST-ogcr.conformance.monitoring.xml");
    }
  }
}
