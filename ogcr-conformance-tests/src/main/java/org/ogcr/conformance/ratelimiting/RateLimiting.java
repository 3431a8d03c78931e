package org.ogcr.conformance.ratelimiting;

import java.util.Optional;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/**
 * Rate limiting (OGCR 4.5.4: the API SHALL enforce rate limits). Runs last: it spends the kit's
 * anonymous quota.
 */
public final class RateLimiting extends ConformanceClass {

  /** The most requests sent looking for the limit. */
  private static final int MOST = 5_000;

  @Override
  public String id() {
    return "ratelimiting";
  }

  @Override
  public String sections() {
    return "OGCR 4.5.4";
  }

  @Check(
      requirement = "4.5.4 429 with Retry-After",
      purpose = "A client that sends too much learns it, and when to try again.",
      method =
          "GET /conformance without credentials until refused (at most 5,000 requests): 429 with"
              + " a Retry-After (seconds or an HTTP date), as an error of the uniform structure.",
      whenItFails = "the rate limiter of anonymous requests")
  public void required_4_5_4_tooManyRequestsAreRefusedWithRetryAfter() {
    for (int i = 0; i < MOST; i++) {
      // sent once each: this test wants the 429 the others wait out
      Http.Response r = registry.http().sendOnce(Optional.empty(), "GET", "/conformance", null);
      if (r.status() == 429) {
        String after = r.header("Retry-After").orElse("");
        require(
            after.matches("\\d+") || httpDate(after),
            "a 429 carries Retry-After, in seconds or as an HTTP date; it was '" + after + "'");
        problem(r);
        return;
      }
      status(r, "GET /conformance", 200);
    }
    throw new org.ogcr.conformance.Failed(
        MOST + " requests in a row from one client were all answered: no rate limit");
  }

  private static boolean httpDate(String value) {
    try {
      java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
