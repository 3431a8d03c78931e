package org.ogcr.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.inmemory.InMemoryAdapters;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.adapter.rest.auth.AccessTokens;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.in.Scopes;

/**
 * The hand-written OpenAPI document, {@code schemas/openapi.json}, against the route table the
 * server registers, its authorization server's routes included: the same operations, each
 * documented with examples, the security each route asks for, the refusals every route can answer,
 * and every path parameter declared. A route added, removed or changed without the document fails
 * here, naming it.
 */
class OpenApiDocumentTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Set<String> TAGS =
      Set.of(
          "projects",
          "monitoring",
          "credits",
          "accounts",
          "issuance",
          "methodologies",
          "audit",
          "administration",
          "oauth",
          "system");
  private static final Set<String> SCOPES =
      Set.of(
          "projects:read",
          "projects:write",
          "monitoring:write",
          "verification:write",
          "issuance:write",
          "credits:read",
          "credits:write",
          "methodologies:write",
          "audit:read",
          "admin");
  private static final List<String> SCHEMES = List.of("oauth2", "bearer", "apiKey");

  /** The scheme of a client authenticating itself at the token endpoint (RFC 6749 §2.3.1). */
  private static final String CLIENT_SCHEME = "clientBasic";

  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  private static String text;
  private static JsonNode document;
  private static List<Route> routes;

  @BeforeAll
  static void load() throws Exception {
    text = Files.readString(openApiFile(), StandardCharsets.UTF_8);
    document = StrictJson.read(text);
    routes = routeTable();
  }

  /**
   * The real route table, over a real in-memory registry, with the authorization server's routes
   * the reference server adds; the server is not started.
   */
  private static List<Route> routeTable() {
    InMemoryAdapters adapters =
        InMemoryAdapters.create(
            new ManualClock(Instant.parse("2027-03-01T00:00:00Z")),
            JsonDocumentReader.withDefaults());
    Registry registry = Registry.start(adapters.ports(), RegistrySettings.defaults());
    RestApi.Services services =
        new RestApi.Services(
            registry.projects(),
            registry.monitoring(),
            registry.methodologies(),
            registry.issuance(),
            registry.credits(),
            registry.audit(),
            registry.idempotency(),
            registry.credentials(),
            registry.accessLog(),
            registry.directory(),
            () -> {});
    Authenticator nobody = (authorization, apiKey) -> Optional.empty();
    AccessTokens tokens =
        AccessTokens.builder()
            .issuer("http://127.0.0.1")
            .audience("http://127.0.0.1")
            .clock(Instant::now)
            .build();
    return RestApi.create(
            services,
            nobody,
            RestSettings.defaults("http://127.0.0.1"),
            Instant::now,
            OAuthRoutes.routes(tokens, credentialCheck(registry.credentials())))
        .routes();
  }

  /** The registry's credentials as the reference server checks them. */
  private static CredentialCheck credentialCheck(CredentialUseCases credentials) {
    return new CredentialCheck() {
      @Override
      public Optional<Caller> apiKey(String presented) {
        return credentials.authenticate(presented).map(OpenApiDocumentTest::caller);
      }

      @Override
      public Optional<Caller> client(String clientId, String clientSecret) {
        return credentials
            .authenticateClient(clientId, clientSecret)
            .map(OpenApiDocumentTest::caller);
      }

      @Override
      public Optional<Integer> rateOf(String credentialId) {
        return credentials.active(credentialId).map(Credential::ratePerMinute);
      }
    };
  }

  private static Caller caller(Credential c) {
    return new Caller(c.principal(), c.scopes(), c.id(), c.ratePerMinute());
  }

  /** {@code schemas/openapi.json} of the repository, found from the module's directory up. */
  private static Path openApiFile() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("schemas").resolve("openapi.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IOException("no schemas/openapi.json above " + Path.of("").toAbsolutePath());
  }

  // ----- (f) the document itself

  @Test
  void document_isStrictJson_declaringOpenApi31() throws Exception {
    assertThat(StrictJson.read(text).isObject()).isTrue();
    assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
    assertThat(document.path("info").path("title").asText()).isNotBlank();
    assertThat(document.path("info").path("version").asText()).isNotBlank();
    assertThat(text).as("2-space indentation").startsWith("{\n  \"openapi\"");
  }

  // ----- (a), (b) the operations are the route table's

  @Test
  void operations_areExactlyTheRouteTable() {
    Set<String> table = new TreeSet<>();
    for (Route r : routes) {
      table.add(r.method() + " " + r.path() + " " + r.operationId());
    }
    assertThat(table).as("the route table repeats an operation").hasSameSizeAs(routes);
    Set<String> documented = new TreeSet<>();
    operations().forEach((key, op) -> documented.add(key + " " + op.path("operationId").asText()));

    Set<String> missing = new TreeSet<>(table);
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(table);
    List<String> disagreements = new ArrayList<>();
    missing.forEach(m -> disagreements.add("route not in the document: " + m));
    extra.forEach(e -> disagreements.add("document operation not in the route table: " + e));
    assertThat(disagreements)
        .as("schemas/openapi.json and the route table disagree (method path operationId)")
        .isEmpty();
  }

  @Test
  void operationIds_areUnique() {
    Map<String, List<String>> byId = new LinkedHashMap<>();
    operations()
        .forEach(
            (key, op) ->
                byId.computeIfAbsent(op.path("operationId").asText(), id -> new ArrayList<>())
                    .add(key));
    List<String> repeated = new ArrayList<>();
    byId.forEach(
        (id, where) -> {
          if (id.isBlank()) {
            repeated.add("operations without operationId: " + where);
          } else if (where.size() > 1) {
            repeated.add(id + " used by " + where);
          }
        });
    assertThat(repeated).isEmpty();
    assertThat(routes.stream().map(Route::operationId).distinct().count())
        .as("operationIds of the route table are unique")
        .isEqualTo(routes.size());
  }

  @Test
  void everyOperation_isTaggedSummarisedAndDescribed() {
    List<String> problems = new ArrayList<>();
    operations()
        .forEach(
            (key, op) -> {
              JsonNode tags = op.path("tags");
              if (tags.size() != 1 || !TAGS.contains(tags.path(0).asText())) {
                problems.add(key + ": one tag among " + new TreeSet<>(TAGS) + ", has " + tags);
              }
              if (op.path("summary").asText().isBlank()) {
                problems.add(key + ": no summary");
              }
              if (op.path("description").asText().isBlank()) {
                problems.add(key + ": no description");
              }
            });
    assertThat(problems).isEmpty();
  }

  // ----- (c) examples

  @Test
  void everyOperation_hasAnExampleOfItsSuccess_andOfEveryRequestBody() {
    List<String> problems = new ArrayList<>();
    operations()
        .forEach(
            (key, op) -> {
              JsonNode responses = op.path("responses");
              boolean successExample = false;
              for (Map.Entry<String, JsonNode> r : responses.properties()) {
                JsonNode response = resolve(r.getValue());
                if (r.getKey().startsWith("2") && hasExamples(response.path("content"))) {
                  successExample = true;
                }
                // a redirect succeeds without content: its example is the Location it sends
                if (r.getKey().startsWith("3")
                    && response.path("headers").path("Location").has("example")) {
                  successExample = true;
                }
                response
                    .path("content")
                    .properties()
                    .forEach(
                        media -> {
                          if (!examplesOf(media.getValue()).isEmpty()
                              || media.getValue().has("example")) {
                            return;
                          }
                          problems.add(
                              key + " " + r.getKey() + " " + media.getKey() + ": no example");
                        });
              }
              if (!successExample) {
                problems.add(key + ": no example of a successful response");
              }
              if (op.has("requestBody")) {
                JsonNode content = resolve(op.path("requestBody")).path("content");
                if (content.isEmpty()) {
                  problems.add(key + ": a request body without content");
                }
                content
                    .properties()
                    .forEach(
                        media -> {
                          if (examplesOf(media.getValue()).isEmpty()
                              && !media.getValue().has("example")) {
                            problems.add(
                                key + " request " + media.getKey() + ": no example request");
                          }
                        });
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyWrite_documentsTheBodyItReads_andNoReadHasOne() {
    List<String> problems = new ArrayList<>();
    for (Route r : routes) {
      JsonNode op = document.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
      if (op.isMissingNode()) {
        continue; // reported by operations_areExactlyTheRouteTable
      }
      boolean hasBody = op.has("requestBody");
      if (r.isWrite()
          && !(hasBody && resolve(op.path("requestBody")).path("required").asBoolean())) {
        problems.add(r.method() + " " + r.path() + ": no required requestBody");
      }
      if (!r.isWrite() && hasBody) {
        problems.add(r.method() + " " + r.path() + ": a GET with a requestBody");
      }
    }
    assertThat(problems).isEmpty();
  }

  // ----- (d) security

  /**
   * The oauth2 scheme offers the client credentials flow and the authorization code flow, and only
   * flows whose URLs are routes of the table.
   */
  @Test
  void securitySchemes_declareOauth2BearerAndApiKey_withEveryScope() {
    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(schemes.path("oauth2").path("type").asText()).isEqualTo("oauth2");
    JsonNode flows = schemes.path("oauth2").path("flows");
    assertThat(flows.path("clientCredentials").path("tokenUrl").asText()).isEqualTo("/oauth/token");
    assertThat(flows.path("authorizationCode").path("authorizationUrl").asText())
        .isEqualTo("/oauth/authorize");
    Set<String> served = new TreeSet<>();
    routes.forEach(r -> served.add(r.method() + " " + r.path()));
    for (Map.Entry<String, JsonNode> flow : flows.properties()) {
      String name = flow.getKey();
      JsonNode f = flow.getValue();
      assertThat(served).as(name + " tokenUrl").contains("POST " + f.path("tokenUrl").asText());
      if (f.has("authorizationUrl")) {
        assertThat(served)
            .as(name + " authorizationUrl")
            .contains("GET " + f.path("authorizationUrl").asText());
      }
      Set<String> declared = new TreeSet<>();
      f.path("scopes").fieldNames().forEachRemaining(declared::add);
      assertThat(declared).as(name + " scopes").isEqualTo(new TreeSet<>(SCOPES));
      f.path("scopes")
          .properties()
          .forEach(s -> assertThat(s.getValue().asText()).as("scope " + s.getKey()).isNotBlank());
    }
    assertThat(schemes.path(CLIENT_SCHEME).path("type").asText()).isEqualTo("http");
    assertThat(schemes.path(CLIENT_SCHEME).path("scheme").asText()).isEqualTo("basic");
    assertThat(schemes.path("bearer").path("type").asText()).isEqualTo("http");
    assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.path("bearer").path("bearerFormat").asText()).isEqualTo("JWT");
    assertThat(schemes.path("apiKey").path("type").asText()).isEqualTo("apiKey");
    assertThat(schemes.path("apiKey").path("in").asText()).isEqualTo("header");
    assertThat(schemes.path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
    for (Route r : routes) {
      r.scope().ifPresent(s -> assertThat(SCOPES).as("scope of " + r.operationId()).contains(s));
    }
    assertThat(new TreeSet<>(SCOPES)).as("the registry's scopes").isEqualTo(Scopes.ALL);
  }

  /**
   * Public routes ask for nothing ({@code [{}]}); routes that authenticate their clients themselves
   * ({@link Route.Access#CLIENT}, the token endpoint) are public to the API's authentication too,
   * and document their own: HTTP Basic ({@value #CLIENT_SCHEME}) or nothing at the HTTP level (the
   * client's id and secret in the form), so {@code [{"clientBasic": []}, {}]}; every other route
   * offers oauth2, bearer and apiKey, each with the route's scope.
   */
  @Test
  void everyOperation_asksForTheSecurityOfItsRoute() {
    List<String> problems = new ArrayList<>();
    for (Route r : routes) {
      String key = r.method() + " " + r.path() + " " + r.operationId();
      JsonNode op = document.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
      if (op.isMissingNode()) {
        continue; // reported by operations_areExactlyTheRouteTable
      }
      JsonNode security = op.path("security");
      if (!security.isArray() || security.isEmpty()) {
        problems.add(key + ": no security requirement");
        continue;
      }
      if (r.access() == Route.Access.PUBLIC) {
        if (security.size() != 1 || !security.get(0).isObject() || !security.get(0).isEmpty()) {
          problems.add(key + ": public, so security must be [{}]; is " + security);
        }
        continue;
      }
      if (r.access() == Route.Access.CLIENT) {
        // the token endpoint authenticates clients (HTTP Basic, or the form); the login page signs
        // people in through its own form, which no security scheme describes
        String expected =
            r.path().equals("/oauth/token") ? "[{\"" + CLIENT_SCHEME + "\":[]},{}]" : "[{}]";
        if (!security.toString().equals(expected)) {
          problems.add(
              key
                  + ": authenticates its clients, so security must be "
                  + expected
                  + "; is "
                  + security);
        }
        continue;
      }
      List<String> scope = r.scope().map(List::of).orElse(List.of());
      Map<String, List<String>> alternatives = new LinkedHashMap<>();
      for (JsonNode requirement : security) {
        if (requirement.isEmpty()) {
          problems.add(key + ": needs credentials, yet security allows none ({})");
        }
        if (requirement.size() > 1) {
          problems.add(key + ": one scheme per alternative expected, is " + requirement);
        }
        requirement
            .properties()
            .forEach(
                e -> {
                  List<String> listed = new ArrayList<>();
                  e.getValue().forEach(v -> listed.add(v.asText()));
                  alternatives.put(e.getKey(), listed);
                });
      }
      if (!new TreeSet<>(alternatives.keySet()).equals(new TreeSet<>(SCHEMES))) {
        problems.add(key + ": alternatives must be oauth2, bearer and apiKey; are " + alternatives);
      }
      if (!scope.equals(alternatives.get("oauth2"))) {
        problems.add(
            key + ": oauth2 must list the route's scope " + scope + ", lists " + alternatives);
      }
      for (String scheme : SCHEMES.subList(1, 3)) {
        List<String> listed = alternatives.get(scheme);
        if (listed != null && !listed.isEmpty() && !listed.equals(scope)) {
          problems.add(key + ": " + scheme + " lists " + listed + ", the route needs " + scope);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The refusals a route can answer whatever it does: every route the API authenticates for can
   * answer 401 (credentials that prove no one) and 503 (an external issuer's keys unreachable);
   * every write that records its replies honours {@code Idempotency-Key}, and no other route
   * documents it (a route whose reply holds a secret refuses it; the token endpoint has no caller
   * to key it by).
   */
  @Test
  void everyOperation_documentsTheRefusalsOfItsAccess_andIdempotencyKeyWhereHonoured() {
    List<String> problems = new ArrayList<>();
    for (Route r : routes) {
      String key = r.method() + " " + r.path() + " " + r.operationId();
      JsonNode op = document.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
      if (op.isMissingNode()) {
        continue; // reported by operations_areExactlyTheRouteTable
      }
      if (r.access() != Route.Access.CLIENT) {
        for (String status : List.of("401", "503")) {
          if (!op.path("responses").has(status)) {
            problems.add(key + ": no " + status + " response");
          }
        }
      }
      boolean declared = false;
      for (JsonNode level :
          List.of(
              document.path("paths").path(r.path()).path("parameters"), op.path("parameters"))) {
        for (JsonNode p : level) {
          JsonNode parameter = resolve(p);
          declared |=
              parameter.path("in").asText().equals("header")
                  && parameter.path("name").asText().equalsIgnoreCase("Idempotency-Key");
        }
      }
      boolean honoured = r.isWrite() && r.recordsReplies() && r.access() != Route.Access.CLIENT;
      if (honoured != declared) {
        problems.add(
            key
                + (honoured
                    ? ": honours Idempotency-Key, which is not declared"
                    : ": declares Idempotency-Key, which it does not honour"));
      }
    }
    assertThat(problems).isEmpty();
  }

  // ----- (e) path parameters

  @Test
  void everyPathParameter_isDeclared_andOnlyThose() {
    List<String> problems = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              Set<String> template = new TreeSet<>();
              Matcher m = TEMPLATE_PARAMETER.matcher(path.getKey());
              while (m.find()) {
                template.add(m.group(1));
              }
              JsonNode item = path.getValue();
              item.properties()
                  .forEach(
                      method -> {
                        if (!METHODS.contains(method.getKey())) {
                          return;
                        }
                        String key = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                        Set<String> declared = new TreeSet<>();
                        for (JsonNode level :
                            List.of(
                                item.path("parameters"), method.getValue().path("parameters"))) {
                          for (JsonNode p : level) {
                            JsonNode parameter = resolve(p);
                            if (!parameter.path("in").asText().equals("path")) {
                              continue;
                            }
                            declared.add(parameter.path("name").asText());
                            if (!parameter.path("required").asBoolean()) {
                              problems.add(
                                  key
                                      + ": path parameter "
                                      + parameter.path("name")
                                      + " not required");
                            }
                            if (!parameter.has("schema")) {
                              problems.add(
                                  key
                                      + ": path parameter "
                                      + parameter.path("name")
                                      + " has no schema");
                            }
                          }
                        }
                        if (!declared.equals(template)) {
                          problems.add(
                              key
                                  + ": the template has "
                                  + template
                                  + ", declared are "
                                  + declared);
                        }
                      });
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyLocalReference_resolves() {
    List<String> dangling = new ArrayList<>();
    collectDangling(document, "", dangling);
    assertThat(dangling).isEmpty();
  }

  // ----- helpers

  /** Every operation of the document, keyed "METHOD /path". */
  private static Map<String, JsonNode> operations() {
    Map<String, JsonNode> ops = new LinkedHashMap<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            ops.put(
                                method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                method.getValue());
                          }
                        }));
    return ops;
  }

  private static boolean hasExamples(JsonNode content) {
    for (JsonNode media : content) {
      if (!examplesOf(media).isEmpty() || media.has("example")) {
        return true;
      }
    }
    return false;
  }

  /** The examples of a media type that have a value, references resolved. */
  private static List<JsonNode> examplesOf(JsonNode media) {
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode example : media.path("examples")) {
      JsonNode resolved = resolve(example);
      if (resolved.has("value")) {
        values.add(resolved.get("value"));
      }
    }
    return values;
  }

  /** Follows a local {@code $ref} ("#/components/…"); anything else is returned as it is. */
  private static JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    for (int hops = 0; n.has("$ref") && hops < 10; hops++) {
      String ref = n.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return n;
      }
      n = document.at(ref.substring(1));
    }
    return n;
  }

  private static void collectDangling(JsonNode node, String at, List<String> into) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null
          && ref.isTextual()
          && ref.asText().startsWith("#/")
          && document.at(ref.asText().substring(1)).isMissingNode()) {
        into.add(at + ": " + ref.asText());
      }
      node.properties()
          .forEach(
              e -> {
                // example values are data, not parts of the document
                if (!e.getKey().equals("value") && !e.getKey().equals("example")) {
                  collectDangling(e.getValue(), at + "/" + e.getKey(), into);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDangling(node.get(i), at + "/" + i, into);
      }
    }
  }
}
