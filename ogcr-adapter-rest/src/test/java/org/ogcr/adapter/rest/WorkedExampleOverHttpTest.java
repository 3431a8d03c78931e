package org.ogcr.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.adapter.rest.ApiFixture.example;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry function spec's worked example, every step over HTTP: a project is submitted and
 * validated, its report verified, the issuance signed off, 429 credits issued (394 to the property,
 * 35 to the buffer pool), 100 sold and 40 retired by serial number, and the audit chain verifies.
 */
class WorkedExampleOverHttpTest {

  private final ApiFixture api = new ApiFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theWorkedExampleRunsOverHttp() {
    assertThat(
            api.post("/methodologies", "admin-ann", example("methodologies/ec-m-1.1.0.json"))
                .status)
        .isEqualTo(201);

    ApiFixture.Response submitted =
        api.post(
            "/projects",
            "dev-alice",
            example("documents/valid/nulhegan-forest.pdd.json"),
            "Slug",
            "nulhegan-forest");
    assertThat(submitted.status).as(submitted.body).isEqualTo(201);
    assertThat(submitted.header("Location")).contains("/projects/nulhegan-forest");
    assertThat(submitted.json().path("status").asText()).isEqualTo("submitted");
    assertThat(submitted.json().path("receipt").asText()).hasSize(64);

    ApiFixture.Response read = api.get("/projects/nulhegan-forest", null);
    assertThat(read.status).isEqualTo(200);
    String etag = read.header("ETag").orElseThrow();
    assertThat(api.get("/projects/nulhegan-forest", null, "If-None-Match", etag).status)
        .isEqualTo(304);

    ApiFixture.Response validated =
        api.post(
            "/projects/nulhegan-forest/validate",
            "val-vera",
            "{\"reason\": \"boundary and easement checked\", \"reviewedVersion\": 1}");
    assertThat(validated.status).as(validated.body).isEqualTo(200);
    assertThat(validated.json().path("status").asText()).isEqualTo("validated");
    ApiFixture.Response changed = api.get("/projects/nulhegan-forest", null, "If-None-Match", etag);
    assertThat(changed.status).as("a write changes the ETag").isEqualTo(200);

    ApiFixture.Response report =
        api.post(
            "/projects/nulhegan-forest/monitoring",
            "dev-alice",
            example("documents/valid/nulhegan-forest-2026.mrv.json"),
            "Slug",
            "nulhegan-forest-2026");
    assertThat(report.status).as(report.body).isEqualTo(201);

    ApiFixture.Response verified =
        api.post(
            "/projects/nulhegan-forest/monitoring/nulhegan-forest-2026/verify",
            "ver-bob",
            "{\"outcome\": \"verified\", \"accreditationId\": \"ACC-2026-117\", \"date\":"
                + " \"2027-02-15\", \"verifiedTonnesCo2e\": \"429\"}");
    assertThat(verified.status).as(verified.body).isEqualTo(202);
    String task = verified.header("Location").orElseThrow();
    JsonNode taskState = api.get(task, "ver-bob").json();
    assertThat(taskState.path("kind").asText()).isEqualTo("ledger-anchoring");
    assertThat(taskState.path("status").asText()).isEqualTo("succeeded");

    ApiFixture.Response filed =
        api.send(
            "PUT",
            "/projects/nulhegan-forest/property-file",
            "admin-ann",
            "{\"registeredRecordHash\":"
                + " \"1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1\","
                + " \"wrapperEntityOperational\": true, \"openComplianceIssues\": 0,"
                + " \"treasury\": {\"beneficiaries\": [], \"stewardshipReserve\": \"20\","
                + " \"protocolFee\": \"5\"}}");
    assertThat(filed.status).as(filed.body).isEqualTo(200);

    ApiFixture.Response requested =
        api.post(
            "/issuances",
            "admin-ann",
            "{\"id\": \"nulhegan-2026\", \"reportId\": \"nulhegan-forest-2026\","
                + " \"attestedRecordHash\":"
                + " \"1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1\"}");
    assertThat(requested.status).as(requested.body).isEqualTo(201);
    assertThat(requested.json().path("status").asText()).isEqualTo("proposed");
    assertThat(
            api.post("/issuances/nulhegan-2026/sign", "off-olga", "{\"capacity\": \"officer\"}")
                .status)
        .isEqualTo(200);
    assertThat(
            api.post("/issuances/nulhegan-2026/sign", "off-oscar", "{\"capacity\": \"officer\"}")
                .status)
        .isEqualTo(200);
    ApiFixture.Response issued =
        api.post("/issuances/nulhegan-2026/sign", "aud-ada", "{\"capacity\": \"auditor\"}");
    // the last signature issues the credits; the ledger's mint follows, as a task
    assertThat(issued.status).as(issued.body).isEqualTo(202);
    assertThat(issued.json().path("status").asText()).isEqualTo("issued");
    String minting = issued.header("Location").orElseThrow();
    assertThat(issued.json().path("task").asText()).isEqualTo(minting);
    assertThat(api.get(minting, "aud-ada").json().path("status").asText()).isEqualTo("succeeded");
    assertThat(issued.json().path("split").path("owner").asLong()).isEqualTo(394);
    assertThat(issued.json().path("split").path("buffer").asLong()).isEqualTo(35);

    JsonNode credits = api.get("/credits?projectId=nulhegan-forest", null).json();
    assertThat(credits.path("total").asLong()).isEqualTo(2);
    assertThat(credits.path("items").get(0).path("firstSerial").asText())
        .isEqualTo("EC-2026-0001-NULHEGAN-001");

    assertThat(api.post("/accounts", "buyer-bea", "{\"id\": \"acme-main\"}").status).isEqualTo(201);
    ApiFixture.Response sold =
        api.post(
            "/credits/sell",
            "dev-alice",
            "{\"issuanceId\": \"nulhegan-2026\", \"first\": 1, \"last\": 100, \"from\":"
                + " \"property:nulhegan-forest\", \"to\": \"acme-main\", \"price\": {\"amount\":"
                + " \"2500.00\", \"currency\": \"USD\"}}");
    assertThat(sold.status).as(sold.body).isEqualTo(200);
    BigDecimal allocated = BigDecimal.ZERO;
    for (JsonNode a : sold.json().path("sale").path("allocations")) {
      allocated = allocated.add(new BigDecimal(a.path("amount").path("amount").asText()));
    }
    assertThat(allocated).isEqualByComparingTo("2500.00");

    ApiFixture.Response retired =
        api.post(
            "/credits/EC-2026-0001-NULHEGAN-001/retire",
            "buyer-bea",
            "{\"from\": \"acme-main\", \"through\": \"EC-2026-0001-NULHEGAN-040\", \"reason\":"
                + " \"2026 operational emissions claim\", \"beneficiary\": \"Acme Climate Ltd\"}");
    assertThat(retired.status).as(retired.body).isEqualTo(200);
    assertThat(retired.json().path("kind").asText()).isEqualTo("retired");
    assertThat(retired.json().path("quantity").asLong()).isEqualTo(40);

    JsonNode retiredCredits = api.get("/credits?owner=acme-main&status=retired", null).json();
    assertThat(retiredCredits.path("items")).hasSize(1);
    assertThat(retiredCredits.path("items").get(0).path("lastSerial").asText())
        .isEqualTo("EC-2026-0001-NULHEGAN-040");

    JsonNode events = api.get("/credits/events?issuanceId=nulhegan-2026", null).json();
    assertThat(events.path("items"))
        .extracting(e -> e.path("kind").asText())
        .contains("issued", "sold", "retired");

    ApiFixture.Response chain = api.get("/audit/verification", "admin-ann");
    assertThat(chain.json().path("intact").asBoolean()).as(chain.body).isTrue();
  }
}
