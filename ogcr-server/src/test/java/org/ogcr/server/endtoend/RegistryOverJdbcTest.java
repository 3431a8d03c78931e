package org.ogcr.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.adapter.evm.AnvilNode;
import org.ogcr.adapter.evm.EvmChainIndexer;
import org.ogcr.adapter.evm.EvmCreditLedger;
import org.ogcr.adapter.evm.EvmReconciliation;
import org.ogcr.adapter.inmemory.InMemoryCreditLedger;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.jdbc.JdbcAdapters;
import org.ogcr.adapter.jdbc.JdbcChainProjection;
import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
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
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.port.in.CreditUseCases.InvalidateCredits;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.RetireCredits;
import org.ogcr.port.in.CreditUseCases.SellCredits;
import org.ogcr.port.in.IdempotentRequests;
import org.ogcr.port.in.IssuanceUseCases.FileProperty;
import org.ogcr.port.in.IssuanceUseCases.RequestIssuance;
import org.ogcr.port.in.IssuanceUseCases.SignIssuance;
import org.ogcr.port.in.MethodologyUseCases.RegisterMethodology;
import org.ogcr.port.in.MonitoringUseCases.SubmitReport;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.RecordedResponse;
import org.ogcr.port.model.Verification;

/**
 * The registry function spec's worked example through every use case over the JDBC adapter, on an
 * H2 file database and on a real PostgreSQL 17: issue, sell, retire, a deliberate loss, a refusal,
 * the ledger relay, the audit chain, and a restart that finds everything as it was.
 */
class RegistryOverJdbcTest {

  static final Principal ADMIN =
      Principal.of("admin-ann", "registry", Role.ADMINISTRATOR, Role.OPERATOR);
  static final Principal ALICE =
      Principal.of("dev-alice", "northwoods-trust", Role.DEVELOPER, Role.HOLDER);
  static final Principal VERA = Principal.of("val-vera", "green-validation", Role.VALIDATOR);
  static final Principal BOB = Principal.of("ver-bob", "vermont-verifiers", Role.VERIFIER);
  static final Principal OLGA = Principal.of("off-olga", "registry", Role.OFFICER);
  static final Principal OSCAR = Principal.of("off-oscar", "registry", Role.OFFICER);
  static final Principal ADA = Principal.of("aud-ada", "audit-committee", Role.AUDITOR);
  static final Principal BEA = Principal.of("buyer-bea", "acme-climate", Role.HOLDER);
  static final ProjectId NULHEGAN = new ProjectId("nulhegan-forest");
  static final ReportId REPORT = new ReportId("nulhegan-forest-2026");
  static final IssuanceId ISSUANCE = new IssuanceId("nulhegan-2026");
  static final AccountId ACME = new AccountId("acme-main");
  static final AccountId PROPERTY = new AccountId("property:nulhegan-forest");
  static final DocumentHash REGISTRATION =
      new DocumentHash("1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1");
  static final Currency USD = Currency.getInstance("USD");

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void theWorkedExampleOnAnH2FileDatabaseSurvivesARestart(@TempDir Path data) {
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
    InMemoryCreditLedger ledger = new InMemoryCreditLedger();
    Registry first = registry(JdbcDatabase.h2File(data), clock, ledger);
    runTheWorkedExample(first, clock);

    // a new process would open the same files: a new database handle, adapters and registry
    Registry second = registry(JdbcDatabase.h2File(data), clock, ledger);
    assertTheOutcome(second);
  }

  @Test
  void theWorkedExampleRelaysToTheContractsOnAnEvmNode_andTheChainHoldsTheRegistrysBlocks()
      throws Exception {
    try (AnvilNode node = AnvilNode.start()) {
      AnvilNode.Deployed d = node.deployRegistry(1);
      EvmCreditLedger chain = node.ledger(d);
      ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
      JdbcDatabase db = JdbcDatabase.open(postgres.getDatabase("postgres", freshDatabase()));
      Registry r = registry(db, clock, chain);
      // issuance, sale, retirement and a reversal with replacements from the buffer pool: every
      // command relayed, none refused by the contracts
      runTheWorkedExample(r, clock);
      assertTheOutcome(r);
      List<CreditBlock> registry =
          org.ogcr.server.RegistryBlocks.of(r, Optional.empty(), Optional.empty());
      assertThat(chain.differences(ISSUANCE, registry)).isEmpty();
      assertThat(chain.liveBlocks(ISSUANCE)).hasSameSizeAs(registry);
      // and the reconciliation sees a difference when there is one
      assertThat(chain.differences(ISSUANCE, registry.subList(1, registry.size())))
          .singleElement()
          .asString()
          .startsWith("only on chain: ");

      // the event index in the same PostgreSQL database holds the chain's tokens: the
      // reconciliation finds the registry, the index and the contract in agreement
      JdbcChainProjection projection = JdbcChainProjection.over(db);
      EvmChainIndexer.Round round =
          new EvmChainIndexer(
                  node.web3j(),
                  projection,
                  EvmChainIndexer.Settings.of(d.settings(), d.contracts().deployedAt(), 1000))
              .poll();
      assertThat(round.logs()).isPositive();
      EvmReconciliation reconciliation = new EvmReconciliation(chain, projection);
      EvmReconciliation.Report report =
          reconciliation.reconcile(
              java.util.Map.of(ISSUANCE, registry), java.util.Set.of(), clock.now());
      assertThat(report.differences()).isEmpty();
      assertThat(report.checked()).isEqualTo(1);
      assertThat(
              reconciliation
                  .reconcile(
                      java.util.Map.of(ISSUANCE, registry.subList(1, registry.size())),
                      java.util.Set.of(),
                      clock.now())
                  .differences())
          .extracting(EvmReconciliation.Difference::kind)
          .containsExactly("only_on_chain");
    }
  }

  @Test
  void theWorkedExampleOnPostgresql() {
    DataSource ds = postgres.getPostgresDatabase();
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
    InMemoryCreditLedger ledger = new InMemoryCreditLedger();
    Registry registry = registry(JdbcDatabase.open(ds), clock, ledger);
    runTheWorkedExample(registry, clock);
    assertTheOutcome(registry(JdbcDatabase.open(ds), clock, ledger));
  }

  @Test
  void severalInstancesStartingTogetherOnAnEmptyDatabaseAllStart() throws Exception {
    String name = "fresh_" + System.nanoTime();
    try (var c = postgres.getPostgresDatabase().getConnection();
        var st = c.createStatement()) {
      st.execute("create database " + name);
    }
    DataSource ds = postgres.getDatabase("postgres", name);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Registry>> started = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        started.add(
            pool.submit(
                () -> {
                  go.await();
                  ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
                  return Registry.start(
                      JdbcAdapters.create(
                              JdbcDatabase.open(ds),
                              clock,
                              new InMemoryCreditLedger(),
                              JsonDocumentReader.withDefaults())
                          .ports(),
                      RegistrySettings.defaults());
                }));
      }
      go.countDown();
      for (var f : started) {
        assertThat(f.get(120, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
    Registry any =
        registry(JdbcDatabase.open(ds), new ManualClock(Instant.EPOCH), new InMemoryCreditLedger());
    assertThat(any.credits().account(any.credits().bufferPool())).isPresent();
  }

  @Test
  void aRequestRepeatedAcrossTwoInstancesOnPostgresqlRunsOnce() throws Exception {
    DataSource ds = postgres.getDatabase("postgres", freshDatabase());
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
    assertRunsOnce(
        registry(JdbcDatabase.open(ds), clock, new InMemoryCreditLedger()),
        registry(JdbcDatabase.open(ds), clock, new InMemoryCreditLedger()));
  }

  @Test
  void aRequestRepeatedAcrossTwoInstancesOnH2RunsOnce(@TempDir Path data) throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
    assertRunsOnce(
        registry(JdbcDatabase.h2File(data), clock, new InMemoryCreditLedger()),
        registry(JdbcDatabase.h2File(data), clock, new InMemoryCreditLedger()));
  }

  /**
   * Sixteen threads, half on each instance, send the same project submission with the same
   * Idempotency-Key at once: one runs it, every other one gets its response, and the audit holds
   * one decision.
   */
  private static void assertRunsOnce(Registry one, Registry two) throws Exception {
    one.methodologies()
        .register(new RegisterMethodology(ADMIN, read("methodologies/ec-m-1.1.0.json")));
    String pdd = read("documents/valid/nulhegan-forest.pdd.json");
    long before = one.audit().entries(1, 10_000).size();
    int threads = 16;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<IdempotentRequests.Outcome> outcomes = new java.util.ArrayList<>();
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<IdempotentRequests.Outcome>> sent =
          new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Registry r = i % 2 == 0 ? one : two;
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return r.idempotency()
                      .once(
                          ALICE,
                          "9f1c2a6e-submit-nulhegan",
                          "POST /projects/nulhegan-forest",
                          () -> {
                            try {
                              r.projects().submit(new SubmitProject(ALICE, NULHEGAN, pdd));
                              return RecordedResponse.of(201, "application/json", "{}");
                            } catch (DomainException e) {
                              return RecordedResponse.of(409, "application/problem+json", e.code());
                            }
                          });
                }));
      }
      go.countDown();
      for (var f : sent) {
        outcomes.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(outcomes).extracting(o -> o.response().status()).containsOnly(201);
    assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
    List<ChainedEntry> decided = one.audit().entries(before + 1, 10_000);
    assertThat(decided)
        .extracting(e -> e.entry().outcome())
        .containsExactly(AuditEntry.Outcome.ALLOWED);
    assertThat(two.audit().verifyChain()).isEmpty();
  }

  private static String freshDatabase() throws java.sql.SQLException {
    String name = "fresh_" + System.nanoTime();
    try (var c = postgres.getPostgresDatabase().getConnection();
        var st = c.createStatement()) {
      st.execute("create database " + name);
    }
    return name;
  }

  private static Registry registry(
      JdbcDatabase db, ManualClock clock, org.ogcr.port.out.CreditLedger ledger) {
    JdbcAdapters jdbc = JdbcAdapters.create(db, clock, ledger, JsonDocumentReader.withDefaults());
    for (Principal p : List.of(ADMIN, ALICE, VERA, BOB, OLGA, OSCAR, ADA, BEA)) {
      if (jdbc.identity().organisationOf(p.actor()).isEmpty()) {
        jdbc.identity().register(p.actor(), p.organisation());
      }
    }
    return Registry.start(jdbc.ports(), RegistrySettings.defaults());
  }

  private static void runTheWorkedExample(Registry r, ManualClock clock) {
    r.methodologies()
        .register(new RegisterMethodology(ADMIN, read("methodologies/ec-m-1.1.0.json")));
    r.projects()
        .submit(
            new SubmitProject(ALICE, NULHEGAN, read("documents/valid/nulhegan-forest.pdd.json")));
    r.projects().validate(new DecideProject(VERA, NULHEGAN, "boundary and easement checked"));
    r.monitoring()
        .submit(
            new SubmitReport(ALICE, REPORT, read("documents/valid/nulhegan-forest-2026.mrv.json")));
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
    r.issuance()
        .fileProperty(
            new FileProperty(
                ADMIN,
                NULHEGAN,
                REGISTRATION,
                true,
                0,
                new TreasuryTemplate(List.of(), Percent.of("20"), Percent.of("5")),
                Set.of()));
    r.issuance().request(new RequestIssuance(ADMIN, ISSUANCE, REPORT, Optional.of(REGISTRATION)));
    r.issuance().sign(new SignIssuance(OLGA, ISSUANCE, SignOffRole.OFFICER));
    r.issuance().sign(new SignIssuance(OSCAR, ISSUANCE, SignOffRole.OFFICER));
    r.issuance().sign(new SignIssuance(ADA, ISSUANCE, SignOffRole.AUDITOR));
    r.credits().openAccount(new OpenAccount(BEA, ACME));
    r.credits()
        .sell(
            new SellCredits(
                new MoveCredits(
                    ALICE, ISSUANCE, new SerialRange(1, 100), PROPERTY, Optional.of(ACME)),
                Money.of("2500.00", USD)));
    r.credits()
        .retire(
            new RetireCredits(
                new MoveCredits(BEA, ISSUANCE, new SerialRange(1, 40), ACME, Optional.empty()),
                "2026 operational emissions claim",
                Optional.of("Acme Climate Ltd"),
                Optional.of("GB"),
                Optional.of("voluntary_offset")));
    r.credits()
        .invalidate(new InvalidateCredits(ADMIN, ISSUANCE, new SerialRange(41, 50), "arson", true));

    // a refusal: Bea moves the property's credits; nothing changes, the denial is recorded
    long before = r.audit().entries(1, 10_000).size();
    assertThatThrownBy(
            () ->
                r.credits()
                    .transfer(
                        new MoveCredits(
                            BEA, ISSUANCE, new SerialRange(200, 210), PROPERTY, Optional.of(ACME))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("not_owner"));
    List<org.ogcr.domain.audit.ChainedEntry> all = r.audit().entries(1, 10_000);
    assertThat(all).hasSize((int) before + 1);
    assertThat(all.get(all.size() - 1).entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);

    var round = r.relayLedger();
    assertThat(round.refused()).isZero();
    assertThat(round.failed()).isZero();
    assertThat(round.relayed()).isGreaterThan(20);
  }

  private static void assertTheOutcome(Registry r) {
    List<CreditBlock> blocks =
        org.ogcr.server.RegistryBlocks.of(r, Optional.of(NULHEGAN), Optional.of(2026));
    SupplyTally.of(blocks).requireBalanced(429);
    assertThat(blocks)
        .filteredOn(b -> b.status() == CreditStatus.RETIRED)
        .extracting(CreditBlock::range)
        .containsExactly(new SerialRange(1, 40));
    assertThat(blocks)
        .filteredOn(CreditBlock::isReplacement)
        .singleElement()
        .satisfies(b -> assertThat(b.count()).isEqualTo(10));
    assertThat(r.issuance().find(ISSUANCE).orElseThrow().code().format())
        .isEqualTo("EC-2026-0001-NULHEGAN");
    assertThat(r.audit().verifyChain()).isEmpty();
    assertThat(r.methodologies().list()).hasSize(1);
    assertThat(r.projects().document(NULHEGAN, 1)).isPresent();
  }

  private static String read(String path) {
    try (InputStream in =
        RegistryOverJdbcTest.class.getResourceAsStream("/org/ogcr/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
