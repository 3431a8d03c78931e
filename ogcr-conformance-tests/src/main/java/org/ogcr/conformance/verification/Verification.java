package org.ogcr.conformance.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.ogcr.conformance.CannotTell;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Context;
import org.ogcr.conformance.Http;

/** Verification (OGCR 4.2.2): an authorised verifier's decision on a report. */
public final class Verification extends ConformanceClass {

  @Override
  public String id() {
    return "verification";
  }

  @Override
  public String sections() {
    return "OGCR 4.2.2";
  }

  /** The report once its status is no longer submitted (a decision may complete later). */
  private JsonNode decided(Context.Report report) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode r = null;
    while (System.nanoTime() < deadline) {
      r = status(registry.as("verifier", "GET", report.path(), null), "GET the report", 200).json();
      if (!"submitted".equalsIgnoreCase(r.path("status").asText())) {
        return r;
      }
      Thread.sleep(1000);
    }
    throw new CannotTell("the decision was not reflected in the report within 30 s");
  }

  @Check(
      requirement = "4.2.2 verification decision",
      purpose =
          "A verifier's decision updates the report's status and records the verified quantity in"
              + " tonnes CO2e, which issuance then uses.",
      method =
          "Verify a submitted report claiming 2844.5 t as the verifier with 2800 t: accepted"
              + " (200, 201 or 202); the report then reads verified and records 2800.",
      whenItFails = "the verify route and the report's representation")
  public void required_4_2_2_aDecisionRecordsTheStatusAndTheQuantity() throws Exception {
    Context.Report report = registry.submittedReport();
    status(registry.verify("verifier", report), "verifying a report", 200, 201, 202);
    JsonNode r = decided(report);
    require(
        "verified".equals(r.path("status").asText().toLowerCase(Locale.ROOT)),
        "a verified report reads verified; it reads " + r.path("status"));
    List<JsonNode> recorded = r.findValues("verifiedTonnesCo2e");
    if (recorded.isEmpty()) {
      throw new CannotTell(
          "the report shows no verifiedTonnesCo2e, so the quantity cannot be read");
    }
    require(
        recorded.stream()
            .anyMatch(v -> new BigDecimal(v.asText("0")).compareTo(new BigDecimal("2800")) == 0),
        "the verified quantity is recorded as decided (2800, below the report's 2844.5); it reads "
            + recorded);
  }

  @Check(
      requirement = "4.2.2 one decision per report",
      purpose = "A verified report cannot be decided again, so its quantity cannot change.",
      method = "Verify a report, then verify it again: the second is refused with a problem.",
      whenItFails = "the report lifecycle's transitions")
  public void required_4_2_2_aVerifiedReportIsNotVerifiedAgain() throws Exception {
    Context.Report report = registry.submittedReport();
    status(registry.verify("verifier", report), "verifying a report", 200, 201, 202);
    decided(report);
    Http.Response again = registry.verify("verifier", report);
    status(again, "verifying the same report again", 400, 409, 422);
    problem(again);
  }
}
