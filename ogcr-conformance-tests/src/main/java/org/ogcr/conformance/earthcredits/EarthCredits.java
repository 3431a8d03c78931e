package org.ogcr.conformance.earthcredits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ogcr.conformance.CannotTell;
import org.ogcr.conformance.Check;
import org.ogcr.conformance.ConformanceClass;
import org.ogcr.conformance.Context;
import org.ogcr.conformance.Http;

/**
 * Earth Credits (the registry function spec): the issuance formula, the buffer split, serial
 * numbers and the multi-key sign-off, on the spec's worked example (1,200 acres, ECI 0.74 with a
 * standard error of 0.0547, threat multiplier 0.55: 429 credits). The kit drives one issuance
 * through the routes this class's registries share: {@code PUT /projects/{id}/property-file} and
 * {@code POST /issuances} (operator), {@code POST /issuances/{id}/sign} (two officers, then an
 * auditor). Credentials: {@code operator}, {@code officer}, {@code second_officer}, {@code
 * auditor}.
 */
public final class EarthCredits extends ConformanceClass {

  private static final String RECORD_HASH =
      "1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1";

  @Override
  public String id() {
    return "earthcredits";
  }

  @Override
  public String sections() {
    return "registry function spec: issuance rules, review, lifecycle";
  }

  @Override
  public Optional<String> declaredBy() {
    return Optional.of("urn:ogcr:conformance:0.1:earth-credits");
  }

  /** What the kit saw while it took its issuance through sign-off. */
  private record Issued(
      String id,
      String propertyCode,
      String statusAfterTwoOfficers,
      int creditsAfterTwoOfficers,
      int secondSignatureBySameOfficer,
      JsonNode issuance,
      List<JsonNode> blocks) {}

  private Issued issued;

  /** Why the issuance could not be made, once it could not: the other tests say the same. */
  private CannotTell failed;

  /** The property code of this run: 3 letters and the run id's 8 hex digits, upper case. */
  private String propertyCode() {
    return "KIT" + registry.run().toUpperCase(Locale.ROOT);
  }

  private synchronized Issued issued() throws InterruptedException {
    if (issued != null) {
      return issued;
    }
    if (failed != null) {
      throw new CannotTell(failed.getMessage());
    }
    try {
      issued = issue();
      return issued;
    } catch (CannotTell e) {
      failed = e;
      throw e;
    }
  }

  private Issued issue() throws InterruptedException {
    registry.credentials().require("operator");
    registry.credentials().require("administrator");
    registry.credentials().require("officer");
    registry.credentials().require("second_officer");
    registry.credentials().require("auditor");
    registry.methodology("EC-M", "1.1.0", Context.resource("methodologies/ec-m-1.1.0.json"));
    String project = registry.newProjectId();
    ObjectNode pdd = Context.json(Context.resource("documents/valid/nulhegan-forest.pdd.json"));
    ObjectNode base = registry.pdd(project, 950);
    pdd.set("geometry", base.path("geometry"));
    ObjectNode props = (ObjectNode) pdd.path("properties");
    props.set("developer", base.path("properties").path("developer"));
    props.put("name", "Conformance kit property " + project);
    ((ObjectNode) props.path("earthCredits")).put("propertyCode", propertyCode());
    // the worked example's assessment covers last year: the crediting period starts then
    int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
    ((ObjectNode) props.path("creditingPeriod"))
        .put("start", year + "-01-01")
        .put("end", (year + 10) + "-01-01");
    setUp(
        registry.as("developer", "POST", "/projects", pdd.toString(), "Slug", project),
        "submitting the property's PDD",
        201);
    setUp(
        registry.as(
            "validator",
            "POST",
            "/projects/" + project + "/validate",
            "{\"reason\": \"conformance kit\", \"reviewedVersion\": 1}"),
        "validating the property",
        200);
    // the worked example's assessment, dated in the past
    ObjectNode mrv =
        Context.json(Context.resource("documents/valid/nulhegan-forest-2026.mrv.json"));
    ObjectNode m = (ObjectNode) mrv.path("properties");
    m.put("projectId", project);
    ((ObjectNode) m.path("monitoringPeriod"))
        .put("start", year + "-01-01")
        .put("end", (year + 1) + "-01-01");
    String verifiedOn = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    ((ObjectNode) m.path("verification"))
        .put("verifierId", registry.credentials().require("verifier").actor())
        .put("organisationId", registry.credentials().require("verifier").organisation())
        .put("date", verifiedOn);
    String report = project + "-" + year;
    setUp(
        registry.as(
            "developer",
            "POST",
            "/projects/" + project + "/monitoring",
            mrv.toString(),
            "Slug",
            report),
        "submitting the property's assessment",
        201);
    setUp(
        registry.as(
            "verifier",
            "POST",
            "/projects/" + project + "/monitoring/" + report + "/verify",
            "{\"outcome\": \"verified\", \"accreditationId\": \"KIT-ACC-1\", \"date\": \""
                + verifiedOn
                + "\", \"verifiedTonnesCo2e\": \"429\"}"),
        "verifying the assessment",
        200,
        202);
    setUp(
        registry.as(
            "operator",
            "PUT",
            "/projects/" + project + "/property-file",
            "{\"registeredRecordHash\": \""
                + RECORD_HASH
                + "\", \"wrapperEntityOperational\": true, \"openComplianceIssues\": 0,"
                + " \"treasury\": {\"beneficiaries\": [], \"stewardshipReserve\": \"20\","
                + " \"protocolFee\": \"5\"}}"),
        "filing the property's compliance record",
        200,
        201);
    String id = "kit-" + registry.run() + "-issuance";
    setUp(
        registry.as(
            "operator",
            "POST",
            "/issuances",
            "{\"id\": \""
                + id
                + "\", \"reportId\": \""
                + report
                + "\", \"attestedRecordHash\": \""
                + RECORD_HASH
                + "\"}"),
        "requesting the issuance",
        201);
    String sign = "/issuances/" + id + "/sign";
    String officer = "{\"capacity\": \"officer\"}";
    setUp(registry.as("officer", "POST", sign, officer), "the first officer's signature", 200);
    int twice = registry.as("officer", "POST", sign, officer).status();
    setUp(
        registry.as("second_officer", "POST", sign, officer),
        "the second officer's signature",
        200);
    String statusAfterTwo =
        setUp(registry.anonymous("GET", "/issuances/" + id, null), "reading the issuance", 200)
            .json()
            .path("status")
            .asText();
    int creditsAfterTwo = blocks(project).size();
    Http.Response auditor = registry.as("auditor", "POST", sign, "{\"capacity\": \"auditor\"}");
    if (!"issued".equalsIgnoreCase(statusAfterTwo)) {
      // issued already after two signatures is for the sign-off test to report
      setUp(auditor, "the auditor's signature", 200, 202);
    }
    JsonNode issuance =
        setUp(registry.anonymous("GET", "/issuances/" + id, null), "reading the issuance", 200)
            .json();
    return new Issued(
        id, propertyCode(), statusAfterTwo, creditsAfterTwo, twice, issuance, blocks(project));
  }

  private List<JsonNode> blocks(String project) {
    List<JsonNode> all = new ArrayList<>();
    Http.Response r =
        setUp(
            registry.anonymous("GET", "/credits?limit=1000&projectId=" + project, null),
            "listing the property's credits",
            200);
    Context.items(r.json()).forEach(all::add);
    all.sort(Comparator.comparingLong(b -> b.path("first").asLong()));
    return all;
  }

  @Check(
      requirement = "EC issuance formula",
      purpose =
          "Credits = verified acres x ECI_conservative x threat multiplier x methodology"
              + " constant, with ECI_conservative = ECI - 1.645 SE, rounded down to whole credits.",
      method =
          "Issue the worked example (1,200 acres, ECI 0.74, SE 0.0547, threat 0.55, constant 1.0):"
              + " the issuance holds 429 credits.",
      whenItFails = "the issuance formula and its rounding")
  public void optional_EC_theWorkedExampleIssues429Credits() throws Exception {
    JsonNode split = issued().issuance().path("split");
    if (split.isMissingNode()) {
      throw new CannotTell("the issuance shows no split of its credits");
    }
    require(
        split.path("total").asLong() == 429,
        "the worked example issues 429 credits; the issuance holds " + split.path("total"));
  }

  @Check(
      requirement = "EC buffer split",
      purpose =
          "A share of every issuance, at the methodology's rate for the property's risk tier,"
              + " goes to the buffer pool against reversals; the split loses and adds nothing.",
      method =
          "The issuance's owner and buffer shares add up to its total; the buffer share is the"
              + " total times EC-M 1.1.0's moderate rate (0.08), rounded to a whole credit; the"
              + " issued blocks hold the buffer share in the buffer pool's account.",
      whenItFails = "the buffer allocation")
  public void optional_EC_theBufferShareIsTheTiersRateAndNothingIsLost() throws Exception {
    Issued i = issued();
    JsonNode split = i.issuance().path("split");
    if (!split.path("buffer").isNumber() || !split.path("owner").isNumber()) {
      throw new CannotTell("the issuance shows no owner and buffer shares of its credits");
    }
    long total = split.path("total").asLong();
    long owner = split.path("owner").asLong();
    long buffer = split.path("buffer").asLong();
    require(
        owner + buffer == total, "owner " + owner + " + buffer " + buffer + " = total " + total);
    BigDecimal exact = new BigDecimal(total).multiply(new BigDecimal("0.08"));
    long low = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
    long high = exact.setScale(0, RoundingMode.CEILING).longValueExact();
    require(
        buffer >= low && buffer <= high,
        "the buffer share is 8 % of " + total + " (" + exact + ") rounded; it is " + buffer);
    String pool = i.issuance().path("bufferPool").asText("");
    long inPool =
        i.blocks().stream()
            .filter(b -> b.path("owner").asText().equals(pool))
            .mapToLong(b -> b.path("quantity").asLong())
            .sum();
    require(inPool == buffer, "the buffer pool's account holds " + inPool + ", not " + buffer);
  }

  @Check(
      requirement = "EC serial numbers",
      purpose = "Every credit has one serial number; an issuance's serials run 1 to its total.",
      method =
          "The issued blocks, in serial order, tile 1 to 429 with no gap or overlap, and the first"
              + " serial reads EC-<vintage>-<sequence>-<property code>-001.",
      whenItFails = "serial numbering and block allocation")
  public void optional_EC_serialsTileTheIssuanceWithoutGapOrOverlap() throws Exception {
    Issued i = issued();
    long next = 1;
    for (JsonNode b : i.blocks()) {
      require(
          b.path("first").asLong() == next,
          "blocks tile the serials: expected one to start at " + next + ", got " + b);
      next = b.path("last").asLong() + 1;
    }
    long total = i.issuance().path("split").path("total").asLong();
    require(
        next - 1 == total, "the serials end at the total " + total + "; they end at " + (next - 1));
    String first = i.blocks().get(0).path("firstSerial").asText();
    require(
        first.matches("EC-\\d{4}-\\d{4}-" + i.propertyCode() + "-0*1"),
        "the first serial reads EC-<vintage>-<sequence>-"
            + i.propertyCode()
            + "-001; it is "
            + first);
  }

  @Check(
      requirement = "EC replacement credits",
      purpose =
          "Credits lost after issuance (a catastrophic event) are invalidated and replaced from the"
              + " buffer pool, so a holder keeps what it held and no credit appears or vanishes.",
      method =
          "The developer transfers units 1 to 10 to holder.account; the administrator invalidates"
              + " them: those units read invalidated; the holder holds 10 replacement units"
              + " (isReplacement);"
              + " the buffer pool holds 10 fewer; the issuance's blocks still add up to its total.",
      whenItFails = "invalidation, the buffer draw and replacement blocks")
  public void optional_EC_lostCreditsAreReplacedFromTheBufferPool() throws Exception {
    Issued i = issued();
    String project = i.issuance().path("projectId").asText();
    String owner = i.issuance().path("owner").asText();
    String pool = i.issuance().path("bufferPool").asText();
    long total = i.issuance().path("split").path("total").asLong();
    // the pool insures holders: units 1-10 first go to a holder's account
    String holder =
        registry
            .credentials()
            .setting("holder.account")
            .orElseThrow(
                () -> CannotTell.notTested("the credentials file names no holder.account"));
    setUp(
        registry.as(
            "developer",
            "POST",
            "/credits/transfer",
            "{\"issuanceId\": \""
                + i.id()
                + "\", \"first\": 1, \"last\": 10, \"from\": \""
                + owner
                + "\", \"to\": \""
                + holder
                + "\"}"),
        "the developer's transfer of units 1-10 to holder.account",
        200,
        201);
    long poolBefore = held(blocks(project), pool);
    long holderReplacementsBefore = replacements(blocks(project), holder);
    status(
        registry.as(
            "administrator",
            "POST",
            "/credits/invalidate",
            "{\"issuanceId\": \""
                + i.id()
                + "\", \"first\": 1, \"last\": 10, \"reason\": \"conformance kit: a"
                + " simulated loss\"}"),
        "invalidating units 1-10",
        200,
        201);
    List<JsonNode> after = blocks(project);
    long invalidated =
        after.stream()
            .filter(b -> "invalidated".equalsIgnoreCase(b.path("status").asText()))
            .filter(b -> b.path("first").asLong() >= 1 && b.path("last").asLong() <= 10)
            .mapToLong(b -> b.path("quantity").asLong())
            .sum();
    require(invalidated == 10, "units 1-10 read invalidated; " + invalidated + " do");
    require(
        replacements(after, holder) - holderReplacementsBefore == 10,
        "the holder holds 10 more replacement units; it holds "
            + (replacements(after, holder) - holderReplacementsBefore));
    require(
        held(after, pool) == poolBefore - 10,
        "the buffer pool holds 10 fewer units: " + poolBefore + " before, " + held(after, pool));
    long sum = after.stream().mapToLong(b -> b.path("quantity").asLong()).sum();
    require(
        sum == total, "the issuance's blocks still add up to " + total + "; they add up to " + sum);
  }

  /** Units of {@code account} not retired or invalidated. */
  private static long held(List<JsonNode> blocks, String account) {
    return blocks.stream()
        .filter(b -> b.path("owner").asText().equals(account))
        .filter(
            b ->
                !"invalidated".equalsIgnoreCase(b.path("status").asText())
                    && !"retired".equalsIgnoreCase(b.path("status").asText()))
        .mapToLong(b -> b.path("quantity").asLong())
        .sum();
  }

  private static long replacements(List<JsonNode> blocks, String account) {
    return blocks.stream()
        .filter(b -> b.path("owner").asText().equals(account))
        .filter(b -> b.path("isReplacement").asBoolean())
        .mapToLong(b -> b.path("quantity").asLong())
        .sum();
  }

  @Check(
      requirement = "EC multi-key sign-off",
      purpose =
          "No credit exists until two officers and one audit committee member have signed, and"
              + " one officer cannot sign twice.",
      method =
          "After two officers' signatures the issuance is not issued and the property has no"
              + " credits; the first officer's second signature is refused; after the auditor's it"
              + " is issued.",
      whenItFails = "the sign-off policy")
  public void optional_EC_creditsExistOnlyAfterTwoOfficersAndAnAuditor() throws Exception {
    Issued i = issued();
    require(
        !"issued".equalsIgnoreCase(i.statusAfterTwoOfficers()),
        "two officers' signatures do not issue; the issuance read " + i.statusAfterTwoOfficers());
    require(
        i.creditsAfterTwoOfficers() == 0,
        "no credit exists before the auditor signs; "
            + i.creditsAfterTwoOfficers()
            + " blocks did");
    require(
        i.secondSignatureBySameOfficer() == 400
            || i.secondSignatureBySameOfficer() == 403
            || i.secondSignatureBySameOfficer() == 409
            || i.secondSignatureBySameOfficer() == 422,
        "an officer's second signature is refused; it was answered "
            + i.secondSignatureBySameOfficer());
    require(
        "issued".equalsIgnoreCase(i.issuance().path("status").asText()),
        "the auditor's signature issues; the issuance reads " + i.issuance().path("status"));
  }
}
