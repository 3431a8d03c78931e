package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.application.TestRegistry.ALICE;
import static org.ogcr.application.TestRegistry.AUDITOR;
import static org.ogcr.application.TestRegistry.BOB;
import static org.ogcr.application.TestRegistry.BUYER;
import static org.ogcr.application.TestRegistry.CAROL;
import static org.ogcr.application.TestRegistry.OFFICER_1;
import static org.ogcr.application.TestRegistry.OFFICER_2;
import static org.ogcr.application.TestRegistry.OPERATOR;
import static org.ogcr.application.TestRegistry.VALIDATOR;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.credit.SupplyTally;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Payee;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.port.in.CreditUseCases.InvalidateCredits;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.RetireCredits;
import org.ogcr.port.in.CreditUseCases.SaleResult;
import org.ogcr.port.in.CreditUseCases.SellCredits;
import org.ogcr.port.in.IssuanceUseCases.FileProperty;
import org.ogcr.port.in.IssuanceUseCases.RequestIssuance;
import org.ogcr.port.in.IssuanceUseCases.ReviewIssuance;
import org.ogcr.port.in.IssuanceUseCases.SignIssuance;
import org.ogcr.port.in.MonitoringUseCases.SubmitReport;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.CreditView;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.LedgerOutbox;

/**
 * The worked example of the registry function spec end to end over the in-memory adapters: 1,200
 * acres, ECI 0.74 ± 0.0547, threat 0.55 → 429 credits, 35 to the buffer pool at the moderate 8 %,
 * serials 001 to 429, a partial sale, a partial retirement and a catastrophic loss.
 */
class CreditLifecycleTest {

  static final ProjectId NULHEGAN = new ProjectId("nulhegan-forest");
  static final ReportId REPORT = new ReportId("nulhegan-forest-2026");
  static final IssuanceId ISSUANCE = new IssuanceId("nulhegan-2026");
  static final DocumentHash REGISTRATION =
      new DocumentHash("1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1");
  static final Currency USD = Currency.getInstance("USD");
  static final AccountId ACME = new AccountId("acme-main");

  TestRegistry t;
  Registry r;

  @BeforeEach
  void setUp() {
    t = TestRegistry.create();
    r = t.registry;
  }

  /** Registers, validates, reports, verifies and files the Nulhegan property. */
  static void verifiedNulhegan(Registry r, String mrv) {
    r.projects()
        .submit(
            new SubmitProject(ALICE, NULHEGAN, TestRegistry.document("nulhegan-forest.pdd.json")));
    r.projects().validate(new DecideProject(VALIDATOR, NULHEGAN, "boundary and easement checked"));
    r.monitoring().submit(new org.ogcr.port.in.MonitoringUseCases.SubmitReport(ALICE, REPORT, mrv));
    r.monitoring()
        .verify(
            new VerifyReport(
                BOB,
                REPORT,
                "ACC-2026-117",
                Verification.Outcome.VERIFIED,
                LocalDate.parse("2027-02-15"),
                Optional.of(Co2eQuantity.ofTonnes("429")),
                Optional.empty()));
  }

  /** Submits and validates the project and submits its 2026 report, unverified. */
  static void verifiedNulheganUpToSubmission(Registry r) {
    r.projects()
        .submit(
            new SubmitProject(ALICE, NULHEGAN, TestRegistry.document("nulhegan-forest.pdd.json")));
    r.projects().validate(new DecideProject(VALIDATOR, NULHEGAN, "boundary and easement checked"));
    r.monitoring()
        .submit(
            new SubmitReport(
                ALICE, REPORT, TestRegistry.document("nulhegan-forest-2026.mrv.json")));
  }

  /** The worked example's issuance, in another test's registry. */
  IssuanceRecord issueIn(TestRegistry other) {
    t = other;
    r = other.registry;
    return issueNulhegan();
  }

  static void fileNulhegan(Registry r, Set<org.ogcr.domain.id.ActorId> recused) {
    r.issuance()
        .fileProperty(
            new FileProperty(
                OPERATOR,
                NULHEGAN,
                REGISTRATION,
                true,
                0,
                new TreasuryTemplate(
                    List.of(new Beneficiary("Nulhegan Abenaki Tribe", Percent.of("10"))),
                    Percent.of("20"),
                    Percent.of("5")),
                recused));
  }

  IssuanceRecord issueNulhegan() {
    verifiedNulhegan(r, TestRegistry.document("nulhegan-forest-2026.mrv.json"));
    t.adapters.identity().attestKyc("Nulhegan Abenaki Tribe", OPERATOR.actor(), t.clock.now());
    fileNulhegan(r, Set.of());
    r.issuance()
        .request(new RequestIssuance(OPERATOR, ISSUANCE, REPORT, Optional.of(REGISTRATION)));
    r.issuance().sign(new SignIssuance(OFFICER_1, ISSUANCE, SignOffRole.OFFICER));
    r.issuance().sign(new SignIssuance(OFFICER_2, ISSUANCE, SignOffRole.OFFICER));
    return r.issuance().sign(new SignIssuance(AUDITOR, ISSUANCE, SignOffRole.AUDITOR)).value();
  }

  @Test
  void theIssuingDecisionsTaskSucceedsOnceTheMintIsSent_andFailsWhenTheLedgerRefusesIt() {
    IssuanceRecord issued = issueNulhegan();
    DocumentHash receipt = issued.receipt().orElseThrow();
    assertThat(r.audit().anchoring(receipt).orElseThrow().state())
        .isEqualTo(org.ogcr.port.model.Anchoring.State.PENDING);
    r.relayLedger();
    org.ogcr.port.model.Anchoring done = r.audit().anchoring(receipt).orElseThrow();
    assertThat(done.state()).isEqualTo(org.ogcr.port.model.Anchoring.State.RELAYED);
    assertThat(done.confirmed()).isTrue();

    // another registry: a command already holds the mint's id on its ledger, which refuses the
    // mint; the receipt queued after it is still anchored, yet the task must say it failed
    TestRegistry other = TestRegistry.create();
    other
        .adapters
        .ledger()
        .submit(
            new org.ogcr.port.out.LedgerCommand.Anchor(
                "mint-" + ISSUANCE.value(), "squatter", DocumentHash.sha256("not a mint")));
    DocumentHash refused = issueIn(other).receipt().orElseThrow();
    other.registry.relayLedger();
    org.ogcr.port.model.Anchoring failed = other.registry.audit().anchoring(refused).orElseThrow();
    assertThat(failed.state()).isEqualTo(org.ogcr.port.model.Anchoring.State.REFUSED);
    assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("mint"));
  }

  List<CreditBlock> blocks() {
    return t.adapters.ports().blocks().ofIssuance(ISSUANCE);
  }

  @Test
  void theWorkedExampleIssues429CreditsWithAnAtomicBufferSplit() {
    IssuanceRecord issued = issueNulhegan();

    assertThat(issued.status()).isEqualTo(IssuanceStatus.ISSUED);
    assertThat(issued.code().format()).isEqualTo("EC-2026-0001-NULHEGAN");
    assertThat(issued.quantity().units()).isEqualTo(429);
    assertThat(issued.split().owner()).isEqualTo(394);
    assertThat(issued.split().buffer()).isEqualTo(35);
    assertThat(issued.issuanceFee()).isEqualTo(Money.of("197.00", USD));
    assertThat(r.monitoring().find(REPORT).orElseThrow().status()).isEqualTo(ReportStatus.ISSUED);
    assertThat(blocks())
        .extracting(b -> b.range(), b -> b.owner().value(), CreditBlock::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new SerialRange(1, 394), "property:nulhegan-forest", CreditStatus.ISSUED),
            org.assertj.core.groups.Tuple.tuple(
                new SerialRange(395, 429), "buffer-pool", CreditStatus.ISSUED));
    List<CreditView> views = r.credits().credits(CreditQuery.ALL, PageRequest.FIRST).items();
    assertThat(views.get(0).firstSerial()).isEqualTo("EC-2026-0001-NULHEGAN-001");
    assertThat(views.get(1).lastSerial()).isEqualTo("EC-2026-0001-NULHEGAN-429");
    SupplyTally.of(blocks()).requireBalanced(429);
  }

  @Test
  void aPartialSaleRoutesTheExactPriceAndAPartialRetirementSplitsTheBlock() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    AccountId property = new AccountId("property:nulhegan-forest");

    SaleResult sale =
        r.credits()
            .sell(
                new SellCredits(
                    new MoveCredits(
                        ALICE, ISSUANCE, new SerialRange(1, 100), property, Optional.of(ACME)),
                    Money.of("2500.00", USD)));
    assertThat(sale.viaExchange()).isFalse();
    assertThat(sale.proceeds().sale().amountFor(Payee.REGISTRY)).isEqualTo(Money.of("37.50", USD));
    assertThat(sale.proceeds().sale().amountFor(Payee.PROPERTY_TREASURY))
        .isEqualTo(Money.of("2462.50", USD));
    assertThat(sale.proceeds().treasury().amountFor(Payee.beneficiary("Nulhegan Abenaki Tribe")))
        .isEqualTo(Money.of("246.25", USD));

    r.credits()
        .retire(
            new RetireCredits(
                new MoveCredits(BUYER, ISSUANCE, new SerialRange(1, 40), ACME, Optional.empty()),
                "2026 operational emissions claim",
                Optional.of("Acme Climate Ltd"),
                Optional.of("GB"),
                Optional.of("voluntary_offset")));

    assertThat(blocks())
        .extracting(CreditBlock::range, CreditBlock::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new SerialRange(1, 40), CreditStatus.RETIRED),
            org.assertj.core.groups.Tuple.tuple(new SerialRange(41, 100), CreditStatus.HELD),
            org.assertj.core.groups.Tuple.tuple(new SerialRange(101, 394), CreditStatus.ISSUED),
            org.assertj.core.groups.Tuple.tuple(new SerialRange(395, 429), CreditStatus.ISSUED));
    CreditEvent retirement =
        r.credits()
            .events(
                Optional.of(ISSUANCE),
                Optional.empty(),
                Optional.of(CreditEvent.Kind.RETIRED),
                PageRequest.FIRST)
            .items()
            .get(0);
    assertThat(retirement.details())
        .containsEntry("beneficiary", "Acme Climate Ltd")
        .containsEntry("jurisdiction", "GB")
        .containsEntry("use", "voluntary_offset");
    assertThat(r.audit().attestation(retirement.receipt())).isPresent();
    SupplyTally.of(blocks()).requireBalanced(429);
    // the same blocks by cursor, one per page
    java.util.List<String> walked = new java.util.ArrayList<>();
    org.ogcr.port.model.KeysetRequest page = org.ogcr.port.model.KeysetRequest.first(1);
    while (true) {
      var slice = r.credits().creditsAfter(CreditQuery.ALL, page);
      slice.items().forEach(v -> walked.add(v.firstSerial()));
      if (slice.next().isEmpty()) {
        break;
      }
      page = new org.ogcr.port.model.KeysetRequest(slice.next(), 1);
    }
    assertThat(walked)
        .containsExactly(
            "EC-2026-0001-NULHEGAN-001",
            "EC-2026-0001-NULHEGAN-041",
            "EC-2026-0001-NULHEGAN-101",
            "EC-2026-0001-NULHEGAN-395");
    assertThat(
            r.credits()
                .credits(
                    new CreditQuery(
                        Optional.of(NULHEGAN),
                        Optional.of(2026),
                        Optional.of(ACME),
                        Set.of(),
                        Optional.of(true)),
                    PageRequest.FIRST)
                .items())
        .extracting(v -> v.block().range())
        .containsExactly(new SerialRange(1, 40));
  }

  @Test
  void aCatastrophicLossInvalidatesHeldCreditsAndDeliversFlaggedReplacementsFromThePool() {
    IssuanceRecord issued = issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    AccountId property = new AccountId("property:nulhegan-forest");
    r.credits()
        .transfer(
            new MoveCredits(ALICE, ISSUANCE, new SerialRange(1, 100), property, Optional.of(ACME)));

    var result =
        r.credits()
            .invalidate(
                new InvalidateCredits(
                    TestRegistry.ADMIN, ISSUANCE, new SerialRange(41, 60), "arson, 2027-06", true));

    assertThat(result.plan().invalidated()).isEqualTo(20);
    assertThat(result.plan().replaced()).isEqualTo(20);
    List<CreditBlock> after = blocks();
    assertThat(after)
        .filteredOn(b -> b.isReplacement())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.owner()).isEqualTo(ACME);
              assertThat(b.count()).isEqualTo(20);
              assertThat(b.provenance().replacementFor()).contains(issued.receipt().orElseThrow());
            });
    SupplyTally.of(after).requireBalanced(429);
    assertThat(
            r.credits()
                .events(
                    Optional.of(ISSUANCE),
                    Optional.empty(),
                    Optional.of(CreditEvent.Kind.SUBROGATED),
                    PageRequest.FIRST)
                .items())
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("extentCredits", "20"));
  }

  @Test
  void everyLedgerCommandIsRelayedInOrderAndTheAuditChainVerifies() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    r.credits()
        .transfer(
            new MoveCredits(
                ALICE,
                ISSUANCE,
                new SerialRange(1, 10),
                new AccountId("property:nulhegan-forest"),
                Optional.of(ACME)));

    var round = r.relayLedger();

    assertThat(round.failed()).isZero();
    assertThat(round.refused()).isZero();
    assertThat(round.relayed()).isGreaterThan(10);
    assertThat(t.adapters.outbox().due(t.clock.now(), 10)).isEmpty();
    assertThat(t.adapters.ledger().find("mint-" + ISSUANCE.value())).isPresent();
    assertThat(r.audit().verifyChain()).isEmpty();
  }

  @Test
  void aDeniedDecisionIsAuditedAndChangesNothing() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    List<CreditBlock> before = blocks();
    long auditBefore = t.adapters.ports().audit().head().orElseThrow().sequence();
    int outboxBefore = t.adapters.outbox().due(t.clock.now(), 1000).size();

    assertThatThrownBy(
            () ->
                r.credits()
                    .transfer(
                        new MoveCredits(
                            BUYER,
                            ISSUANCE,
                            new SerialRange(1, 10),
                            new AccountId("property:nulhegan-forest"),
                            Optional.of(ACME))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("not_owner"));

    assertThat(blocks()).isEqualTo(before);
    assertThat(t.adapters.outbox().due(t.clock.now(), 1000)).hasSize(outboxBefore);
    ChainedEntry denied = t.adapters.ports().audit().head().orElseThrow();
    assertThat(denied.sequence()).isEqualTo(auditBefore + 1);
    assertThat(denied.entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(denied.entry().actor()).isEqualTo(BUYER.actor());
    assertThat(denied.entry().detail()).startsWith("not_owner");
  }

  @Test
  void aVerifierNeverVerifiesItsOwnOrganisationsProject() {
    r.projects()
        .submit(
            new SubmitProject(ALICE, NULHEGAN, TestRegistry.document("nulhegan-forest.pdd.json")));
    r.projects().validate(new DecideProject(VALIDATOR, NULHEGAN, "ok"));
    r.monitoring()
        .submit(
            new SubmitReport(
                ALICE, REPORT, TestRegistry.document("nulhegan-forest-2026.mrv.json")));

    assertThatThrownBy(
            () ->
                r.monitoring()
                    .verify(
                        new VerifyReport(
                            CAROL,
                            REPORT,
                            "ACC-1",
                            Verification.Outcome.VERIFIED,
                            LocalDate.parse("2027-02-15"),
                            Optional.of(Co2eQuantity.ofTonnes("429")),
                            Optional.empty())))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("conflict_of_interest"));
    assertThat(r.monitoring().find(REPORT).orElseThrow().status())
        .isEqualTo(ReportStatus.SUBMITTED);
  }

  @Test
  void aDeveloperCannotValidateAndAValidatorCannotValidateItsOwnProject() {
    r.projects()
        .submit(
            new SubmitProject(ALICE, NULHEGAN, TestRegistry.document("nulhegan-forest.pdd.json")));
    Principal selfValidator = Principal.of("val-nina", "northwoods-trust", Role.VALIDATOR);
    t.adapters.identity().register(selfValidator.actor(), selfValidator.organisation());

    assertThatThrownBy(() -> r.projects().validate(new DecideProject(ALICE, NULHEGAN, "mine")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("role_required"));
    assertThatThrownBy(
            () -> r.projects().validate(new DecideProject(selfValidator, NULHEGAN, "mine")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("conflict_of_interest"));
    assertThat(r.projects().find(NULHEGAN).orElseThrow().status())
        .isEqualTo(ProjectStatus.SUBMITTED);
  }

  @Test
  void aRecusedOfficerCannotSignAndAHoldStopsSigningUntilAnAuditorReleasesIt() {
    verifiedNulhegan(r, TestRegistry.document("nulhegan-forest-2026.mrv.json"));
    t.adapters.identity().attestKyc("Nulhegan Abenaki Tribe", OPERATOR.actor(), t.clock.now());
    fileNulhegan(r, Set.of(OFFICER_2.actor()));
    r.issuance()
        .request(new RequestIssuance(OPERATOR, ISSUANCE, REPORT, Optional.of(REGISTRATION)));

    assertThatThrownBy(
            () -> r.issuance().sign(new SignIssuance(OFFICER_2, ISSUANCE, SignOffRole.OFFICER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("signer_recused"));
    r.issuance().hold(new ReviewIssuance(OFFICER_1, ISSUANCE, "volume anomalous"));
    assertThatThrownBy(
            () -> r.issuance().sign(new SignIssuance(OFFICER_1, ISSUANCE, SignOffRole.OFFICER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("sign_off_on_hold"));
    r.issuance().release(new ReviewIssuance(AUDITOR, ISSUANCE, "reviewed"));
    r.issuance().sign(new SignIssuance(OFFICER_1, ISSUANCE, SignOffRole.OFFICER));
    assertThat(r.issuance().find(ISSUANCE).orElseThrow().signOff().signatures()).hasSize(1);
    assertThat(blocks()).isEmpty();
  }

  @Test
  void unmetPrerequisitesAreListedAtOnceAndNothingIsNumbered() {
    verifiedNulhegan(r, TestRegistry.document("nulhegan-forest-2026.mrv.json"));
    r.issuance()
        .fileProperty(
            new FileProperty(
                OPERATOR,
                NULHEGAN,
                REGISTRATION,
                false,
                2,
                new TreasuryTemplate(
                    List.of(new Beneficiary("Unattested Trust", Percent.of("10"))),
                    Percent.ZERO,
                    Percent.ZERO),
                Set.of()));

    assertThatThrownBy(
            () ->
                r.issuance()
                    .request(
                        new RequestIssuance(
                            OPERATOR, ISSUANCE, REPORT, Optional.of(DocumentHash.sha256("other")))))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "registration_hash_mismatch",
                        "wrapper_entity_not_operational",
                        "beneficiaries_not_kyc_attested",
                        "open_compliance_issues"));
    assertThat(r.issuance().find(ISSUANCE)).isEmpty();
  }

  @Test
  void onePropertyGetsAtMostOneFullIssuancePerAnnualAssessment() {
    String full = TestRegistry.document("nulhegan-forest-2026.mrv.json");
    String firstHalf = full.replace("\"end\": \"2027-01-01\"", "\"end\": \"2026-07-01\"");
    String secondHalf = full.replace("\"start\": \"2026-01-01\"", "\"start\": \"2026-07-01\"");
    assertThat(firstHalf).isNotEqualTo(full);
    assertThat(secondHalf).isNotEqualTo(full);
    verifiedNulhegan(r, firstHalf);
    t.adapters.identity().attestKyc("Nulhegan Abenaki Tribe", OPERATOR.actor(), t.clock.now());
    fileNulhegan(r, Set.of());
    r.issuance()
        .request(new RequestIssuance(OPERATOR, ISSUANCE, REPORT, Optional.of(REGISTRATION)));
    ReportId second = new ReportId("nulhegan-forest-2026-h2");
    r.monitoring().submit(new SubmitReport(ALICE, second, secondHalf));
    r.monitoring()
        .verify(
            new VerifyReport(
                BOB,
                second,
                "ACC-2026-117",
                Verification.Outcome.VERIFIED,
                LocalDate.parse("2027-02-15"),
                Optional.of(new Co2eQuantity(new BigDecimal("200"))),
                Optional.empty()));

    assertThatThrownBy(
            () ->
                r.issuance()
                    .request(
                        new RequestIssuance(
                            OPERATOR,
                            new IssuanceId("nulhegan-2026-b"),
                            second,
                            Optional.of(REGISTRATION))))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("annual_issuance_exhausted"));
  }

  @Test
  void retiredCreditsCannotMoveAndARetirementNeedsAReason() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    AccountId property = new AccountId("property:nulhegan-forest");
    r.credits()
        .transfer(
            new MoveCredits(ALICE, ISSUANCE, new SerialRange(1, 10), property, Optional.of(ACME)));
    r.credits()
        .retire(
            new RetireCredits(
                new MoveCredits(BUYER, ISSUANCE, new SerialRange(1, 10), ACME, Optional.empty()),
                "claim",
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    r.credits().openAccount(new OpenAccount(BUYER, new AccountId("acme-other")));

    assertThatThrownBy(
            () ->
                r.credits()
                    .transfer(
                        new MoveCredits(
                            BUYER,
                            ISSUANCE,
                            new SerialRange(1, 10),
                            ACME,
                            Optional.of(new AccountId("acme-other")))))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(
            () ->
                r.credits()
                    .retire(
                        new RetireCredits(
                            new MoveCredits(
                                BUYER, ISSUANCE, new SerialRange(5, 6), ACME, Optional.empty()),
                            " ",
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty())))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.getMessage()).contains("reason"));
    SupplyTally.of(blocks()).requireBalanced(429);
    assertThat(t.adapters.outbox().find("mint-" + ISSUANCE.value()).map(LedgerOutbox.Item::state))
        .contains(LedgerOutbox.State.PENDING);
  }
}
