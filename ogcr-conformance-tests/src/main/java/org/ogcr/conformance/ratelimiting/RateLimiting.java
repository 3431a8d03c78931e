package org.ogcr.conformance.ratelimiting;

import java.util.Optional;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Rate limiting (OGCR 4.5.4). Runs last: it spends the kit's anonymous quota. */
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

  @Override
  public Optional<String> declaredBy() {
    return Optional.of("urn:ogcr:conformance:0.1:rate-limits");
  }

  @Check(
      requirement = "4.5.4 429 with Retry-After",
      purpose = "A client that sends too much learns it, and when to try again.",
      method =
          "GET /conformance without credentials until refused (at most 5,000 requests): 429 with"
              + " a Retry-After of whole seconds, as a problem.",
      whenItFails = "the rate limiter of anonymous requests")
  public void optional_4_5_4_tooManyRequestsAreRefusedWithRetryAfter() {
    for (int i = 0; i < MOST; i++) {
      Http.Response r = registry.anonymous("GET", "/conformance", null);
      if (r.status() == 429) {
        String after = r.header("Retry-After").orElse("");
        require(
            after.matches("\\d+"), "a 429 carries Retry-After in seconds; it was '" + after + "'");
        problem(r);
        return;
      }
      status(r, "GET /conformance", 200);
    }
    throw new org.ogcr.conformance.Failed(
        MOST + " requests in a row from one client were all answered: no rate limit");
  }
}
