package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.application.CreditLifecycleTest.ACME;
import static org.ogcr.application.CreditLifecycleTest.ISSUANCE;
import static org.ogcr.application.CreditLifecycleTest.NULHEGAN;
import static org.ogcr.application.CreditLifecycleTest.REGISTRATION;
import static org.ogcr.application.CreditLifecycleTest.REPORT;
import static org.ogcr.application.CreditLifecycleTest.USD;
import static org.ogcr.application.TestRegistry.ALICE;
import static org.ogcr.application.TestRegistry.AUDITOR;
import static org.ogcr.application.TestRegistry.BUYER;
import static org.ogcr.application.TestRegistry.OFFICER_1;
import static org.ogcr.application.TestRegistry.OFFICER_2;
import static org.ogcr.application.TestRegistry.OPERATOR;
import static org.ogcr.application.TestRegistry.SIGRUN;
import static org.ogcr.application.TestRegistry.VALIDATOR;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Payee;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.port.in.CreditUseCases.InvalidateCredits;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.SaleResult;
import org.ogcr.port.in.CreditUseCases.SellCredits;
import org.ogcr.port.in.IssuanceUseCases.FileProperty;
import org.ogcr.port.in.IssuanceUseCases.RequestIssuance;
import org.ogcr.port.in.IssuanceUseCases.SignIssuance;
import org.ogcr.port.in.MonitoringUseCases.SubmitReport;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.Verification;

/**
 * Attacks on access and integrity that the role checks alone would let through: squatting a
 * property account, late recusals, stale prerequisites, resale routing, exchange executions by
 * outsiders, shared assessments, registration hashes, receipt collisions, unlisted validators,
 * read-then-write races, self-signing.
 */
class AccessAndIntegrityTest {

  static final AccountId PROPERTY = new AccountId("property:nulhegan-forest");

  TestRegistry t;
  Registry r;

  @BeforeEach
  void setUp() {
    t = TestRegistry.create();
    r = t.registry;
  }

  private void proposeNulhegan() {
    CreditLifecycleTest.verifiedNulhegan(r, TestRegistry.document("nulhegan-forest-2026.mrv.json"));
    t.adapters.identity().attestKyc("Nulhegan Abenaki Tribe", OPERATOR.actor(), t.clock.now());
    CreditLifecycleTest.fileNulhegan(r, Set.of());
    r.issuance()
        .request(new RequestIssuance(OPERATOR, ISSUANCE, REPORT, Optional.of(REGISTRATION)));
  }

  private void signAll() {
    r.issuance().sign(new SignIssuance(OFFICER_1, ISSUANCE, SignOffRole.OFFICER));
    r.issuance().sign(new SignIssuance(OFFICER_2, ISSUANCE, SignOffRole.OFFICER));
    r.issuance().sign(new SignIssuance(AUDITOR, ISSUANCE, SignOffRole.AUDITOR));
  }

  private void issueNulhegan() {
    proposeNulhegan();
    signAll();
  }

  private List<CreditBlock> blocks() {
    return t.adapters.ports().blocks().ofIssuance(ISSUANCE);
  }

  private static MoveCredits move(
      Principal who, long first, long last, AccountId from, AccountId to) {
    return new MoveCredits(
        who, ISSUANCE, new SerialRange(first, last), from, Optional.ofNullable(to));
  }

  /** A holder pre-opens the deterministic property account id and receives the owner share. */
  @Test
  void aHolderCannotSquatAPropertyAccountAndCaptureItsIssuance() {
    // acme-climate tries to open "property:nulhegan-forest" before the property's first issuance
    assertThatThrownBy(() -> r.credits().openAccount(new OpenAccount(BUYER, PROPERTY)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.getMessage()).contains("reserved"));
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    issueNulhegan();

    assertThat(t.adapters.ports().accounts().find(PROPERTY).orElseThrow().holder())
        .isEqualTo(ALICE.organisation());
    assertThatThrownBy(() -> r.credits().transfer(move(BUYER, 1, 394, PROPERTY, ACME)))
        .isInstanceOf(DomainException.class);
  }

  /** A recusal filed after the proposal is ignored: the recused officer still signs. */
  @Test
  void anOfficerRecusedAfterTheProposalCannotSign() {
    proposeNulhegan();
    CreditLifecycleTest.fileNulhegan(r, Set.of(OFFICER_2.actor()));
    assertThat(r.issuance().propertyFile(NULHEGAN).orElseThrow().recusedOfficers())
        .contains(OFFICER_2.actor());

    assertThatThrownBy(
            () -> r.issuance().sign(new SignIssuance(OFFICER_2, ISSUANCE, SignOffRole.OFFICER)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("signer_recused"));
  }

  /** Prerequisites are checked only at proposal; an issue opened before minting is ignored. */
  @Test
  void prerequisitesAreRecheckedAtTheAtomicIssue() {
    proposeNulhegan();
    r.issuance()
        .fileProperty(
            new FileProperty(
                OPERATOR,
                NULHEGAN,
                REGISTRATION,
                false, // wrapper LLC no longer operational
                3, // three open compliance issues
                new TreasuryTemplate(
                    List.of(new Beneficiary("Nulhegan Abenaki Tribe", Percent.of("10"))),
                    Percent.of("20"),
                    Percent.of("5")),
                Set.of()));
    r.issuance().sign(new SignIssuance(OFFICER_1, ISSUANCE, SignOffRole.OFFICER));
    r.issuance().sign(new SignIssuance(OFFICER_2, ISSUANCE, SignOffRole.OFFICER));

    assertThatThrownBy(
            () -> r.issuance().sign(new SignIssuance(AUDITOR, ISSUANCE, SignOffRole.AUDITOR)))
        .isInstanceOf(DomainException.class);
    assertThat(blocks()).isEmpty();
  }

  /** A buyer's resale routes the whole net to the ORIGINAL property's treasury. */
  @Test
  void aSecondarySaleDoesNotPayTheOriginalPropertysBeneficiaries() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    r.credits()
        .sell(new SellCredits(move(ALICE, 1, 100, PROPERTY, ACME), Money.of("2500.00", USD)));
    Principal ben = Principal.of("buyer-ben", "other-co", Role.HOLDER);
    AccountId other = new AccountId("other-main");
    r.credits().openAccount(new OpenAccount(ben, other));

    SaleResult resale =
        r.credits()
            .sell(new SellCredits(move(BUYER, 1, 50, ACME, other), Money.of("1000.00", USD)));

    // Acme sold its own credits; Nulhegan's tribe, reserve and LLC should get nothing of it
    assertThat(resale.proceeds().treasury().amountFor(Payee.beneficiary("Nulhegan Abenaki Tribe")))
        .isEqualTo(Money.of("0.00", USD));
  }

  /** Replacement credits are zero-revenue, yet selling them pays the property treasury again. */
  @Test
  void sellingReplacementCreditsDoesNotTriggerAFreshTreasuryDistribution() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    r.credits()
        .sell(new SellCredits(move(ALICE, 1, 100, PROPERTY, ACME), Money.of("2500.00", USD)));
    r.credits()
        .invalidate(
            new InvalidateCredits(OPERATOR, ISSUANCE, new SerialRange(41, 60), "wildfire", false));
    CreditBlock replacement =
        blocks().stream().filter(CreditBlock::isReplacement).findFirst().orElseThrow();
    Principal ben = Principal.of("buyer-ben", "other-co", Role.HOLDER);
    AccountId other = new AccountId("other-main");
    r.credits().openAccount(new OpenAccount(ben, other));

    SaleResult sale =
        r.credits()
            .sell(
                new SellCredits(
                    new MoveCredits(BUYER, ISSUANCE, replacement.range(), ACME, Optional.of(other)),
                    Money.of("500.00", USD)));

    assertThat(sale.proceeds().treasury().amountFor(Payee.beneficiary("Nulhegan Abenaki Tribe")))
        .isEqualTo(Money.of("0.00", USD));
  }

  /** Any principal holding the operator role sells another organisation's listed credits. */
  @Test
  void anOperatorOfAnotherOrganisationCannotSellListedCreditsToItselfAtAnyPrice() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    r.credits()
        .sell(new SellCredits(move(ALICE, 1, 100, PROPERTY, ACME), Money.of("2500.00", USD)));
    r.credits().list(move(BUYER, 1, 100, ACME, null));
    Principal eve = Principal.of("ops-eve", "eve-trading", Role.OPERATOR, Role.HOLDER);
    AccountId eveMain = new AccountId("eve-main");
    r.credits().openAccount(new OpenAccount(eve, eveMain));

    assertThatThrownBy(
            () ->
                r.credits()
                    .sell(new SellCredits(move(eve, 1, 100, ACME, eveMain), Money.of("0.01", USD))))
        .isInstanceOf(DomainException.class);
  }

  /** Two unrelated projects whose ids normalise alike share one "annual assessment". */
  @Test
  void twoDifferentProjectsDoNotShareAnAnnualAssessment() {
    Principal jonas =
        Principal.of("dev-jonas", "oderbruch-kohlenstoff", Role.DEVELOPER, Role.HOLDER);
    ProjectId dac = new ProjectId("hellisheidi-dac");
    ProjectId biochar = new ProjectId("hellisheidi_dac"); // another org's, unrelated project
    r.projects()
        .submit(new SubmitProject(SIGRUN, dac, TestRegistry.document("hellisheidi-dac.pdd.json")));
    r.projects()
        .submit(
            new SubmitProject(jonas, biochar, TestRegistry.document("oderbruch-biochar.pdd.json")));
    r.projects().validate(new DecideProject(VALIDATOR, dac, "ok"));
    r.projects().validate(new DecideProject(VALIDATOR, biochar, "ok"));
    ReportId dacReport = new ReportId("dac-2026");
    ReportId biocharReport = new ReportId("biochar-2026");
    r.monitoring()
        .submit(
            new SubmitReport(
                SIGRUN, dacReport, TestRegistry.document("hellisheidi-dac-2026.mrv.json")));
    r.monitoring()
        .submit(
            new SubmitReport(
                jonas,
                biocharReport,
                TestRegistry.document("oderbruch-biochar-2026.mrv.json")
                    .replace(
                        "\"projectId\": \"oderbruch-biochar\"",
                        "\"projectId\": \"hellisheidi_dac\"")));
    verify(Principal.of("ver-lars", "nordic-assurance", Role.VERIFIER), dacReport, "2844.5");
    verify(Principal.of("ver-mira", "alpine-carbon-audit", Role.VERIFIER), biocharReport, "1775.2");
    r.issuance()
        .request(
            new RequestIssuance(OPERATOR, new IssuanceId("dac-2026"), dacReport, Optional.empty()));

    assertThatCode(
            () ->
                r.issuance()
                    .request(
                        new RequestIssuance(
                            OPERATOR,
                            new IssuanceId("biochar-2026"),
                            biocharReport,
                            Optional.empty())))
        .doesNotThrowAnyException(); // their derived property codes are alike: HELLISHEIDIDAC
  }

  private void verify(Principal verifier, ReportId report, String tonnes) {
    r.monitoring()
        .verify(
            new VerifyReport(
                verifier,
                report,
                "ACC-1",
                Verification.Outcome.VERIFIED,
                LocalDate.parse("2027-02-28"),
                Optional.of(Co2eQuantity.ofTonnes(tonnes)),
                Optional.empty()));
  }

  /** The PDD's registrationRecordHash is never compared: any hash the operator files passes. */
  @Test
  void theRegistrationHashMustMatchThePddsRecord() {
    CreditLifecycleTest.verifiedNulhegan(r, TestRegistry.document("nulhegan-forest-2026.mrv.json"));
    t.adapters.identity().attestKyc("Nulhegan Abenaki Tribe", OPERATOR.actor(), t.clock.now());
    DocumentHash forged = DocumentHash.sha256("some other record");

    // the file must carry the hash the validated PDD declares
    assertThatThrownBy(
            () ->
                r.issuance()
                    .fileProperty(
                        new FileProperty(
                            OPERATOR,
                            NULHEGAN,
                            forged,
                            true,
                            0,
                            new TreasuryTemplate(List.of(), Percent.ZERO, Percent.ZERO),
                            Set.of())))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.getMessage()).contains("registeredRecordHash"));
    // and the receipt must cite it
    CreditLifecycleTest.fileNulhegan(r, Set.of());
    assertThatThrownBy(
            () ->
                r.issuance()
                    .request(new RequestIssuance(OPERATOR, ISSUANCE, REPORT, Optional.of(forged))))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.getMessage()).contains("registration_hash_mismatch"));
  }

  /** Receipts are content hashes: a repeated identical transition in one clock tick collides. */
  @Test
  void aRepeatedTransitionInTheSameTickIsNotRefused() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    r.credits()
        .sell(new SellCredits(move(ALICE, 1, 100, PROPERTY, ACME), Money.of("2500.00", USD)));
    r.credits().list(move(BUYER, 1, 100, ACME, null));
    r.credits().delist(move(BUYER, 1, 100, ACME, null));

    // same actor, same instant, same facts: same receipt -> "credit event already exists"
    assertThatCode(() -> r.credits().list(move(BUYER, 1, 100, ACME, null)))
        .doesNotThrowAnyException();
  }

  /** verify() checks the directory, validate() does not: a developer-org actor validates. */
  @Test
  void aValidatorListedUnderTheDevelopersOrganisationCannotValidateIt() {
    r.projects()
        .submit(
            new SubmitProject(ALICE, NULHEGAN, TestRegistry.document("nulhegan-forest.pdd.json")));
    // ver-carol is listed in the directory under northwoods-trust (Alice's organisation)
    Principal carolClaimingOtherOrg = Principal.of("ver-carol", "green-validation", Role.VALIDATOR);

    assertThatThrownBy(
            () -> r.projects().validate(new DecideProject(carolClaimingOtherOrg, NULHEGAN, "ok")))
        .isInstanceOf(DomainException.class);
  }

  /**
   * sell() decides "exchange execution by an operator" on one read of the blocks and plans the move
   * on a second read. A delist committed between the two (another instance, READ COMMITTED) lets
   * the operator sell credits that are no longer listed. Simulated with a block store that applies
   * the owner's delist between the two reads.
   */
  @Test
  void anOperatorCannotSellCreditsDelistedBetweenTheAuthorisationReadAndTheWrite() {
    issueNulhegan();
    r.credits().openAccount(new OpenAccount(BUYER, ACME));
    r.credits()
        .sell(new SellCredits(move(ALICE, 1, 100, PROPERTY, ACME), Money.of("2500.00", USD)));
    r.credits().list(move(BUYER, 1, 100, ACME, null));
    AccountId exchangeBuyer = new AccountId("xchg-buyer");
    r.credits()
        .openAccount(
            new OpenAccount(Principal.of("buyer-ben", "other-co", Role.HOLDER), exchangeBuyer));

    org.ogcr.port.out.CreditBlockStore real = t.adapters.ports().blocks();
    int[] reads = {0};
    org.ogcr.port.out.CreditBlockStore racing =
        new org.ogcr.port.out.CreditBlockStore() {
          public void insertIssuance(List<CreditBlock> b) {
            real.insertIssuance(b);
          }

          public void replace(org.ogcr.domain.credit.BlockChange c) {
            if (++reads[0] == 1) { // the owner's delist commits between the sale's read and write
              real.replace(
                  org.ogcr.domain.credit.IssuanceBlocks.of(
                          ISSUANCE,
                          new SerialRange(1, 429),
                          new AccountId("buffer-pool"),
                          real.ofIssuance(ISSUANCE))
                      .plan(
                          org.ogcr.domain.credit.CreditOperation.delist(
                              ISSUANCE, new SerialRange(1, 100), ACME)));
            }
            real.replace(c);
          }

          public List<CreditBlock> ofIssuance(IssuanceId id) {
            return real.ofIssuance(id);
          }

          public List<CreditBlock> around(IssuanceId id, long unit) {
            return real.around(id, unit);
          }

          public List<CreditBlock> ofOwner(AccountId o) {
            return real.ofOwner(o);
          }

          public org.ogcr.port.model.KeysetPage<CreditBlock> searchAfter(
              org.ogcr.port.model.BlockQuery q, org.ogcr.port.model.KeysetRequest k) {
            return real.searchAfter(q, k);
          }

          public org.ogcr.port.model.Page<CreditBlock> search(
              org.ogcr.port.model.BlockQuery q, org.ogcr.port.model.PageRequest p) {
            return real.search(q, p);
          }
        };
    org.ogcr.port.out.DrivenPorts p = t.adapters.ports();
    org.ogcr.port.out.DrivenPorts wrapped =
        new org.ogcr.port.out.DrivenPorts(
            p.unitOfWork(),
            p.clock(),
            p.serials(),
            p.audit(),
            p.outbox(),
            p.ledger(),
            p.identity(),
            p.documents(),
            p.documentStore(),
            p.methodologies(),
            p.projects(),
            p.reports(),
            p.issuances(),
            racing,
            p.accounts(),
            p.events(),
            p.attestations(),
            p.propertyFiles(),
            p.idempotency(),
            p.credentials(),
            p.accessLog());
    Registry second = Registry.start(wrapped, RegistrySettings.defaults());

    assertThatThrownBy(
            () ->
                second
                    .credits()
                    .sell(
                        new SellCredits(
                            move(OPERATOR, 1, 100, ACME, exchangeBuyer), Money.of("10.00", USD))))
        .isInstanceOf(DomainException.class);
  }

  /** Sign-off checks the role only: an officer of the property's own organisation signs. */
  @Test
  void anOfficerOfThePropertysOwnOrganisationCannotSignItsIssuance() {
    proposeNulhegan();
    Principal selfOfficer = Principal.of("off-nora", "northwoods-trust", Role.OFFICER);

    assertThatThrownBy(
            () -> r.issuance().sign(new SignIssuance(selfOfficer, ISSUANCE, SignOffRole.OFFICER)))
        .isInstanceOf(DomainException.class);
  }
}
