package org.ogcr.conformance.async;

import java.util.Locale;
import java.util.Optional;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Http;

/** Asynchronous operations (OGCR 4.5.3): a task for a long operation, and its status. */
public final class AsynchronousOperations extends ConformanceClass {

  @Override
  public String id() {
    return "async";
  }

  @Override
  public String sections() {
    return "OGCR 4.5.3";
  }

  @Override
  public Optional<String> declaredBy() {
    return Optional.of("urn:ogcr:conformance:0.1:async-tasks");
  }

  @Check(
      requirement = "4.5.3 task identifier and status",
      purpose =
          "A client follows a verification the registry completes later (ledger anchoring) to its"
              + " outcome.",
      method =
          "Verify a report as the verifier: 202 with a Location; GET it until its status is final"
              + " (at most 60 s): it reads succeeded.",
      whenItFails = "the verification route's task and the task status route")
  public void optional_4_5_3_verificationAnswersATaskThatCompletes() throws Exception {
    Http.Response verify = registry.verify("verifier", registry.submittedReport());
    status(verify, "verifying a report", 202);
    String task = verify.header("Location").orElse("");
    require(!task.isEmpty(), "a 202 names its task in Location");
    long deadline = System.nanoTime() + 60_000_000_000L;
    String state = "";
    while (System.nanoTime() < deadline) {
      Http.Response t = status(registry.as("verifier", "GET", task, null), "GET the task", 200);
      state = t.json().path("status").asText().toLowerCase(Locale.ROOT);
      require(!state.isEmpty(), "a task reports its status");
      if (state.equals("succeeded") || state.equals("failed")) {
        break;
      }
      Thread.sleep(1000);
    }
    if (!state.equals("succeeded") && !state.equals("failed")) {
      throw new org.ogcr.conformance.CannotTell(
          "the task did not finish within 60 s; it reads '" + state + "'");
    }
    require(
        state.equals("succeeded"), "the verification's task succeeds; it reads '" + state + "'");
  }
}
