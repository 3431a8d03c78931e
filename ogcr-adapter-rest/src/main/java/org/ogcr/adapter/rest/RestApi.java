package org.ogcr.adapter.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.in.AccessLogUseCases;
import org.ogcr.port.in.AuditUseCases;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.in.CreditUseCases;
import org.ogcr.port.in.DirectoryUseCases;
import org.ogcr.port.in.IdempotentRequests;
import org.ogcr.port.in.IssuanceUseCases;
import org.ogcr.port.in.MethodologyUseCases;
import org.ogcr.port.in.MonitoringUseCases;
import org.ogcr.port.in.ProjectUseCases;
import org.ogcr.port.model.AccessRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OGCR HTTP API over Javalin: the route table, authentication, scopes, rate limits, {@code
 * Idempotency-Key}, {@code ETag}, and RFC 9457 problems for every refusal. This layer checks who
 * the caller is, what its credential allows and whether it holds one of the route's declared roles
 * ({@link Route.Rule}), before it reads the request: a caller without the role is refused, never
 * told what is wrong with its body. Ownership and independence need the resource, and stay the use
 * cases' to check, as do the roles again, for every caller of the use cases.
 *
 * <pre>{@code
 * RestApi api = RestApi.create(services, authenticator, RestSettings.defaults(url));
 * api.start("127.0.0.1", 8080);
 * }</pre>
 */
public final class RestApi {

  private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

  /**
   * The use cases behind the routes.
   *
   * @param accessLog told of every request and its outcome (OGCR 4.3: every access attempt is
   *     logged)
   * @param afterWrite run after every write that succeeded, for example to relay ledger commands;
   *     must not block
   */
  public record Services(
      ProjectUseCases projects,
      MonitoringUseCases monitoring,
      MethodologyUseCases methodologies,
      IssuanceUseCases issuance,
      CreditUseCases credits,
      AuditUseCases audit,
      IdempotentRequests idempotency,
      CredentialUseCases credentials,
      AccessLogUseCases accessLog,
      DirectoryUseCases directory,
      Runnable afterWrite) {

    public Services {
      Require.nonNull("projects", projects);
      Require.nonNull("monitoring", monitoring);
      Require.nonNull("methodologies", methodologies);
      Require.nonNull("issuance", issuance);
      Require.nonNull("credits", credits);
      Require.nonNull("audit", audit);
      Require.nonNull("idempotency", idempotency);
      Require.nonNull("credentials", credentials);
      Require.nonNull("accessLog", accessLog);
      Require.nonNull("directory", directory);
      Require.nonNull("afterWrite", afterWrite);
    }
  }

  private final Services services;
  private final Authenticator authenticator;
  private final RestSettings settings;
  private final RateLimiter limiter;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Route> routes;
  private final Javalin app;

  /**
   * Whether this layer refuses a caller without one of the route's declared roles before the use
   * case runs; always, but in the test that compares the declarations with the use cases' own
   * refusals.
   */
  private final boolean rolesAtEdge;

  private RestApi(
      Services services,
      Authenticator authenticator,
      RestSettings settings,
      Supplier<Instant> clock,
      List<Route> extra,
      boolean rolesAtEdge) {
    this.rolesAtEdge = rolesAtEdge;
    this.services = services;
    this.authenticator = authenticator;
    this.settings = settings;
    this.limiter = new RateLimiter(clock);
    List<Route> all = new ArrayList<>(ApiRoutes.all(services));
    all.add(
        Route.read(
                "/metrics",
                "getMetrics",
                "admin",
                call -> {
                  AdminRoutes.requireAdministrator(call);
                  return new Reply(200, "text/plain; version=0.0.4", metrics.scrape(), Map.of());
                })
            .roles(org.ogcr.port.in.Role.ADMINISTRATOR));
    all.addAll(extra);
    this.routes = List.copyOf(all);
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.http.maxRequestSize = settings.maxBodyBytes();
              cfg.http.prefer405over404 = true;
              cfg.router.ignoreTrailingSlashes = true;
              for (Route r : routes) {
                cfg.routes.addHttpHandler(
                    HandlerType.findOrCreate(r.method()), r.path(), ctx -> handle(r, ctx));
              }
              cfg.routes.error(
                  404,
                  ctx -> {
                    if (ctx.attribute("ogcr.answered") == null) {
                      write(
                          ctx,
                          Problems.reply(
                              404,
                              "no_such_route",
                              "no operation at "
                                  + ctx.method()
                                  + " "
                                  + ctx.path()
                                  + "; see /openapi.json",
                              ctx.path(),
                              List.of(),
                              Map.of()));
                    }
                  });
              cfg.routes.error(
                  405,
                  ctx -> {
                    if (ctx.attribute("ogcr.answered") == null) {
                      write(
                          ctx,
                          Problems.reply(
                              405,
                              "method_not_allowed",
                              ctx.method()
                                  + " is not allowed on "
                                  + ctx.path()
                                  + "; see /openapi.json",
                              ctx.path(),
                              List.of(),
                              Map.of()));
                    }
                  });
            });
  }

  public static RestApi create(
      Services services, Authenticator authenticator, RestSettings settings) {
    return create(services, authenticator, settings, Instant::now, List.of());
  }

  /**
   * @param clock the time the rate limiter counts in
   * @param extra routes another part of the server adds (the authorization server's, for example)
   */
  public static RestApi create(
      Services services,
      Authenticator authenticator,
      RestSettings settings,
      Supplier<Instant> clock,
      List<Route> extra) {
    return new RestApi(
        Require.nonNull("services", services),
        Require.nonNull("authenticator", authenticator),
        Require.nonNull("settings", settings),
        Require.nonNull("clock", clock),
        Require.nonNull("extra", extra),
        true);
  }

  /**
   * An API whose routes leave every role check to the use cases, so that a test can hold the
   * routes' declared roles against what the use cases themselves refuse; never for serving.
   */
  static RestApi withRolesLeftToTheUseCases(
      Services services,
      Authenticator authenticator,
      RestSettings settings,
      Supplier<Instant> clock) {
    return new RestApi(services, authenticator, settings, clock, List.of(), false);
  }

  /** The route table the server answers. */
  public List<Route> routes() {
    return routes;
  }

  public RestApi start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
  }

  // ----- one request

  private void handle(Route route, Context ctx) {
    long started = System.nanoTime();
    ctx.attribute("ogcr.answered", Boolean.TRUE);
    String instance = ctx.path();
    Optional<Caller> caller = Optional.empty();
    Reply reply;
    String detail = "";
    try {
      if (route.access() != Route.Access.CLIENT) {
        caller = authenticator.authenticate(ctx.header("Authorization"), ctx.header("X-API-Key"));
      }
      limit(caller, ctx);
      authorize(route, caller, rolesAtEdge);
      Call call = new Call(ctx, caller, body(ctx));
      reply = run(route, call, caller);
      if (route.isWrite() && reply.status() < 300) {
        afterWrite();
      }
    } catch (AuthenticationFailedException e) {
      detail = e.getMessage();
      // failed attempts count against the address too, so guessing keys or forging tokens is
      // slowed like any other anonymous traffic
      OptionalLong wait = limiter.take("address:" + ctx.ip(), settings.anonymousPerMinute());
      if (wait.isPresent()) {
        reply =
            Problems.reply(
                429,
                "rate_limited",
                "too many requests with failed credentials from this address; retry after "
                    + wait.getAsLong()
                    + " s",
                instance,
                List.of(),
                Map.of("Retry-After", String.valueOf(wait.getAsLong())));
        write(ctx, reply);
        log(caller, route, instance, reply.status(), ctx.ip(), detail);
        return;
      }
      reply =
          Problems.reply(
              401,
              "invalid_credentials",
              e.getMessage(),
              instance,
              List.of(),
              Map.of("WWW-Authenticate", e.challenge()));
    } catch (ApiException e) {
      detail = e.getMessage();
      reply = Problems.of(e, instance);
    } catch (org.ogcr.adapter.rest.auth.TokenKeysUnavailableException e) {
      detail = e.getMessage();
      reply =
          Problems.reply(
              503,
              "token_keys_unavailable",
              "the token issuer's keys cannot be fetched now; retry shortly",
              instance,
              List.of(),
              Map.of("Retry-After", "30"));
    } catch (DomainException e) {
      // a refusal outside an idempotent run, for example an Idempotency-Key reused
      detail = e.code();
      reply = Problems.of(e, instance);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // a failure of the registry (a linkage error is a broken deployment): logged with an
      // incident id the client can report; a VirtualMachineError is left to the container
      String incident = UUID.randomUUID().toString();
      LOG.error("incident {}: {} {} failed", incident, ctx.method(), instance, e);
      detail = "incident " + incident;
      reply = Problems.internal(instance, incident);
    }
    // a reply that says how it may be cached (a page with a one-time form token) keeps its say
    if (route.method().equals("GET")
        && reply.status() == 200
        && !reply.headers().containsKey("Cache-Control")) {
      reply = conditional(ctx, reply);
    }
    write(ctx, reply);
    log(caller, route, instance, reply.status(), ctx.ip(), detail);
    // OGCR 4.5: runtime metrics for operators, by operation and status
    Timer.builder("ogcr.http.requests")
        .description("requests answered, by operation and status")
        .tag("operation", route.operationId())
        .tag("method", route.method())
        .tag("status", String.valueOf(reply.status()))
        .register(metrics)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Runs the after-write hook; its failure never turns the committed write into an error. */
  private void afterWrite() {
    try {
      services.afterWrite().run();
    } catch (RuntimeException e) {
      LOG.warn("the after-write hook failed; the write itself is committed", e);
    }
  }

  /** OGCR 4.3: every access attempt, allowed or not, in the access log; never fails a request. */
  private void log(
      Optional<Caller> caller, Route route, String path, int status, String client, String detail) {
    // FAILED: not authenticated; DENIED: authenticated but refused by scope, role, ownership or
    // rate; ALLOWED: let through, whatever the operation then answered
    AccessRecord.Outcome outcome =
        status == 401
            ? AccessRecord.Outcome.FAILED
            : status == 403 || status == 429
                ? AccessRecord.Outcome.DENIED
                : AccessRecord.Outcome.ALLOWED;
    try {
      services
          .accessLog()
          .record(
              new AccessLogUseCases.Attempt(
                  caller.map(Caller::principal),
                  caller.map(Caller::credential),
                  route.method(),
                  path,
                  status,
                  outcome,
                  client,
                  detail));
    } catch (RuntimeException e) {
      LOG.warn("could not log {} {} {} in the access log", route.method(), path, status, e);
    }
  }

  private void limit(Optional<Caller> caller, Context ctx) {
    String client = caller.map(c -> "credential:" + c.credential()).orElse("address:" + ctx.ip());
    int perMinute = caller.map(Caller::ratePerMinute).orElse(settings.anonymousPerMinute());
    OptionalLong wait = limiter.take(client, perMinute);
    if (wait.isPresent()) {
      throw new ApiException(
          429,
          "rate_limited",
          "more than "
              + perMinute
              + " requests a minute from this "
              + (caller.isPresent() ? "credential" : "address")
              + "; retry after "
              + wait.getAsLong()
              + " s",
          List.of(),
          Map.of("Retry-After", String.valueOf(wait.getAsLong())));
    }
  }

  private static void authorize(Route route, Optional<Caller> caller, boolean roles) {
    if (route.access() != Route.Access.AUTHENTICATED) {
      return;
    }
    if (caller.isEmpty()) {
      throw new ApiException(
          401,
          "authentication_required",
          route.method()
              + " "
              + route.path()
              + " needs credentials: an OAuth 2.0 bearer access token or an X-API-Key",
          List.of(),
          Map.of("WWW-Authenticate", "Bearer realm=\"ogcr\""));
    }
    route
        .scope()
        .filter(s -> !caller.get().grants(s))
        .ifPresent(
            s -> {
              throw new ApiException(
                  403,
                  "insufficient_scope",
                  route.method()
                      + " "
                      + route.path()
                      + " needs scope "
                      + s
                      + "; the credential grants "
                      + String.join(" ", new java.util.TreeSet<>(caller.get().scopes())),
                  List.of(),
                  Map.of(
                      "WWW-Authenticate",
                      "Bearer realm=\"ogcr\", error=\"insufficient_scope\", scope=\"" + s + "\""));
            });
    java.util.Set<org.ogcr.port.in.Role> declared = route.rule().roles();
    java.util.Set<org.ogcr.port.in.Role> held = caller.get().principal().roles();
    if (roles && !declared.isEmpty() && held.stream().noneMatch(declared::contains)) {
      throw new ApiException(
          403,
          "role_required",
          route.method()
              + " "
              + route.path()
              + " requires role "
              + String.join(
                  " or ", declared.stream().map(org.ogcr.port.in.Role::token).sorted().toList())
              + "; the principal holds "
              + held.stream().map(org.ogcr.port.in.Role::token).sorted().toList());
    }
  }

  private static String body(Context ctx) {
    try {
      return ctx.body();
    } catch (HttpResponseException e) {
      if (e.getStatus() == 413) {
        throw new ApiException(
            413,
            "body_too_large",
            "the body exceeds the registry's limit; send a smaller document");
      }
      throw e;
    }
  }

  /**
   * Runs the operation; a POST with an {@code Idempotency-Key} runs at most once per caller and
   * key, its reply recorded in the same transaction as its effects.
   */
  private Reply run(Route route, Call call, Optional<Caller> caller) {
    String key = call.header("Idempotency-Key");
    if (key == null || !route.isWrite() || caller.isEmpty()) {
      return answer(route, call);
    }
    if (!route.recordsReplies()) {
      throw ApiException.invalid(
          "/header/Idempotency-Key",
          "idempotency_unsupported",
          route.method() + " " + route.path() + " answers with a secret, which is never stored",
          "send it without Idempotency-Key; if the answer is lost, revoke and issue again");
    }
    // what makes two requests the same one: the credential that sent it (a replay never crosses
    // credentials, whose roles may differ), method, path, the headers that change a write, body
    String fingerprint =
        "sha256:"
            + sha256(
                String.join(
                    "\n",
                    caller.get().credential(),
                    route.method(),
                    call.path(),
                    String.valueOf(call.header("Slug")),
                    String.valueOf(call.header("If-Match")),
                    call.bodyOrEmpty()));
    IdempotentRequests.Outcome outcome =
        services
            .idempotency()
            .once(caller.get().principal(), key, fingerprint, () -> answer(route, call).recorded());
    Reply reply = Reply.of(outcome.response());
    return outcome.replayed() ? reply.withHeader("Idempotent-Replayed", "true") : reply;
  }

  /** The operation's reply, refusals included; anything else is the registry's failure. */
  private static Reply answer(Route route, Call call) {
    try {
      return route.operation().handle(call);
    } catch (ApiException e) {
      return Problems.of(e, call.path());
    } catch (DomainException e) {
      return Problems.of(e, call.path());
    }
  }

  /** A strong ETag over the representation's bytes; a matching If-None-Match answers 304. */
  private static Reply conditional(Context ctx, Reply reply) {
    String etag = etagOf(reply.body());
    Reply tagged = reply.withHeader("ETag", etag).withHeader("Cache-Control", "no-cache");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      return new Reply(304, "", "", tagged.headers());
    }
    return tagged;
  }

  /** A strong entity tag: the representation's SHA-256, base64url, quoted. */
  static String etagOf(String body) {
    return "\"" + base64Url(sha256Bytes(body)) + "\"";
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static void write(Context ctx, Reply reply) {
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    if (!reply.contentType().isEmpty()) {
      ctx.contentType(reply.contentType() + "; charset=utf-8");
    }
    ctx.result(reply.body().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(sha256Bytes(text));
  }

  private static byte[] sha256Bytes(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
