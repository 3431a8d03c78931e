package org.ogcr.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.ogcr.adapter.rest.ApiFixture.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ogcr.application.RegistrySettings;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/**
 * The authorization matrix, generated from the route table: every route × every role (and no
 * credentials) × a resource of the caller's own organisation and one of another organisation. Each
 * case sends a well-formed request, on ids that exist, as a caller holding exactly one role and
 * every scope, so that only the role and the organisation decide; the expected answer is derived
 * from the route's declared {@link Route.Rule}: 401 without credentials on a non-public route, 403
 * with the declared refusal's problem code, or anything but 401 and 403 when the rule lets the
 * caller in.
 *
 * <p>Every route of the table needs a {@link #RECIPES recipe}: a route added without one fails the
 * matrix. Each route runs on a registry of its own, prepared with two organisations' projects,
 * reports, issued credits, accounts, credentials and KYC attestations, so that no case's outcome
 * depends on what another route's cases changed; within a route, only allowed cases change state,
 * and the recipes pick resources so that the later cases are still decided by authorization.
 */
class AuthorizationMatrixTest {

  /** The side of the resource a case acts on, seen from the caller's organisation. */
  enum Side {
    OWN,
    OTHER
  }

  static final String CALLER_ORG = "matrix-own";
  static final Map<Side, String> ORGS =
      new EnumMap<>(Map.of(Side.OWN, CALLER_ORG, Side.OTHER, "matrix-other"));

  /**
   * One caller per role, known by their actor id as token: all of the caller's organisation but the
   * operator, who runs the registry and so acts for the registry's organisation (an operator of
   * another organisation is no operator of this registry: recording an exchange's sale, say).
   */
  static final Map<Role, Principal> CALLERS = new EnumMap<>(Role.class);

  static {
    for (Role r : Role.values()) {
      String organisation =
          r == Role.OPERATOR
              ? RegistrySettings.defaults().registryOrganisation().value()
              : CALLER_ORG;
      CALLERS.put(r, Principal.of("as-" + r.token(), organisation, r));
    }
  }

  /** The developer and holder who prepares each organisation's resources. */
  static final Map<Side, Principal> OWNERS =
      new EnumMap<>(
          Map.of(
              Side.OWN,
              Principal.of("setup-own", CALLER_ORG, Role.DEVELOPER, Role.HOLDER),
              Side.OTHER,
              Principal.of("setup-other", "matrix-other", Role.DEVELOPER, Role.HOLDER)));

  // ----- the world every route's cases run in

  /** One organisation's resources. */
  static final class Org {
    final Side side;
    final String org;
    final String owner;
    final String issued; // validated project, report verified, credits issued
    final String pending; // submitted project, not yet decided
    final String monitored; // validated project with a submitted report
    String report; // the issued project's verified and issued report
    String submittedReport; // the monitored project's report, submitted
    String issuance;
    String proposal; // an issuance of the monitored project's report, when a recipe prepares it
    String account;
    String firstSerial;
    String credential;
    String kycParty;
    String receipt;
    final Map<String, String> pdds = new TreeMap<>();
    final Map<String, String> hashes = new TreeMap<>();

    Org(Side side) {
      this.side = side;
      this.org = ORGS.get(side);
      this.owner = OWNERS.get(side).actor().value();
      String s = side.name().toLowerCase(java.util.Locale.ROOT);
      this.issued = "issued-" + s;
      this.pending = "pending-" + s;
      this.monitored = "monitored-" + s;
    }

    String propertyAccount() {
      return "property:" + issued;
    }
  }

  static final class World {
    final ApiFixture api;
    final Map<Side, Org> orgs = new EnumMap<>(Side.class);
    private int projects;

    World() {
      List<Principal> extra = new ArrayList<>(CALLERS.values());
      extra.addAll(OWNERS.values());
      // the routes check no roles themselves here: each refusal the declarations predict must be
      // the use case's own (everyDeclaredRole_isRefusedAtTheEdge... checks the routes' check)
      this.api = new ApiFixture(extra, false);
    }

    Org org(Side side) {
      return orgs.get(side);
    }

    /** A PDD of a project of {@code org}'s developer, its boundary and property its own. */
    String pdd(String developer, String organisation, String name) {
      int n = ++projects;
      ObjectNode pdd = (ObjectNode) read(example("documents/valid/nulhegan-forest.pdd.json"));
      for (JsonNode ring : pdd.path("geometry").path("coordinates")) {
        for (JsonNode position : ring) {
          ArrayNode p = (ArrayNode) position;
          p.set(0, api.json.getNodeFactory().numberNode(p.get(0).asDouble() + 0.1 * n));
        }
      }
      ObjectNode properties = (ObjectNode) pdd.path("properties");
      properties.put("name", name);
      ((ObjectNode) properties.path("developer"))
          .put("actorId", developer)
          .put("organisationId", organisation);
      ((ObjectNode) properties.path("earthCredits"))
          .put("propertyCode", "MATRIX" + n)
          .put("registrationRecordHash", RestApi.sha256(name));
      return pdd.toString();
    }

    String hashOf(String name) {
      return RestApi.sha256(name);
    }

    String mrv(String project, String start, String end) {
      ObjectNode mrv = (ObjectNode) read(example("documents/valid/nulhegan-forest-2026.mrv.json"));
      ObjectNode properties = (ObjectNode) mrv.path("properties");
      properties.put("projectId", project);
      ((ObjectNode) properties.path("monitoringPeriod")).put("start", start).put("end", end);
      return mrv.toString();
    }

    JsonNode read(String text) {
      try {
        return api.json.readTree(text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** A setup step that must succeed. */
    ApiFixture.Response must(
        int status, String method, String path, String who, String body, String... headers) {
      ApiFixture.Response r = api.send(method, path, who, body, headers);
      if (r.status != status) {
        throw new AssertionError(
            "setup " + method + " " + path + " as " + who + ": expected " + status + ", got " + r);
      }
      return r;
    }

    void submitProject(Org o, String id) {
      String pdd = pdd(o.owner, o.org, "Matrix " + id);
      o.pdds.put(id, pdd);
      o.hashes.put(id, hashOf("Matrix " + id));
      must(201, "POST", "/projects", o.owner, pdd, "Slug", id);
    }

    void validate(String project) {
      must(
          200,
          "POST",
          "/projects/" + project + "/validate",
          "val-vera",
          "{\"reason\": \"checked\"}");
    }

    String verify(String project, String report) {
      return must(
              202,
              "POST",
              "/projects/" + project + "/monitoring/" + report + "/verify",
              "ver-bob",
              VERIFICATION)
          .json()
          .path("receipt")
          .asText();
    }

    void fileProperty(Org o, String project) {
      must(
          200,
          "PUT",
          "/projects/" + project + "/property-file",
          "admin-ann",
          propertyFile(o.hashes.get(project)));
    }

    void requestIssuance(String id, String report, String hash) {
      must(
          201,
          "POST",
          "/issuances",
          "admin-ann",
          "{\"id\": \""
              + id
              + "\", \"reportId\": \""
              + report
              + "\", \"attestedRecordHash\": \""
              + hash
              + "\"}");
    }

    /** Two organisations, each with issued credits, a pending project and a submitted report. */
    World prepare() {
      must(201, "POST", "/methodologies", "admin-ann", example("methodologies/ec-m-1.1.0.json"));
      for (Side side : Side.values()) {
        Org o = new Org(side);
        orgs.put(side, o);
        submitProject(o, o.issued);
        validate(o.issued);
        o.report = "report-" + o.issued;
        must(
            201,
            "POST",
            "/projects/" + o.issued + "/monitoring",
            o.owner,
            mrv(o.issued, "2026-01-01", "2027-01-01"),
            "Slug",
            o.report);
        o.receipt = verify(o.issued, o.report);
        fileProperty(o, o.issued);
        o.issuance = "issuance-" + o.issued;
        requestIssuance(o.issuance, o.report, o.hashes.get(o.issued));
        String sign = "/issuances/" + o.issuance + "/sign";
        must(200, "POST", sign, "off-olga", "{\"capacity\": \"officer\"}");
        must(200, "POST", sign, "off-oscar", "{\"capacity\": \"officer\"}");
        must(202, "POST", sign, "aud-ada", "{\"capacity\": \"auditor\"}");
        o.account = "account-" + side.name().toLowerCase(java.util.Locale.ROOT);
        must(201, "POST", "/accounts", o.owner, "{\"id\": \"" + o.account + "\"}");
        // units 200..299 held in the organisation's account, 211..220 of them listed
        must(
            200,
            "POST",
            "/credits/transfer",
            o.owner,
            move(o, o.propertyAccount(), 200, 299, Optional.of(o.account)));
        must(200, "POST", "/credits/list", o.owner, move(o, 211, 220, Optional.empty()));
        o.firstSerial =
            must(200, "GET", "/credits?owner=" + o.account, o.owner, null)
                .json()
                .path("items")
                .get(0)
                .path("firstSerial")
                .asText();

        submitProject(o, o.pending);

        submitProject(o, o.monitored);
        validate(o.monitored);
        o.submittedReport = "report-" + o.monitored;
        must(
            201,
            "POST",
            "/projects/" + o.monitored + "/monitoring",
            o.owner,
            mrv(o.monitored, "2026-01-01", "2027-01-01"),
            "Slug",
            o.submittedReport);

        o.credential =
            must(201, "POST", "/admin/credentials", "admin-ann", credential(o))
                .json()
                .path("id")
                .asText();
        o.kycParty = "Party of " + o.org;
        must(200, "POST", "/admin/kyc", "admin-ann", "{\"party\": \"" + o.kycParty + "\"}");
      }
      return this;
    }

    /** The monitored project's report verified and its property filed: ready to request. */
    void readyToRequest() {
      for (Org o : orgs.values()) {
        verify(o.monitored, o.submittedReport);
        fileProperty(o, o.monitored);
      }
    }

    /** An issuance of the monitored project's report, proposed and awaiting its sign-off. */
    void proposed() {
      readyToRequest();
      for (Org o : orgs.values()) {
        o.proposal = "issuance-" + o.monitored;
        requestIssuance(o.proposal, o.submittedReport, o.hashes.get(o.monitored));
      }
    }

    /** The proposal held by an officer. */
    void held() {
      proposed();
      for (Org o : orgs.values()) {
        must(
            200,
            "POST",
            "/issuances/" + o.proposal + "/hold",
            "off-olga",
            "{\"reason\": \"a second look\"}");
      }
    }
  }

  static final String VERIFICATION =
      "{\"outcome\": \"verified\", \"accreditationId\": \"ACC-2026-117\", \"date\": \"2027-02-15\","
          + " \"verifiedTonnesCo2e\": \"429\"}";

  static String propertyFile(String hash) {
    return "{\"registeredRecordHash\": \""
        + hash
        + "\", \"wrapperEntityOperational\": true, \"openComplianceIssues\": 0, \"treasury\":"
        + " {\"beneficiaries\": [], \"stewardshipReserve\": \"20\", \"protocolFee\": \"5\"}}";
  }

  /** A move of the units {@code first..last} from the organisation's own holder account. */
  static String move(Org o, long first, long last, Optional<String> to) {
    return move(o, o.account, first, last, to);
  }

  static String move(Org o, String from, long first, long last, Optional<String> to) {
    return "{\"issuanceId\": \""
        + o.issuance
        + "\", \"first\": "
        + first
        + ", \"last\": "
        + last
        + ", \"from\": \""
        + from
        + "\""
        + to.map(t -> ", \"to\": \"" + t + "\"").orElse("")
        + "}";
  }

  static String credential(Org o) {
    return "{\"actor\": \""
        + o.owner
        + "\", \"organisation\": \""
        + o.org
        + "\", \"roles\": [\"developer\"], \"scopes\": [\"projects:read\"], \"label\":"
        + " \"matrix\"}";
  }

  // ----- one request per case

  /** The request a case sends; {@code path} may carry a query. */
  record Request(String method, String path, String body, String... headers) {
    static Request get(String path) {
      return new Request("GET", path, null);
    }

    static Request post(String path, String body, String... headers) {
      return new Request("POST", path, body, headers);
    }

    static Request put(String path, String body) {
      return new Request("PUT", path, body);
    }
  }

  /** What one case needs to build its request. */
  record Case(World world, Org target, Org other, Optional<Role> role, int n) {
    /** The caller's actor id, or the own developer's when the case is anonymous. */
    String actor() {
      return role.map(r -> CALLERS.get(r).actor().value())
          .orElse(OWNERS.get(Side.OWN).actor().value());
    }
  }

  @FunctionalInterface
  interface Recipe {
    Request request(Case c);
  }

  /** A recipe and the preparation its route needs beyond the common world. */
  record Entry(java.util.function.Consumer<World> prepare, Recipe recipe) {}

  static Entry recipe(Recipe r) {
    return new Entry(w -> {}, r);
  }

  static Entry recipe(java.util.function.Consumer<World> prepare, Recipe r) {
    return new Entry(prepare, r);
  }

  /** One recipe per operationId of the route table. */
  static final Map<String, Entry> RECIPES = new TreeMap<>();

  static {
    // projects
    RECIPES.put(
        "submitProject",
        recipe(
            c -> {
              // a PDD naming the caller in its own organisation, or another organisation's
              // developer
              String pdd =
                  c.target().side == Side.OWN
                      ? c.world().pdd(c.actor(), CALLER_ORG, "Matrix case " + c.n())
                      : c.world().pdd(c.target().owner, c.target().org, "Matrix case " + c.n());
              return Request.post("/projects", pdd, "Slug", "matrix-case-" + c.n());
            }));
    RECIPES.put(
        "listProjects", recipe(c -> Request.get("/projects?organisation=" + c.target().org)));
    RECIPES.put("getProject", recipe(c -> Request.get("/projects/" + c.target().issued)));
    RECIPES.put(
        "amendProject",
        recipe(
            c -> {
              ObjectNode pdd = (ObjectNode) c.world().read(c.target().pdds.get(c.target().issued));
              ((ArrayNode) pdd.path("properties").path("contacts"))
                  .addObject()
                  .put("name", "Case " + c.n())
                  .put("email", "case" + c.n() + "@example.org")
                  .put("role", "auditor liaison");
              return Request.put("/projects/" + c.target().issued, pdd.toString());
            }));
    RECIPES.put(
        "getProjectDocument",
        recipe(c -> Request.get("/projects/" + c.target().issued + "/versions/1")));
    RECIPES.put(
        "validateProject",
        recipe(
            c ->
                Request.post(
                    "/projects/" + c.target().pending + "/validate",
                    "{\"reason\": \"boundary checked\", \"reviewedVersion\": 1}")));
    RECIPES.put(
        "rejectProject",
        recipe(
            c ->
                Request.post(
                    "/projects/" + c.target().pending + "/reject",
                    "{\"reason\": \"boundary overlaps a reserve\", \"reviewedVersion\": 1}")));
    RECIPES.put(
        "archiveProject",
        recipe(
            c ->
                Request.post(
                    "/projects/" + c.target().monitored + "/archive",
                    "{\"reason\": \"withdrawn\"}")));

    // monitoring
    RECIPES.put(
        "submitReport",
        recipe(
            c ->
                Request.post(
                    "/projects/" + c.target().monitored + "/monitoring",
                    c.world().mrv(c.target().monitored, "2027-01-01", "2027-02-01"),
                    "Slug",
                    "matrix-report-" + c.n())));
    RECIPES.put(
        "listReports", recipe(c -> Request.get("/projects/" + c.target().issued + "/monitoring")));
    RECIPES.put(
        "getReport",
        recipe(
            c ->
                Request.get(
                    "/projects/" + c.target().issued + "/monitoring/" + c.target().report)));
    RECIPES.put(
        "getReportDocument",
        recipe(
            c ->
                Request.get(
                    "/projects/"
                        + c.target().issued
                        + "/monitoring/"
                        + c.target().report
                        + "/document")));
    RECIPES.put(
        "verifyReport",
        recipe(
            c ->
                Request.post(
                    "/projects/"
                        + c.target().monitored
                        + "/monitoring/"
                        + c.target().submittedReport
                        + "/verify",
                    VERIFICATION)));

    // credits and accounts
    RECIPES.put("listCredits", recipe(c -> Request.get("/credits?projectId=" + c.target().issued)));
    RECIPES.put(
        "transferCredits",
        recipe(
            c ->
                Request.post(
                    "/credits/transfer",
                    move(c.target(), 230, 239, Optional.of(c.other().account)))));
    RECIPES.put(
        "retireCredits",
        recipe(
            c ->
                Request.post(
                    "/credits/" + c.target().firstSerial + "/retire",
                    "{\"from\": \""
                        + c.target().account
                        + "\", \"reason\": \"2026 emissions claim\", \"beneficiary\": \"Matrix"
                        + " Ltd\"}")));
    RECIPES.put(
        "listCreditsForSale",
        recipe(c -> Request.post("/credits/list", move(c.target(), 240, 249, Optional.empty()))));
    RECIPES.put(
        "delistCredits",
        recipe(c -> Request.post("/credits/delist", move(c.target(), 211, 212, Optional.empty()))));
    RECIPES.put(
        "sellCredits",
        recipe(
            c -> {
              // listed credits: an exchange execution, which only the registry organisation's
              // operator may record besides the holder; each of the two sells its own part
              int first = c.role().equals(Optional.of(Role.OPERATOR)) ? 217 : 213;
              String body = move(c.target(), first, first + 3, Optional.of(c.other().account));
              return Request.post(
                  "/credits/sell",
                  body.substring(0, body.length() - 1)
                      + ", \"price\": {\"amount\": \"250.00\", \"currency\": \"USD\"}}");
            }));
    RECIPES.put(
        "invalidateCredits",
        recipe(
            c ->
                Request.post(
                    "/credits/invalidate",
                    "{\"issuanceId\": \""
                        + c.target().issuance
                        + "\", \"first\": "
                        + (300 + c.n() % 50)
                        + ", \"last\": "
                        + (300 + c.n() % 50)
                        + ", \"reason\": \"windthrow\", \"deliberate\": false}")));
    RECIPES.put(
        "listCreditEvents",
        recipe(c -> Request.get("/credits/events?issuanceId=" + c.target().issuance)));
    RECIPES.put(
        "openAccount",
        recipe(c -> Request.post("/accounts", "{\"id\": \"matrix-account-" + c.n() + "\"}")));
    RECIPES.put("getAccount", recipe(c -> Request.get("/accounts/" + c.target().account)));
    RECIPES.put("getBufferPool", recipe(c -> Request.get("/buffer-pool")));

    // issuance
    RECIPES.put(
        "fileProperty",
        recipe(
            c ->
                Request.put(
                    "/projects/" + c.target().monitored + "/property-file",
                    propertyFile(c.target().hashes.get(c.target().monitored)))));
    RECIPES.put(
        "getPropertyFile",
        recipe(c -> Request.get("/projects/" + c.target().issued + "/property-file")));
    RECIPES.put(
        "requestIssuance",
        recipe(
            World::readyToRequest,
            c ->
                Request.post(
                    "/issuances",
                    "{\"id\": \"matrix-issuance-"
                        + c.n()
                        + "\", \"reportId\": \""
                        + c.target().submittedReport
                        + "\", \"attestedRecordHash\": \""
                        + c.target().hashes.get(c.target().monitored)
                        + "\"}")));
    RECIPES.put(
        "listIssuances", recipe(c -> Request.get("/issuances?projectId=" + c.target().issued)));
    RECIPES.put("getIssuance", recipe(c -> Request.get("/issuances/" + c.target().issuance)));
    RECIPES.put(
        "signIssuance",
        recipe(
            World::proposed,
            c ->
                Request.post(
                    "/issuances/" + c.target().proposal + "/sign",
                    "{\"capacity\": \""
                        + (c.role().equals(Optional.of(Role.AUDITOR)) ? "auditor" : "officer")
                        + "\"}")));
    RECIPES.put(
        "holdIssuance",
        recipe(
            World::proposed,
            c ->
                Request.post(
                    "/issuances/" + c.target().proposal + "/hold",
                    "{\"reason\": \"a second look\"}")));
    RECIPES.put(
        "releaseIssuance",
        recipe(
            World::held,
            c ->
                Request.post(
                    "/issuances/" + c.target().proposal + "/release",
                    "{\"reason\": \"looked again\"}")));

    // registry
    RECIPES.put(
        "registerMethodology",
        recipe(
            c ->
                Request.post(
                    "/methodologies",
                    example(
                        c.target().side == Side.OWN
                            ? "methodologies/dac-m-1.0.0.json"
                            : "methodologies/biochar-m-2.0.0.json"))));
    RECIPES.put("listMethodologies", recipe(c -> Request.get("/methodologies")));
    RECIPES.put("listAuditEntries", recipe(c -> Request.get("/audit/entries?limit=5")));
    RECIPES.put("verifyAuditChain", recipe(c -> Request.get("/audit/verification")));
    RECIPES.put(
        "listAttestations",
        recipe(c -> Request.get("/attestations?subject=project/" + c.target().issued)));
    RECIPES.put("getAttestation", recipe(c -> Request.get("/attestations/" + c.target().receipt)));
    RECIPES.put("getTask", recipe(c -> Request.get("/tasks/" + c.target().receipt)));
    RECIPES.put("getHealth", recipe(c -> Request.get("/health")));
    RECIPES.put("getConformance", recipe(c -> Request.get("/conformance")));
    RECIPES.put("getOpenApi", recipe(c -> Request.get("/openapi.json")));

    // administration
    RECIPES.put(
        "issueCredential", recipe(c -> Request.post("/admin/credentials", credential(c.target()))));
    RECIPES.put(
        "listCredentials",
        recipe(c -> Request.get("/admin/credentials?organisation=" + c.target().org)));
    RECIPES.put(
        "getCredential", recipe(c -> Request.get("/admin/credentials/" + c.target().credential)));
    RECIPES.put(
        "revokeCredential",
        recipe(
            c ->
                Request.post(
                    "/admin/credentials/" + c.target().credential + "/revoke",
                    "{\"reason\": \"rotated\"}")));
    RECIPES.put("readAccessLog", recipe(c -> Request.get("/admin/access-log?limit=5")));
    RECIPES.put(
        "listActor",
        recipe(
            c ->
                Request.put(
                    "/admin/directory/matrix-actor-" + c.n(),
                    "{\"organisation\": \"" + c.target().org + "\"}")));
    RECIPES.put("getActor", recipe(c -> Request.get("/admin/directory/" + c.target().owner)));
    RECIPES.put(
        "attestKyc",
        recipe(c -> Request.post("/admin/kyc", "{\"party\": \"Matrix party " + c.n() + "\"}")));
    RECIPES.put(
        "getKyc",
        recipe(
            c ->
                Request.get(
                    "/admin/kyc?party="
                        + java.net.URLEncoder.encode(
                            c.target().kycParty, java.nio.charset.StandardCharsets.UTF_8))));
    RECIPES.put("getMetrics", recipe(c -> Request.get("/metrics")));
  }

  // ----- the matrix

  /** The route table, read from a server as it is built. */
  static List<Route> routeTable() {
    try (ApiFixture api = new ApiFixture()) {
      return api.api.routes();
    }
  }

  /** The callers of the matrix: none (anonymous), then one per role. */
  static List<Optional<Role>> callers() {
    List<Optional<Role>> callers = new ArrayList<>();
    callers.add(Optional.empty());
    for (Role r : Role.values()) {
      callers.add(Optional.of(r));
    }
    return callers;
  }

  private static World world;
  private static String worldOf;
  private static Throwable unprepared;
  private static int cases;
  private static final Map<String, Integer> ALLOWED_STATUSES = new TreeMap<>();
  private static final List<String> NOT_DONE = new ArrayList<>();

  /** The world of {@code route}: prepared afresh when the matrix moves on to another route. */
  private static World world(Route route, Entry entry) {
    if (!route.operationId().equals(worldOf)) {
      if (world != null) {
        world.api.close();
      }
      world = null;
      unprepared = null;
      worldOf = route.operationId();
      try {
        world = new World().prepare();
        entry.prepare().accept(world);
      } catch (RuntimeException | AssertionError e) {
        unprepared = e;
      }
    }
    if (unprepared != null) {
      throw new AssertionError(
          "the world of " + route.operationId() + " could not be prepared", unprepared);
    }
    return world;
  }

  @AfterAll
  static void close() {
    if (world != null) {
      world.api.close();
    }
    System.out.println(
        "authorization matrix: " + cases + " cases; allowed cases answered " + ALLOWED_STATUSES);
    NOT_DONE.forEach(line -> System.out.println("allowed, not done: " + line));
  }

  @TestFactory
  Stream<DynamicNode> everyRoute_everyRole_ownAndOtherOrganisation() {
    return routeTable().stream().map(AuthorizationMatrixTest::route);
  }

  private static DynamicNode route(Route route) {
    String name = route.method() + " " + route.path() + " (" + route.operationId() + ")";
    Entry entry = RECIPES.get(route.operationId());
    if (entry == null) {
      return DynamicTest.dynamicTest(
          name,
          () ->
              fail(
                  route.operationId()
                      + " has no recipe in the authorization matrix: add one to RECIPES"));
    }
    List<DynamicNode> cases = new ArrayList<>();
    for (Side side : Side.values()) {
      for (Optional<Role> role : callers()) {
        String caseName =
            role.map(Role::token).orElse("anonymous")
                + " on "
                + (side == Side.OWN ? "own" : "another")
                + " organisation's resource → "
                + expected(route, role, side).map(String::valueOf).orElse("allowed");
        cases.add(DynamicTest.dynamicTest(caseName, () -> run(route, entry, role, side)));
      }
    }
    return DynamicContainer.dynamicContainer(name, cases);
  }

  /**
   * The refusal the route's declaration expects: {@code authentication_required} for no credentials
   * on a non-public route, the rule's problem code, or empty when it lets the caller in.
   */
  static Optional<String> expected(Route route, Optional<Role> role, Side side) {
    if (route.access() != Route.Access.AUTHENTICATED) {
      return Optional.empty();
    }
    if (role.isEmpty()) {
      return Optional.of("authentication_required");
    }
    return route.rule().refusal(Set.of(role.get()), side == Side.OWN);
  }

  private static void run(Route route, Entry entry, Optional<Role> role, Side side) {
    World w = world(route, entry);
    int n = ++cases;
    Side otherSide = side == Side.OWN ? Side.OTHER : Side.OWN;
    Request request = entry.recipe().request(new Case(w, w.org(side), w.org(otherSide), role, n));
    assertThat(request.method()).as("the recipe's method").isEqualTo(route.method());
    assertThat(request.path().replaceFirst("\\?.*$", ""))
        .as("the recipe's path")
        .matches(template(route.path()));
    String token = role.map(r -> CALLERS.get(r).actor().value()).orElse(null);
    ApiFixture.Response r =
        w.api.send(request.method(), request.path(), token, request.body(), request.headers());
    Optional<String> refusal = expected(route, role, side);
    if (refusal.isEmpty()) {
      assertThat(r.status).as("allowed past authorization: %s", r).isNotIn(401, 403);
      assertThat(r.status).as("allowed, and no failure of the registry: %s", r).isLessThan(500);
      ALLOWED_STATUSES.merge(String.valueOf(r.status), 1, Integer::sum);
      if (r.status >= 300) {
        NOT_DONE.add(
            route.operationId()
                + " "
                + role.map(Role::token).orElse("anonymous")
                + " "
                + side
                + ": "
                + r);
      }
      return;
    }
    int status = refusal.get().equals("authentication_required") ? 401 : 403;
    assertRefused(r, status, refusal.get());
  }

  /**
   * The routes' own check, as served: a caller without credentials, or without one of the route's
   * declared roles, is refused before its request is read, so an empty body earns it no validation
   * problem; the ids in the path need not even exist.
   */
  @Test
  void everyDeclaredRole_isRefusedAtTheEdge_beforeTheRequestIsRead() {
    int checked = 0;
    try (ApiFixture api = new ApiFixture(new ArrayList<>(CALLERS.values()))) {
      for (Route route : api.api.routes()) {
        if (route.access() != Route.Access.AUTHENTICATED) {
          continue;
        }
        String path = route.path().replaceAll("\\{[^/}]+}", "any-id");
        String body = route.isWrite() ? "{}" : null;
        assertRefused(api.send(route.method(), path, null, body), 401, "authentication_required");
        for (Role role : Role.values()) {
          if (route.rule().roles().isEmpty() || route.rule().roles().contains(role)) {
            continue;
          }
          assertRefused(
              api.send(route.method(), path, CALLERS.get(role).actor().value(), body),
              403,
              "role_required");
          checked++;
        }
      }
    }
    assertThat(checked).as("route and role pairs refused at the edge").isGreaterThan(200);
  }

  private static void assertRefused(ApiFixture.Response r, int status, String code) {
    assertThat(r.status).as("refused: %s", r).isEqualTo(status);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.json().path("code").asText()).as("problem code of %s", r).isEqualTo(code);
  }

  private static Pattern template(String path) {
    return Pattern.compile(path.replaceAll("\\{[^/}]+}", "[^/]+"));
  }

  // ----- the matrix covers the table

  @Test
  void everyRouteOfTheTable_hasARecipe_andEveryRecipeARoute() {
    Set<String> operations = Set.copyOf(routeTable().stream().map(Route::operationId).toList());
    assertThat(RECIPES.keySet())
        .as("recipes of the authorization matrix, one per operationId of the route table")
        .containsExactlyInAnyOrderElementsOf(operations);
  }

  @Test
  void everyAuthenticatedRoute_declaresWhoMayCallIt() {
    for (Route r : routeTable()) {
      if (r.access() == Route.Access.AUTHENTICATED) {
        assertThat(r.rule().declared())
            .as("%s %s declares its roles and ownership", r.method(), r.path())
            .isTrue();
      } else {
        assertThat(r.rule().roles())
            .as("%s %s is not behind authentication: no roles apply", r.method(), r.path())
            .isEmpty();
      }
    }
  }
}
