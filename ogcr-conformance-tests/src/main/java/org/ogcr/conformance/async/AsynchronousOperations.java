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
    String project = registry.validatedProject();
    Http.Response report =
        setUp(
            registry.as(
                "developer",
                "POST",
                "/projects/" + project + "/monitoring",
                registry.mrv(project, "2026-01-01", "2026-04-01").toString()),
            "submitting a report",
            201);
    String reportId = report.json().path("id").asText();
    Http.Response verify =
        registry.as(
            "verifier",
            "POST",
            "/projects/" + project + "/monitoring/" + reportId + "/verify",
            "{\"outcome\": \"verified\", \"accreditationId\": \"KIT-ACC-1\", \"date\":"
                + " \"2026-04-01\", \"verifiedTonnesCo2e\": 2844.5, \"reason\": \"conformance"
                + " kit\"}");
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
      Thread.sleep(250);
    }
    require(
        state.equals("succeeded"), "the verification's task succeeds; it reads '" + state + "'");
  }
}
