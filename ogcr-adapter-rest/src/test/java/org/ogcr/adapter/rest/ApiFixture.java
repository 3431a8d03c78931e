package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.adapter.inmemory.InMemoryAdapters;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/**
 * A real server on 127.0.0.1 and a random port, over a registry in memory, with callers known by
 * fixed bearer tokens (the real authenticators are tested on their own and end to end in the
 * server). Close it to stop the server.
 */
final class ApiFixture implements AutoCloseable {

  static final Set<String> ALL_SCOPES =
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

  static final Principal ADMIN =
      Principal.of("admin-ann", "registry", Role.ADMINISTRATOR, Role.OPERATOR);
  static final Principal ALICE =
      Principal.of("dev-alice", "northwoods-trust", Role.DEVELOPER, Role.HOLDER);
  static final Principal SIGRUN =
      Principal.of("dev-sigrun", "hengill-carbon-works", Role.DEVELOPER, Role.HOLDER);
  static final Principal VERA = Principal.of("val-vera", "green-validation", Role.VALIDATOR);
  static final Principal BOB = Principal.of("ver-bob", "vermont-verifiers", Role.VERIFIER);
  static final Principal OLGA = Principal.of("off-olga", "registry", Role.OFFICER);
  static final Principal OSCAR = Principal.of("off-oscar", "registry", Role.OFFICER);
  static final Principal ADA = Principal.of("aud-ada", "audit-committee", Role.AUDITOR);
  static final Principal BEA = Principal.of("buyer-bea", "acme-climate", Role.HOLDER);

  final ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
  final InMemoryAdapters adapters =
      InMemoryAdapters.create(clock, JsonDocumentReader.withDefaults());
  final Registry registry;
  final RestApi api;
  final Map<String, Caller> tokens = new HashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  ApiFixture() {
    this(RestSettings.defaults("http://127.0.0.1"));
  }

  ApiFixture(RestSettings settings) {
    this(settings, null, null);
  }

  /**
   * A server that authenticates as the reference server does, with {@code credentials} and the
   * registry's own {@code tokens}, and serves the token endpoint.
   */
  ApiFixture(
      RestSettings settings,
      CredentialCheck credentials,
      org.ogcr.adapter.rest.auth.AccessTokens accessTokens) {
    this(settings, credentials, accessTokens, List.of(), true);
  }

  /**
   * The usual server, with {@code extra} principals listed in the directory before the registry
   * starts, each known by its actor id as bearer token and granted every scope.
   */
  ApiFixture(List<Principal> extra) {
    this(RestSettings.defaults("http://127.0.0.1"), null, null, extra, true);
  }

  /**
   * A server over the usual principals and {@code extra}, whose routes check no roles themselves
   * when {@code rolesAtEdge} is false: every role refusal is then the use case's own.
   */
  ApiFixture(List<Principal> extra, boolean rolesAtEdge) {
    this(RestSettings.defaults("http://127.0.0.1"), null, null, extra, rolesAtEdge);
  }

  private ApiFixture(
      RestSettings settings,
      CredentialCheck credentials,
      org.ogcr.adapter.rest.auth.AccessTokens accessTokens,
      List<Principal> extra,
      boolean rolesAtEdge) {
    List<Principal> known = new java.util.ArrayList<>(List.of(ADMIN, ALICE, SIGRUN, VERA, BOB));
    known.addAll(List.of(OLGA, OSCAR, ADA, BEA));
    known.addAll(extra);
    for (Principal p : known) {
      adapters.identity().register(p.actor(), p.organisation());
      tokens.put(
          p.actor().value(), new Caller(p, ALL_SCOPES, "token-" + p.actor().value(), 10_000));
    }
    adapters.identity().register(new ActorId("ver-carol"), new OrganisationId("northwoods-trust"));
    registry = Registry.start(adapters.ports(), RegistrySettings.defaults());
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
            registry::relayLedger);
    Authenticator testTokens =
        (authorization, apiKey) -> {
          if (authorization == null) {
            return Optional.empty();
          }
          Caller c = tokens.get(authorization.replaceFirst("^Bearer ", ""));
          if (c == null) {
            throw new AuthenticationFailedException(
                "unknown test token", "Bearer error=\"invalid_token\"");
          }
          return Optional.of(c);
        };
    Authenticator authenticator =
        credentials == null
            ? testTokens
            : new RegistryAuthenticator(credentials, accessTokens, List.of());
    api =
        (rolesAtEdge
                ? RestApi.create(
                    services,
                    authenticator,
                    settings,
                    clock::now,
                    credentials == null ? List.of() : OAuthRoutes.routes(accessTokens, credentials))
                : RestApi.withRolesLeftToTheUseCases(services, authenticator, settings, clock::now))
            .start("127.0.0.1", 0);
  }

  /** A request as {@code who} (null: anonymous). */
  Response send(String method, String path, String who, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (who != null) {
      b.header("Authorization", "Bearer " + who);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path, String who, String... headers) {
    return send("GET", path, who, null, headers);
  }

  Response post(String path, String who, String body, String... headers) {
    return send("POST", path, who, body, headers);
  }

  final class Response {
    final int status;
    final Map<String, List<String>> headers;
    final String body;

    Response(int status, Map<String, List<String>> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    JsonNode json() {
      try {
        return json.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static String example(String path) {
    try (InputStream in = ApiFixture.class.getResourceAsStream("/org/ogcr/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    api.stop();
  }
}
