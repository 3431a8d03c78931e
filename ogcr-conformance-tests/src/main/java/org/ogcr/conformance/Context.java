package org.ogcr.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry under test as the tests see it: its HTTP client, the kit's credentials, what it
 * declares in {@code /conformance}, and the documents the kit submits. Every run names its projects
 * with a fresh run id and places them on fresh ground, so runs never collide.
 */
public final class Context {

  /** The methodology the kit's documents follow. */
  static final String METHODOLOGY = "DAC-M";

  static final String METHODOLOGY_VERSION = "1.0.0";

  private final Http http;
  private final Credentials credentials;
  private final Set<String> declared;
  private final String run;
  private final double west;
  private final double south;
  private final AtomicInteger projects = new AtomicInteger();
  private boolean methodologyReady;

  public Context(Http http, Credentials credentials, Set<String> declared) {
    this.http = http;
    this.credentials = credentials;
    http.redact(credentials.secrets());
    this.declared = Set.copyOf(declared);
    byte[] r = new byte[4];
    SecureRandom random = new SecureRandom();
    random.nextBytes(r);
    this.run = HexFormat.of().formatHex(r);
    // a cell of ground of its own for this run: about 1 km by 1 km somewhere in the oceans' and
    // deserts' longitudes, at a latitude between 60 S and 60 N
    this.west = -170 + random.nextInt(34_000) * 0.01;
    this.south = -60 + random.nextInt(12_000) * 0.01;
  }

  public Http http() {
    return http;
  }

  public Credentials credentials() {
    return credentials;
  }

  /** The run's id: 8 hex digits, in the name of everything the run creates. */
  public String run() {
    return run;
  }

  /** Whether the registry's {@code /conformance} lists {@code urn}. */
  public boolean declares(String urn) {
    return declared.contains(urn);
  }

  public Http.Response as(String role, String method, String path, String body, String... headers) {
    return http.send(Optional.of(credentials.require(role)), method, path, body, headers);
  }

  public Http.Response anonymous(String method, String path, String body, String... headers) {
    return http.send(Optional.empty(), method, path, body, headers);
  }

  // ----- documents

  public static String resource(String path) {
    try (InputStream in = Context.class.getResourceAsStream("documents/" + path)) {
      if (in == null) {
        throw new IllegalStateException("the kit lacks its document " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode json(String text) {
    try {
      return (ObjectNode) Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers the kit's methodology unless the registry has it already (administrator). */
  public synchronized void methodology() {
    if (methodologyReady) {
      return;
    }
    methodology(METHODOLOGY, METHODOLOGY_VERSION, resource("methodologies/dac-m-1.0.0.json"));
    methodologyReady = true;
  }

  /** Registers a methodology version unless the registry has it already (administrator). */
  public void methodology(String id, String version, String document) {
    Http.Response list = anonymous("GET", "/methodologies?limit=1000", null);
    boolean present = false;
    for (JsonNode m : items(list.json())) {
      present |= id.equals(m.path("id").asText()) && version.equals(m.path("version").asText());
    }
    if (!present) {
      Http.Response r = as("administrator", "POST", "/methodologies", document);
      if (r.status() != 201 && r.status() != 409) {
        throw new CannotTell(
            "the registry has no methodology "
                + id
                + "@"
                + version
                + " and registering it was answered "
                + r.status());
      }
    }
  }

  /** The items of a collection: the body itself when an array, else its first array member. */
  public static Iterable<JsonNode> items(JsonNode body) {
    if (body.isArray()) {
      return body;
    }
    for (String field : new String[] {"items", "features", "data", "results"}) {
      if (body.path(field).isArray()) {
        return body.path(field);
      }
    }
    return Http.JSON.createArrayNode();
  }

  /** A new project id of this run. */
  public String newProjectId() {
    return "kit-" + run + "-" + projects.incrementAndGet();
  }

  /**
   * A PDD of the kit's methodology on a square of this run's ground of its own ({@code k}-th), for
   * the developer credential's actor and organisation.
   */
  public ObjectNode pdd(String projectId, int k) {
    return pdd(projectId, k, "developer");
  }

  /** The same PDD, naming {@code role}'s credential as its developer. */
  public ObjectNode pdd(String projectId, int k, String role) {
    ObjectNode pdd = json(resource("documents/valid/hellisheidi-dac.pdd.json"));
    Credentials.Role dev = credentials.require(role);
    ObjectNode props = (ObjectNode) pdd.path("properties");
    props.put("name", "Conformance kit project " + projectId);
    ((ObjectNode) props.path("developer"))
        .put("actorId", dev.actor())
        .put("organisationId", dev.organisation());
    double w = west + (k % 40) * 0.02;
    double s = south + (k / 40) * 0.02;
    double side = 0.01;
    ArrayNode ring = Http.JSON.createArrayNode();
    double[][] corners = {{w, s}, {w + side, s}, {w + side, s + side}, {w, s + side}, {w, s}};
    for (double[] c : corners) {
      ring.addArray().add(round(c[0])).add(round(c[1]));
    }
    ObjectNode geometry = (ObjectNode) pdd.path("geometry");
    geometry.putArray("coordinates").add(ring);
    return pdd;
  }

  private static double round(double v) {
    return Math.round(v * 100_000) / 100_000.0;
  }

  /** Submits a new project (developer); its id. */
  public String submitProject() {
    methodology();
    String id = newProjectId();
    int k = projects.get();
    Http.Response r = as("developer", "POST", "/projects", pdd(id, k).toString(), "Slug", id);
    if (r.status() != 201) {
      throw new CannotTell(
          "submitting a valid project was answered " + r.status() + ": " + r.body());
    }
    return r.json().path("id").asText(id);
  }

  /** Submits and validates a new project (developer, validator); its id. */
  public String validatedProject() {
    String id = submitProject();
    int version =
        as("validator", "GET", "/projects/" + id, null).json().path("currentVersion").asInt(1);
    Http.Response r =
        as(
            "validator",
            "POST",
            "/projects/" + id + "/validate",
            "{\"reason\": \"conformance kit\", \"reviewedVersion\": " + version + "}");
    if (r.status() != 200) {
      throw new CannotTell("validating a project was answered " + r.status() + ": " + r.body());
    }
    return id;
  }

  /** A report the kit submitted: its project and id. */
  public record Report(String project, String id) {
    public String path() {
      return "/projects/" + project + "/monitoring/" + id;
    }
  }

  /**
   * The verification decision the kit sends: verified, 2800 t CO2e, less than the 2844.5 t the
   * report claims, so that the decided quantity is told from the report's own.
   */
  public static final String DECISION =
      "{\"outcome\": \"verified\", \"accreditationId\": \"KIT-ACC-1\", \"date\":"
          + " \"2026-04-01\", \"verifiedTonnesCo2e\": 2800, \"reason\": \"conformance kit\"}";

  /** A report for [2026-01-01, 2026-04-01) of a new validated project (developer, validator). */
  public Report submittedReport() {
    String project = validatedProject();
    Http.Response r =
        as(
            "developer",
            "POST",
            "/projects/" + project + "/monitoring",
            mrv(project, "2026-01-01", "2026-04-01").toString());
    if (r.status() != 201) {
      throw new CannotTell(
          "submitting a valid report was answered " + r.status() + ": " + r.body());
    }
    return new Report(project, r.json().path("id").asText());
  }

  /** {@link #DECISION} on {@code report}, sent as {@code role}. */
  public Http.Response verify(String role, Report report) {
    return as(role, "POST", report.path() + "/verify", DECISION);
  }

  /**
   * An MRV of the kit's methodology for {@code projectId} over {@code [start, end)}, verified by
   * the verifier credential's actor.
   */
  public ObjectNode mrv(String projectId, String start, String end) {
    ObjectNode mrv = json(resource("documents/valid/hellisheidi-dac-2026.mrv.json"));
    ObjectNode props = (ObjectNode) mrv.path("properties");
    props.put("projectId", projectId);
    ((ObjectNode) props.path("monitoringPeriod")).put("start", start).put("end", end);
    Optional<Credentials.Role> verifier = credentials.role("verifier");
    ObjectNode verification = (ObjectNode) props.path("verification");
    verification
        .put("verifierId", verifier.map(Credentials.Role::actor).orElse("kit-verifier"))
        .put("organisationId", verifier.map(Credentials.Role::organisation).orElse("kit-verifiers"))
        .put("date", end);
    return mrv;
  }
}
