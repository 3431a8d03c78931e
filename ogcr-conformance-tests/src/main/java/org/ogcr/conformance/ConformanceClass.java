package org.ogcr.conformance;

import java.util.Arrays;
import java.util.Optional;

/**
 * A conformance class: the tests of one part of the spec, in a package of its own. Its tests are
 * its public methods annotated {@link Check}, run in name order, each independent of the others.
 */
public abstract class ConformanceClass {

  /** The registry under test and the kit's credentials; set before the tests run. */
  protected Context registry;

  /** Binds the class to the registry under test; the runner calls it before the tests. */
  public void bind(Context context) {
    this.registry = context;
  }

  /** A short id, e.g. {@code monitoring}. */
  public abstract String id();

  /** The spec sections it covers, e.g. {@code OGCR 4.2.2}. */
  public abstract String sections();

  /**
   * The {@code /conformance} URN that declares this optional class; empty for a class every
   * registry must pass.
   */
  public Optional<String> declaredBy() {
    return Optional.empty();
  }

  // ----- verdicts

  /** Fails the test unless {@code holds}. */
  protected static void require(boolean holds, String requirement) {
    if (!holds) {
      throw new Failed(requirement);
    }
  }

  /** Fails the test unless the response has one of {@code statuses}. */
  protected static Http.Response status(Http.Response r, String what, int... statuses) {
    if (Arrays.stream(statuses).noneMatch(s -> s == r.status())) {
      throw new Failed(
          what
              + ": expected HTTP "
              + (statuses.length == 1 ? statuses[0] : Arrays.toString(statuses))
              + ", got "
              + r.status());
    }
    return r;
  }

  /**
   * A precondition: the registry must answer a setup request with one of {@code statuses}, else the
   * test cannot tell (the requirement under test was not reached).
   */
  protected static Http.Response setUp(Http.Response r, String what, int... statuses) {
    if (Arrays.stream(statuses).noneMatch(s -> s == r.status())) {
      String detail = r.json().path("detail").asText("");
      throw new CannotTell(
          what
              + " was answered "
              + r.status()
              + (detail.isEmpty() ? "" : " (" + detail + ")")
              + ", so the check was not reached");
    }
    return r;
  }

  /** The conformance class of RFC 9457 problem details, which the reference registry declares. */
  public static final String PROBLEM_DETAILS = "urn:ogcr:conformance:0.1:problem-details";

  /**
   * Fails unless the response is an error of the uniform structure OGCR 4.1 asks for: a status, a
   * machine-readable identifier and a human-readable message. A registry that declares {@link
   * #PROBLEM_DETAILS} must answer RFC 9457 problems: {@code application/problem+json} with a {@code
   * type}, a {@code title} and the response's {@code status}.
   */
  protected void problem(Http.Response r) {
    var json = r.json();
    if (!registry.declares(PROBLEM_DETAILS)) {
      require(json.isObject(), "an error has a structured (JSON) body; it was '" + r.body() + "'");
      require(
          json.has("type") || json.has("code") || json.has("error"),
          "an error carries a machine-readable identifier (type, code or error)");
      require(
          json.has("detail") || json.has("message") || json.has("title"),
          "an error carries a human-readable message (detail, message or title)");
      return;
    }
    String type = r.header("Content-Type").orElse("");
    require(
        type.startsWith("application/problem+json"),
        "an error is an RFC 9457 problem (application/problem+json); Content-Type was '"
            + type
            + "'");
    require(json.path("type").isTextual(), "a problem names its type (a URI)");
    require(json.path("title").isTextual(), "a problem has a human-readable title");
    require(
        json.path("status").asInt() == r.status(),
        "a problem's status (" + json.path("status") + ") is the response's (" + r.status() + ")");
  }
}
