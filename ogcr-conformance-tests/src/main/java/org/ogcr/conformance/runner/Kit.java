package org.ogcr.conformance.runner;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ogcr.conformance.CannotTell;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Context;
import org.ogcr.conformance.Credentials;
import org.ogcr.conformance.Failed;
import org.ogcr.conformance.Http;
import org.ogcr.conformance.Outcome;
import org.ogcr.conformance.Result;
import org.ogcr.conformance.async.AsynchronousOperations;
import org.ogcr.conformance.caching.Caching;
import org.ogcr.conformance.collections.Collections;
import org.ogcr.conformance.core.Core;
import org.ogcr.conformance.credits.Credits;
import org.ogcr.conformance.earthcredits.EarthCredits;
import org.ogcr.conformance.monitoring.Monitoring;
import org.ogcr.conformance.projects.Projects;
import org.ogcr.conformance.ratelimiting.RateLimiting;
import org.ogcr.conformance.security.Security;
import org.ogcr.conformance.validation.Validation;
import org.ogcr.conformance.verification.Verification;

/**
 * Runs the conformance classes against one registry: reads its {@code /conformance} declaration,
 * runs every required class and every optional class it declares, and reports each test's outcome
 * as it goes.
 */
public final class Kit {

  /**
   * Every class, in the order they run. Rate limiting runs last: it spends the anonymous quota of
   * the kit's address.
   */
  static List<ConformanceClass> classes() {
    return List.of(
        new Core(),
        new Projects(),
        new Monitoring(),
        new Verification(),
        new Credits(),
        new Validation(),
        new Security(),
        new Collections(),
        new Caching(),
        new AsynchronousOperations(),
        new EarthCredits(),
        new RateLimiting());
  }

  private final String baseUrl;
  private final Credentials credentials;
  private final PrintStream progress;
  private Http http;

  public Kit(String baseUrl, Credentials credentials, PrintStream progress) {
    this.baseUrl = baseUrl;
    this.credentials = credentials;
    this.progress = progress;
  }

  /** Runs the classes named in {@code only} (all when empty). */
  public List<Result> run(Set<String> only) {
    Http http = new Http(baseUrl);
    Set<String> declared = new HashSet<>();
    Http.Response conformance = http.send(java.util.Optional.empty(), "GET", "/conformance", null);
    if (conformance.status() != 200 || !conformance.json().path("conformsTo").isArray()) {
      throw new CannotTell(
          "GET /conformance was answered "
              + conformance.status()
              + " without a conformsTo list, so the kit cannot tell which optional classes to run");
    }
    for (var urn : conformance.json().path("conformsTo")) {
      declared.add(urn.asText());
    }
    Context context = new Context(http, credentials, declared);
    this.http = http;
    List<Result> results = new ArrayList<>();
    for (ConformanceClass c : classes()) {
      if (!only.isEmpty() && !only.contains(c.id())) {
        continue;
      }
      c.bind(context);
      progress.println(c.id() + " (" + c.sections() + ")");
      List<Method> tests = new ArrayList<>();
      for (Method m : c.getClass().getMethods()) {
        if (m.isAnnotationPresent(Check.class)) {
          tests.add(m);
        }
      }
      tests.sort(Comparator.comparing(Method::getName));
      boolean undeclared = c.declaredBy().isPresent() && !declared.contains(c.declaredBy().get());
      for (Method m : tests) {
        Result r =
            undeclared
                ? new Result(
                    c.id(),
                    m.getName(),
                    m.getAnnotation(Check.class),
                    Outcome.NOT_TESTED,
                    "the registry does not declare " + c.declaredBy().get() + " in /conformance",
                    0,
                    List.of())
                : redacted(run(c, m, http));
        results.add(r);
        progress.println(
            "  "
                + String.format("%-11s", r.outcome())
                + " "
                + r.test()
                + (r.outcome() == Outcome.PASS ? "" : ": " + r.message()));
      }
    }
    return results;
  }

  /** The result with every credential of the run left out of its message. */
  private Result redacted(Result r) {
    return new Result(
        r.conformanceClass(),
        r.test(),
        r.check(),
        r.outcome(),
        http.redacted(r.message()),
        r.millis(),
        r.exchanges());
  }

  private static Result run(ConformanceClass c, Method m, Http http) {
    http.startTest();
    long t0 = System.nanoTime();
    Outcome outcome;
    String message;
    try {
      m.invoke(c);
      outcome = Outcome.PASS;
      message = "";
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Failed f) {
        outcome = Outcome.FAIL;
        message = f.getMessage();
      } else if (cause instanceof CannotTell t) {
        outcome = t.notTested() ? Outcome.NOT_TESTED : Outcome.CANNOT_TELL;
        message = t.getMessage();
      } else {
        outcome = Outcome.CANNOT_TELL;
        message = "unexpected error: " + cause;
      }
    } catch (ReflectiveOperationException e) {
      outcome = Outcome.CANNOT_TELL;
      message = "the kit cannot run this test: " + e;
    }
    return new Result(
        c.id(),
        m.getName(),
        m.getAnnotation(Check.class),
        outcome,
        message,
        (System.nanoTime() - t0) / 1_000_000,
        outcome == Outcome.PASS ? List.of() : http.exchanges());
  }
}
