package org.ogcr.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry function spec's worked example, driven over HTTP against a running server with real
 * credentials: the administrator lists the actors and issues each an API key, then each actor plays
 * its part, and every step is printed. Run it against a fresh server: the example's project
 * boundary may be registered once.
 */
final class Demo {

  /** One actor of the example: who, for which organisation, with which roles and scopes. */
  private record Actor(String id, String organisation, List<String> roles, List<String> scopes) {}

  private static final List<Actor> ACTORS =
      List.of(
          new Actor(
              "dev-alice",
              "northwoods-trust",
              List.of("developer", "holder"),
              List.of(
                  "projects:read",
                  "projects:write",
                  "monitoring:write",
                  "credits:read",
                  "credits:write")),
          new Actor(
              "val-vera",
              "green-validation",
              List.of("validator"),
              List.of("projects:read", "projects:write")),
          new Actor(
              "ver-bob",
              "vermont-verifiers",
              List.of("verifier"),
              List.of("projects:read", "verification:write")),
          new Actor("off-olga", "registry", List.of("officer"), List.of("issuance:write")),
          new Actor("off-oscar", "registry", List.of("officer"), List.of("issuance:write")),
          new Actor(
              "aud-ada",
              "audit-committee",
              List.of("auditor"),
              List.of("issuance:write", "audit:read")),
          new Actor(
              "buyer-bea",
              "acme-climate",
              List.of("holder"),
              List.of("credits:read", "credits:write")));

  private final String base;
  private final String adminKey;
  private final PrintStream out;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> keys = new LinkedHashMap<>();
  private int step;

  /**
   * Years the example's dates move back so that its report's verification date is not in the
   * future: the registry refuses a verification dated after today.
   */
  private final int yearsBack;

  private final int vintage;

  /**
   * How many times over the example runs: its project declares {@code scale} × 1,200 verified acres
   * and its monitoring report {@code scale} × 429 tCO2e, so that about {@code scale} × 429 credits
   * are issued.
   */
  private final int scale;

  Demo(String base, String adminKey, PrintStream out, LocalDate today) {
    this(base, adminKey, out, today, 1);
  }

  /** The example {@code scale} times over (see {@link #scale}). */
  Demo(String base, String adminKey, PrintStream out, LocalDate today, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be 1 or more, not " + scale);
    }
    this.scale = scale;
    this.base = base.replaceAll("/+$", "");
    this.adminKey = adminKey;
    this.out = out;
    int k = 0;
    while (VERIFIED_ON.minusYears(k).isAfter(today)) {
      k++;
    }
    this.yearsBack = k;
    this.vintage = 2026 - k;
  }

  /** The date the example's verifier signed its report. */
  private static final LocalDate VERIFIED_ON = LocalDate.parse("2027-02-15");

  private static final Pattern DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  /** The example document with every date moved {@link #yearsBack} years back. */
  private String dated(String document) {
    if (yearsBack == 0) {
      return document;
    }
    Matcher m = DATE.matcher(document);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, LocalDate.parse(m.group()).minusYears(yearsBack).toString());
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * The document {@link #scale} times over: each of the named numbers at {@code path} (a list of
   * field names from the properties) multiplied by the scale.
   */
  private String scaled(String document, List<List<String>> paths) {
    if (scale == 1) {
      return document;
    }
    try {
      ObjectNode doc = (ObjectNode) json.readTree(document);
      for (List<String> path : paths) {
        JsonNode parent = doc.path("properties");
        for (String field : path.subList(0, path.size() - 1)) {
          parent = parent.path(field);
        }
        String leaf = path.get(path.size() - 1);
        ((ObjectNode) parent)
            .put(leaf, parent.path(leaf).decimalValue().multiply(BigDecimal.valueOf(scale)));
      }
      return json.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String serial(int unit) {
    return String.format("EC-%d-0001-NULHEGAN-%03d", vintage, unit);
  }

  /** The API keys the run issued, by actor id (after {@link #run}). */
  Map<String, String> keys() {
    return Map.copyOf(keys);
  }

  /** Thrown when a step is not answered as the example expects. */
  static final class StepFailed extends RuntimeException {
    StepFailed(String message) {
      super(message);
    }
  }

  void run() {
    out.println("OGCR worked example against " + base);
    if (yearsBack > 0) {
      out.println(
          "   (the example's dates move "
              + yearsBack
              + " year(s) back, so that its verification is not dated in the future)");
    }
    if (call("admin", "GET", "/projects/nulhegan-forest", null, "look for an earlier run").status()
        == 200) {
      throw new StepFailed(
          "project nulhegan-forest exists already: the demo runs once per registry; start a fresh"
              + " server (another --data-dir) and run it again");
    }
    for (Actor a : ACTORS) {
      ObjectNode listing = json.createObjectNode().put("organisation", a.organisation());
      expect(
          200,
          call(
              "admin",
              "PUT",
              "/admin/directory/" + a.id(),
              listing.toString(),
              "list " + a.id() + " under " + a.organisation()));
      ObjectNode credential = json.createObjectNode();
      credential.put("actor", a.id()).put("organisation", a.organisation()).put("label", "demo");
      a.roles().forEach(credential.putArray("roles")::add);
      a.scopes().forEach(credential.putArray("scopes")::add);
      JsonNode issued =
          expect(
              201,
              call(
                  "admin",
                  "POST",
                  "/admin/credentials",
                  credential.toString(),
                  "issue an API key to " + a.id()));
      keys.put(a.id(), issued.path("apiKey").asText());
    }
    expect(
        201,
        call(
            "admin",
            "POST",
            "/methodologies",
            resource("methodologies/ec-m-1.1.0.json"),
            "register methodology EC-M@1.1.0"));
    JsonNode project =
        expect(
            201,
            call(
                "dev-alice",
                "POST",
                "/projects",
                scaled(
                    dated(resource("documents/valid/nulhegan-forest.pdd.json")),
                    List.of(List.of("earthCredits", "verifiedAcres"))),
                "submit the Nulhegan PDD",
                "Slug",
                "nulhegan-forest"));
    expect(
        200,
        call(
            "val-vera",
            "POST",
            "/projects/nulhegan-forest/validate",
            "{\"reason\": \"boundary and easement checked\", \"reviewedVersion\": "
                + project.path("currentVersion").asInt()
                + "}",
            "validate the project"));
    expect(
        201,
        call(
            "dev-alice",
            "POST",
            "/projects/nulhegan-forest/monitoring",
            scaled(
                dated(resource("documents/valid/nulhegan-forest-2026.mrv.json")),
                List.of(
                    List.of("netRemoval", "tonnesCo2e"),
                    List.of("netRemoval", "uncertainty", "standardError"),
                    List.of("verification", "verifiedTonnesCo2e"))),
            "submit the 2026 monitoring report",
            "Slug",
            "nulhegan-forest-2026"));
    JsonNode verified =
        expect(
            202,
            call(
                "ver-bob",
                "POST",
                "/projects/nulhegan-forest/monitoring/nulhegan-forest-2026/verify",
                "{\"outcome\": \"verified\", \"accreditationId\": \"ACC-2026-117\", \"date\": \""
                    + VERIFIED_ON.minusYears(yearsBack)
                    + "\", \"verifiedTonnesCo2e\": \""
                    + 429L * scale
                    + "\"}",
                "verify " + 429L * scale + " tCO2e"));
    expect(
        200,
        call("ver-bob", "GET", verified.path("task").asText(), null, "follow the anchoring task"));
    expect(
        200,
        call(
            "admin",
            "PUT",
            "/projects/nulhegan-forest/property-file",
            "{\"registeredRecordHash\": \"1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1\", \"wrapperEntityOperational\": true, \"openComplianceIssues\": 0, \"treasury\": {\"beneficiaries\": [], \"stewardshipReserve\": \"20\", \"protocolFee\": \"5\"}}",
            "file the property's compliance record"));
    expect(
        201,
        call(
            "admin",
            "POST",
            "/issuances",
            "{\"id\": \"nulhegan-2026\", \"reportId\": \"nulhegan-forest-2026\", \"attestedRecordHash\": \"1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1\"}",
            "request the issuance"));
    expect(
        200,
        call(
            "off-olga",
            "POST",
            "/issuances/nulhegan-2026/sign",
            "{\"capacity\": \"officer\"}",
            "first officer signs"));
    expect(
        200,
        call(
            "off-oscar",
            "POST",
            "/issuances/nulhegan-2026/sign",
            "{\"capacity\": \"officer\"}",
            "second officer signs"));
    JsonNode issued =
        expect(
            202,
            call(
                "aud-ada",
                "POST",
                "/issuances/nulhegan-2026/sign",
                "{\"capacity\": \"auditor\"}",
                "the auditor signs: issued"));
    if (!issued.path("status").asText().equals("issued")) {
      throw new StepFailed(
          "the issuance is " + issued.path("status").asText() + " after three signatures");
    }
    out.printf(
        "   %d credits: %d to the property, %d to the buffer pool%n",
        issued.path("split").path("total").asLong(),
        issued.path("split").path("owner").asLong(),
        issued.path("split").path("buffer").asLong());
    expect(
        201,
        call(
            "buyer-bea",
            "POST",
            "/accounts",
            "{\"id\": \"acme-main\"}",
            "open the buyer's account"));
    expect(
        200,
        call(
            "dev-alice",
            "POST",
            "/credits/sell",
            "{\"issuanceId\": \"nulhegan-2026\", \"first\": 1, \"last\": 100, \"from\": \"property:nulhegan-forest\", \"to\": \"acme-main\", \"price\": {\"amount\": \"2500.00\", \"currency\": \"USD\"}}",
            "sell credits 1-100 for USD 2,500.00"));
    expect(
        200,
        call(
            "buyer-bea",
            "POST",
            "/credits/" + serial(1) + "/retire",
            "{\"from\": \"acme-main\", \"through\": \""
                + serial(40)
                + "\", \"reason\": \"2026 operational emissions claim\", \"beneficiary\": \"Acme Climate Ltd\"}",
            "retire " + serial(1) + " through -040"));
    expect(
        200,
        call(
            null,
            "GET",
            "/credits?projectId=nulhegan-forest",
            null,
            "list the project's credits (public)"));
    JsonNode chain =
        expect(200, call("aud-ada", "GET", "/audit/verification", null, "verify the audit chain"));
    if (!chain.path("intact").asBoolean()) {
      throw new StepFailed("the audit chain is broken: " + chain);
    }
    out.println("Done: the worked example ran over HTTP, and the audit chain is intact.");
  }

  private record Answer(int status, String body) {}

  private Answer call(
      String who, String method, String path, String body, String what, String... headers) {
    step++;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (who != null) {
      b.header("X-API-Key", who.equals("admin") ? adminKey : keys.get(who));
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      out.printf("%2d. %-48s %s %s -> %d%n", step, what, method, path, r.statusCode());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new StepFailed("cannot reach " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed("interrupted");
    }
  }

  private JsonNode expect(int status, Answer a) {
    if (a.status() != status) {
      throw new StepFailed(
          "expected " + status + " but the server answered " + a.status() + ": " + a.body());
    }
    try {
      return a.body().isEmpty() ? json.createObjectNode() : json.readTree(a.body());
    } catch (IOException e) {
      throw new StepFailed("the answer is not JSON: " + a.body());
    }
  }

  private static String resource(String path) {
    try (InputStream in = Demo.class.getResourceAsStream("/org/ogcr/examples/" + path)) {
      if (in == null) {
        throw new IllegalStateException("the example " + path + " is not packaged");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> actors() {
    List<String> ids = new ArrayList<>();
    ACTORS.forEach(a -> ids.add(a.id()));
    return ids;
  }
}
