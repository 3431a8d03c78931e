package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.application.TestRegistry.ADMIN;
import static org.ogcr.application.TestRegistry.ALICE;
import static org.ogcr.application.TestRegistry.BOB;
import static org.ogcr.application.TestRegistry.BUYER;
import static org.ogcr.application.TestRegistry.OPERATOR;
import static org.ogcr.application.TestRegistry.SIGRUN;
import static org.ogcr.application.TestRegistry.VALIDATOR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.ogcr.adapter.inmemory.InMemoryAdapters;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Payee;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.SaleResult;
import org.ogcr.port.in.CreditUseCases.SellCredits;
import org.ogcr.port.in.MethodologyUseCases.RegisterMethodology;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.AmendProject;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerOutbox;

/** The use cases beyond the happy path of the worked example. */
class UseCasesTest {

  static final ProjectId NULHEGAN = CreditLifecycleTest.NULHEGAN;
  static final ProjectId DAC = new ProjectId("hellisheidi-dac");

  TestRegistry t;
  Registry r;

  @BeforeEach
  void setUp() {
    t = TestRegistry.create();
    r = t.registry;
  }

  private String pdd() {
    return TestRegistry.document("nulhegan-forest.pdd.json");
  }

  private void expectRefusal(Runnable call, String code) {
    long before = t.adapters.ports().audit().head().orElseThrow().sequence();
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    AuditEntry last = t.adapters.ports().audit().head().orElseThrow().entry();
    assertThat(t.adapters.ports().audit().head().orElseThrow().sequence()).isEqualTo(before + 1);
    assertThat(last.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(last.detail()).startsWith(code + ":");
  }

  @Test
  void aValidatedPddChangesOnlyItsContactsAndEveryVersionIsKept() {
    r.projects().submit(new SubmitProject(ALICE, NULHEGAN, pdd()));
    String renamed = pdd().replace("Nulhegan Basin conservation easement", "Nulhegan easement");
    r.projects().amend(new AmendProject(ALICE, NULHEGAN, renamed));
    assertThat(r.projects().find(NULHEGAN).orElseThrow().name()).isEqualTo("Nulhegan easement");
    expectRefusal(
        () -> r.projects().validate(new DecideProject(VALIDATOR, NULHEGAN, "ok", Optional.of(1))),
        "pdd_version_changed");
    r.projects().validate(new DecideProject(VALIDATOR, NULHEGAN, "ok", Optional.of(2)));

    expectRefusal(
        () -> r.projects().amend(new AmendProject(ALICE, NULHEGAN, pdd())),
        "pdd_immutable_after_validation");
    String contacts = renamed.replace("Tom Beaulieu", "Thomas Beaulieu");
    r.projects().amend(new AmendProject(ALICE, NULHEGAN, contacts));

    assertThat(r.projects().find(NULHEGAN).orElseThrow().history().versions()).hasSize(3);
    assertThat(r.projects().document(NULHEGAN, 1)).contains(pdd());
    assertThat(r.projects().document(NULHEGAN, 3)).contains(contacts);
    assertThat(r.projects().document(NULHEGAN, 4)).isEmpty();
    assertThat(r.audit().attestations("project/nulhegan-forest"))
        .extracting(a -> a.kind())
        .containsExactly(
            "project.submitted", "project.amended", "project.validated", "project.amended");
  }

  @Test
  void onlyTheDevelopersOrganisationEditsAProjectAndNobodySubmitsInAnothersName() {
    expectRefusal(
        () -> r.projects().submit(new SubmitProject(SIGRUN, NULHEGAN, pdd())), "not_owner");
    Principal colleague = Principal.of("dev-tom", "northwoods-trust", Role.DEVELOPER);
    expectRefusal(
        () -> r.projects().submit(new SubmitProject(colleague, NULHEGAN, pdd())), "not_owner");
    Principal unlisted = Principal.of("dev-alice", "northwoods-trust", Role.DEVELOPER);
    t.adapters
        .identity()
        .register(new ActorId("dev-alice"), new org.ogcr.domain.id.OrganisationId("elsewhere"));
    expectRefusal(
        () -> r.projects().submit(new SubmitProject(unlisted, NULHEGAN, pdd())),
        "identity_mismatch");
    assertThat(r.projects().find(NULHEGAN)).isEmpty();
  }

  @Test
  void aDocumentRejectionIsAuditedAndRegistersNothing() {
    expectRefusal(
        () -> r.projects().submit(new SubmitProject(ALICE, NULHEGAN, "{\"type\": \"Feature\"}")),
        "document_invalid");
    assertThat(r.projects().search(ProjectQuery.ALL, PageRequest.FIRST).total()).isZero();
  }

  @Test
  void unknownIdsAreNotFoundNotCrashes() {
    expectRefusal(
        () -> r.projects().validate(new DecideProject(VALIDATOR, new ProjectId("nope"), "")),
        "not_found");
    expectRefusal(
        () ->
            r.monitoring()
                .verify(
                    new VerifyReport(
                        BOB,
                        new ReportId("nope"),
                        "ACC",
                        Verification.Outcome.REJECTED,
                        LocalDate.parse("2027-02-01"),
                        Optional.empty(),
                        Optional.of("no data"))),
        "not_found");
    r.credits().openAccount(new OpenAccount(BUYER, new AccountId("acme-main")));
    expectRefusal(
        () -> r.credits().openAccount(new OpenAccount(ALICE, new AccountId("acme-main"))),
        "already_exists");
    expectRefusal(
        () -> r.credits().openAccount(new OpenAccount(ALICE, r.credits().bufferPool())),
        "invalid_value");
  }

  @Test
  void aRejectedProjectIsFinalAndAValidatedOneCanBeArchived() {
    r.projects().submit(new SubmitProject(ALICE, NULHEGAN, pdd()));
    expectRefusal(
        () -> r.projects().reject(new DecideProject(VALIDATOR, NULHEGAN, " ")), "invalid_value");
    r.projects().reject(new DecideProject(VALIDATOR, NULHEGAN, "easement deed missing"));
    expectRefusal(
        () -> r.projects().validate(new DecideProject(VALIDATOR, NULHEGAN, "ok")),
        "illegal_transition");

    r.projects()
        .submit(new SubmitProject(SIGRUN, DAC, TestRegistry.document("hellisheidi-dac.pdd.json")));
    r.projects().validate(new DecideProject(VALIDATOR, DAC, "ok"));
    expectRefusal(
        () -> r.projects().archive(new DecideProject(ALICE, DAC, "mine now")), "not_owner");
    r.projects().archive(new DecideProject(SIGRUN, DAC, "plant decommissioned"));
    assertThat(r.projects().find(DAC).orElseThrow().status()).isEqualTo(ProjectStatus.ARCHIVED);
  }

  @Test
  void aVerifierRejectsWithAReasonAndTheQuantityCannotExceedTheClaim() {
    CreditLifecycleTest.verifiedNulheganUpToSubmission(r);
    ReportId report = CreditLifecycleTest.REPORT;
    expectRefusal(
        () ->
            r.monitoring()
                .verify(
                    new VerifyReport(
                        BOB,
                        report,
                        "ACC-2026-117",
                        Verification.Outcome.VERIFIED,
                        LocalDate.parse("2027-02-15"),
                        Optional.of(Co2eQuantity.ofTonnes("430")),
                        Optional.empty())),
        "invalid_value");
    expectRefusal(
        () ->
            r.monitoring()
                .verify(
                    new VerifyReport(
                        BOB,
                        report,
                        "ACC-2026-117",
                        Verification.Outcome.VERIFIED,
                        LocalDate.parse("2026-12-31"),
                        Optional.of(Co2eQuantity.ofTonnes("429")),
                        Optional.empty())),
        "invalid_value");
    r.monitoring()
        .verify(
            new VerifyReport(
                BOB,
                report,
                "ACC-2026-117",
                Verification.Outcome.REJECTED,
                LocalDate.parse("2027-02-15"),
                Optional.empty(),
                Optional.of("plot data incomplete")));
    assertThat(r.monitoring().find(report).orElseThrow().status()).isEqualTo(ReportStatus.REJECTED);
    assertThat(
            r.monitoring()
                .search(
                    new ReportQuery(
                        Optional.of(NULHEGAN),
                        Set.of(ReportStatus.REJECTED),
                        Optional.of(BOB.actor()),
                        Optional.empty(),
                        Optional.empty()),
                    PageRequest.FIRST)
                .items())
        .hasSize(1);
  }

  @Test
  void projectsAreFoundByStatusMethodologyActorBoundingBoxAndDateWithPaging() {
    r.projects().submit(new SubmitProject(ALICE, NULHEGAN, pdd()));
    t.clock.advance(java.time.Duration.ofDays(1));
    r.projects()
        .submit(new SubmitProject(SIGRUN, DAC, TestRegistry.document("hellisheidi-dac.pdd.json")));
    r.projects().validate(new DecideProject(VALIDATOR, DAC, "ok"));
    Envelope vermont = new Envelope(-72.5, -71.0, 44.0, 45.5);

    assertThat(
            ids(
                new ProjectQuery(
                    Set.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(vermont),
                    Optional.empty(),
                    Optional.empty())))
        .containsExactly("nulhegan-forest");
    assertThat(ids(ProjectQuery.ALL.withStatuses(Set.of(ProjectStatus.VALIDATED))))
        .containsExactly("hellisheidi-dac");
    assertThat(
            ids(
                new ProjectQuery(
                    Set.of(),
                    Optional.of("EC-M"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())))
        .containsExactly("nulhegan-forest");
    assertThat(
            ids(
                new ProjectQuery(
                    Set.of(),
                    Optional.empty(),
                    Optional.of(SIGRUN.actor()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())))
        .containsExactly("hellisheidi-dac");
    Instant secondDay = t.clock.now().minusSeconds(60);
    assertThat(
            ids(
                new ProjectQuery(
                    Set.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(secondDay),
                    Optional.empty())))
        .containsExactly("hellisheidi-dac");
    var page = r.projects().search(ProjectQuery.ALL, new PageRequest(1, 1));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).extracting(p -> p.id().value()).containsExactly("nulhegan-forest");
    assertThat(page.hasNext()).isFalse();
  }

  private List<String> ids(ProjectQuery q) {
    return r.projects().search(q, PageRequest.FIRST).items().stream()
        .map(p -> p.id().value())
        .toList();
  }

  @Test
  void listedCreditsSoldThroughTheExchangePayTheExchangeFee() {
    new CreditLifecycleTest().issueIn(t);
    AccountId property = new AccountId("property:nulhegan-forest");
    AccountId alicesHeld = new AccountId("northwoods-held");
    AccountId acme = new AccountId("acme-main");
    r.credits().openAccount(new OpenAccount(ALICE, alicesHeld));
    r.credits().openAccount(new OpenAccount(BUYER, acme));
    var issuance = CreditLifecycleTest.ISSUANCE;
    r.credits()
        .transfer(
            new MoveCredits(
                ALICE, issuance, new SerialRange(1, 50), property, Optional.of(alicesHeld)));
    expectRefusal(
        () ->
            r.credits()
                .list(
                    new MoveCredits(
                        ALICE, issuance, new SerialRange(51, 60), property, Optional.empty())),
        "operation_not_allowed");
    r.credits()
        .list(
            new MoveCredits(ALICE, issuance, new SerialRange(1, 20), alicesHeld, Optional.empty()));
    expectRefusal(
        () ->
            r.credits()
                .sell(
                    new SellCredits(
                        new MoveCredits(
                            OPERATOR,
                            issuance,
                            new SerialRange(21, 30),
                            alicesHeld,
                            Optional.of(acme)),
                        Money.of("100.00", Currency.getInstance("USD")))),
        "not_owner");

    SaleResult sale =
        r.credits()
            .sell(
                new SellCredits(
                    new MoveCredits(
                        OPERATOR, issuance, new SerialRange(1, 10), alicesHeld, Optional.of(acme)),
                    Money.of("1000.00", Currency.getInstance("USD"))));

    assertThat(sale.viaExchange()).isTrue();
    assertThat(sale.proceeds().sale().amountFor(Payee.EXCHANGE))
        .isEqualTo(Money.of("20.00", Currency.getInstance("USD")));
    assertThat(sale.proceeds().sale().amountFor(Payee.REGISTRY))
        .isEqualTo(Money.of("15.00", Currency.getInstance("USD")));
    r.credits()
        .delist(
            new MoveCredits(
                ALICE, issuance, new SerialRange(11, 20), alicesHeld, Optional.empty()));
    assertThat(r.credits().credits(CreditQuery.ofOwner(acme), PageRequest.FIRST).items())
        .singleElement()
        .satisfies(v -> assertThat(v.block().status()).isEqualTo(CreditStatus.HELD));
    assertThat(
            r.credits()
                .credits(
                    new CreditQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(alicesHeld),
                        Set.of(CreditStatus.LISTED),
                        Optional.empty()),
                    PageRequest.FIRST)
                .items())
        .isEmpty();
  }

  @Test
  void onlyAnAdministratorRegistersAMethodology() {
    expectRefusal(
        () ->
            r.methodologies()
                .register(
                    new RegisterMethodology(
                        OPERATOR, TestRegistry.text("methodologies/ec-m-2.0.0-draft.json"))),
        "role_required");
    r.methodologies()
        .register(
            new RegisterMethodology(
                ADMIN, TestRegistry.text("methodologies/ec-m-2.0.0-draft.json")));
    assertThat(r.methodologies().list()).hasSize(4);
  }

  @Test
  void aLedgerOutageDelaysTheLedgerNeverTheRegistryAndTheRelayCatchesUpInOrder() {
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T00:00:00Z"));
    InMemoryAdapters adapters = InMemoryAdapters.create(clock, JsonDocumentReader.withDefaults());
    AtomicBoolean down = new AtomicBoolean(true);
    CreditLedger flaky =
        new CreditLedger() {
          @Override
          public LedgerEntry submit(LedgerCommand command) {
            if (down.get()) {
              throw new IllegalStateException("connection refused");
            }
            return adapters.ledger().submit(command);
          }

          @Override
          public Optional<LedgerEntry> find(String commandId) {
            return adapters.ledger().find(commandId);
          }

          @Override
          public List<LedgerEntry> entries(long fromSequence, int limit) {
            return adapters.ledger().entries(fromSequence, limit);
          }
        };
    Registry registry =
        Registry.start(adapters.ports().withLedger(flaky), RegistrySettings.defaults());
    adapters.identity().register(ALICE.actor(), ALICE.organisation());
    adapters.identity().register(ADMIN.actor(), ADMIN.organisation());
    registry
        .methodologies()
        .register(
            new RegisterMethodology(ADMIN, TestRegistry.text("methodologies/ec-m-1.1.0.json")));
    registry.projects().submit(new SubmitProject(ALICE, NULHEGAN, pdd()));

    var round = registry.relayLedger();
    assertThat(round.failed()).isEqualTo(1);
    assertThat(registry.projects().find(NULHEGAN)).isPresent();
    List<LedgerOutbox.Item> waiting = adapters.outbox().due(Instant.MAX, 100);
    assertThat(waiting).hasSize(2);
    assertThat(waiting.get(0).attempts()).isEqualTo(1);

    down.set(false);
    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(registry.relayLedger().relayed()).isEqualTo(2);
    assertThat(adapters.ledger().entries(1, 10))
        .extracting(e -> e.command().id())
        .containsExactlyElementsOf(waiting.stream().map(i -> i.command().id()).toList());
  }
}
