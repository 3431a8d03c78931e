package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.credit.SupplyTally;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.money.Beneficiary;
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
import org.ogcr.port.in.IssuanceUseCases.FileProperty;
import org.ogcr.port.in.IssuanceUseCases.RequestIssuance;
import org.ogcr.port.in.IssuanceUseCases.SignIssuance;
import org.ogcr.port.in.MonitoringUseCases.SubmitReport;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.DrivenPorts;

/**
 * A deterministic simulation: seeded random sequences of operations by many actors, valid and
 * invalid, through every use case, with the registry's invariants checked after every step:
 *
 * <ul>
 *   <li>supply: each issuance's blocks tile its serial range exactly (no gap, no overlap, so no
 *       credit is held twice) and its tally balances to the number issued;
 *   <li>a refused operation changes no state and leaves exactly one denied audit entry; an allowed
 *       one leaves exactly one allowed entry;
 *   <li>the audit chain verifies after every step;
 *   <li>after each relay the ledger accepted every command and holds the same blocks as the store.
 * </ul>
 *
 * A failure names the seed and step; {@code -Dogcr.simulation.seeds=<seed>} replays it, and {@code
 * -Dogcr.simulation.steps=<n>} changes the length (default 10,000).
 */
class RegistrySimulationTest {

  static final Currency USD = Currency.getInstance("USD");
  static final DocumentHash REGISTRATION =
      new DocumentHash("1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1");

  @TestFactory
  List<DynamicTest> seededRuns() {
    String seeds = System.getProperty("ogcr.simulation.seeds", "20261125,7,424242");
    int steps = Integer.getInteger("ogcr.simulation.steps", 10_000);
    return Arrays.stream(seeds.split(","))
        .map(String::trim)
        .map(Long::parseLong)
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed + ", " + steps + " steps", () -> new Run(seed).go(steps)))
        .toList();
  }

  /** One simulated history. */
  static final class Run {

    final long seed;
    final Random random;
    final TestRegistry t = TestRegistry.create();
    final Registry r = t.registry;
    final DrivenPorts ports = t.adapters.ports();

    /** The holders: the three property developers and four buyers. */
    final List<Principal> holders = new ArrayList<>();

    /** Every holder account and who holds it. */
    final Map<AccountId, Principal> accounts = new LinkedHashMap<>();

    final Map<ProjectId, String> mrvTemplate = new LinkedHashMap<>();
    final Map<ProjectId, Integer> nextYear = new LinkedHashMap<>();
    final Map<ProjectId, Principal> developer = new LinkedHashMap<>();
    final List<IssuanceId> issued = new ArrayList<>();
    int ids;
    Optional<ChainedEntry> verifiedUpTo = Optional.empty();
    int allowed;
    int denied;
    long relayedCommands;

    Run(long seed) {
      this.seed = seed;
      this.random = new Random(seed);
    }

    void go(int steps) {
      setUp();
      for (int step = 1; step <= steps; step++) {
        try {
          step();
          t.clock.advance(Duration.ofMinutes(1 + random.nextInt(120)));
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(
              "simulation seed "
                  + seed
                  + " failed at step "
                  + step
                  + "; replay with -Dogcr.simulation.seeds="
                  + seed
                  + " -Dogcr.simulation.steps="
                  + step
                  + ": "
                  + e,
              e);
        }
      }
      relay();
      System.out.printf(
          "simulation seed %d: %d steps, %d allowed, %d denied decisions, %d issuances, %d ledger"
              + " commands relayed%n",
          seed, steps, allowed, denied, issued.size(), relayedCommands);
      assertThat(allowed).as("allowed operations").isGreaterThan(steps / 5);
      assertThat(denied).as("denied operations").isGreaterThan(steps / 20);
    }

    private void setUp() {
      Principal alice = TestRegistry.ALICE;
      Principal sigrun = TestRegistry.SIGRUN;
      Principal jonas =
          Principal.of("dev-jonas", "oderbruch-kohlenstoff", Role.DEVELOPER, Role.HOLDER);
      register("nulhegan-forest", alice);
      register("hellisheidi-dac", sigrun);
      register("oderbruch-biochar", jonas);
      t.adapters
          .identity()
          .attestKyc("Nulhegan Abenaki Tribe", TestRegistry.OPERATOR.actor(), t.clock.now());
      r.issuance()
          .fileProperty(
              new FileProperty(
                  TestRegistry.OPERATOR,
                  new ProjectId("nulhegan-forest"),
                  REGISTRATION,
                  true,
                  0,
                  new TreasuryTemplate(
                      List.of(new Beneficiary("Nulhegan Abenaki Tribe", Percent.of("10"))),
                      Percent.of("20"),
                      Percent.of("5")),
                  Set.of()));
      holders.addAll(List.of(alice, sigrun, jonas));
      for (int i = 0; i < 4; i++) {
        Principal buyer = Principal.of("buyer-" + i, "buyer-org-" + i, Role.HOLDER);
        t.adapters.identity().register(buyer.actor(), buyer.organisation());
        holders.add(buyer);
        for (int a = 0; a < 2; a++) {
          AccountId id = new AccountId("acct-" + i + "-" + a);
          r.credits().openAccount(new OpenAccount(buyer, id));
          accounts.put(id, buyer);
        }
      }
      for (ProjectId p : mrvTemplate.keySet()) {
        annualIssuance(p);
      }
      check(true);
    }

    private void register(String name, Principal dev) {
      ProjectId id = new ProjectId(name);
      t.adapters.identity().register(dev.actor(), dev.organisation());
      r.projects().submit(new SubmitProject(dev, id, TestRegistry.document(name + ".pdd.json")));
      r.projects().validate(new DecideProject(TestRegistry.VALIDATOR, id, "validated"));
      mrvTemplate.put(id, TestRegistry.document(name + "-2026.mrv.json"));
      nextYear.put(id, 2026);
      developer.put(id, dev);
      accounts.put(new AccountId("property:" + name), dev);
    }

    /** The whole valid issuance path for the project's next year, several use cases in a row. */
    private void annualIssuance(ProjectId p) {
      int year = nextYear.get(p);
      nextYear.put(p, year + 1);
      String mrv =
          mrvTemplate.get(p).replace("2027-", (year + 1) + "-").replace("2026-", year + "-");
      Instant needed =
          LocalDate.of(year + 1, 3, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
      if (t.clock.now().isBefore(needed)) {
        t.clock.advance(Duration.between(t.clock.now(), needed));
      }
      ReportId report = new ReportId(p.value() + "-" + year);
      Principal dev = developer.get(p);
      Principal verifier =
          switch (p.value()) {
            case "nulhegan-forest" -> TestRegistry.BOB;
            case "hellisheidi-dac" -> Principal.of("ver-lars", "nordic-assurance", Role.VERIFIER);
            default -> Principal.of("ver-mira", "alpine-carbon-audit", Role.VERIFIER);
          };
      IssuanceId issuance = new IssuanceId(p.value() + "-" + year);
      attempt(() -> r.monitoring().submit(new SubmitReport(dev, report, mrv)));
      attempt(
          () ->
              r.monitoring()
                  .verify(
                      new VerifyReport(
                          verifier,
                          report,
                          "ACC-" + year,
                          Verification.Outcome.VERIFIED,
                          LocalDate.of(year + 1, 2, 15),
                          Optional.of(
                              ports
                                  .reports()
                                  .find(report)
                                  .map(x -> x.netRemoval())
                                  .orElse(Co2eQuantity.ZERO)),
                          Optional.empty())));
      attempt(
          () ->
              r.issuance()
                  .request(
                      new RequestIssuance(
                          TestRegistry.OPERATOR, issuance, report, Optional.of(REGISTRATION))));
      attempt(
          () ->
              r.issuance()
                  .sign(new SignIssuance(TestRegistry.OFFICER_1, issuance, SignOffRole.OFFICER)));
      attempt(
          () ->
              r.issuance()
                  .sign(new SignIssuance(TestRegistry.OFFICER_2, issuance, SignOffRole.OFFICER)));
      attempt(
          () ->
              r.issuance()
                  .sign(new SignIssuance(TestRegistry.AUDITOR, issuance, SignOffRole.AUDITOR)));
      if (ports
          .issuances()
          .find(issuance)
          .map(i -> i.status() == IssuanceStatus.ISSUED)
          .orElse(false)) {
        issued.add(issuance);
      }
    }

    /** Runs one use case call and checks the per-call invariants. */
    private void attempt(Runnable call) {
      List<Object> before = fingerprint();
      long head = auditHead();
      boolean ok;
      try {
        call.run();
        ok = true;
        allowed++;
      } catch (DomainException refused) {
        ok = false;
        denied++;
      }
      List<ChainedEntry> added = ports.audit().read(head + 1, 10);
      assertThat(added).as("audit entries of one decision").hasSize(1);
      assertThat(added.get(0).entry().outcome())
          .isEqualTo(ok ? AuditEntry.Outcome.ALLOWED : AuditEntry.Outcome.DENIED);
      if (!ok) {
        assertThat(fingerprint()).as("state after a refused operation").isEqualTo(before);
      }
    }

    private long auditHead() {
      return ports.audit().head().map(ChainedEntry::sequence).orElse(0L);
    }

    private void step() {
      int dice = random.nextInt(100);
      if (dice < 22) {
        move(Kind.TRANSFER);
      } else if (dice < 32) {
        move(Kind.LIST);
      } else if (dice < 38) {
        move(Kind.DELIST);
      } else if (dice < 55) {
        move(Kind.SELL);
      } else if (dice < 70) {
        move(Kind.RETIRE);
      } else if (dice < 73) {
        invalidate();
      } else if (dice < 75) {
        annualIssuance(pick(new ArrayList<>(mrvTemplate.keySet())));
      } else if (dice < 80) {
        relay();
      } else if (dice < 84) {
        attempt(
            () ->
                r.projects()
                    .submit(
                        new SubmitProject(
                            TestRegistry.ALICE,
                            new ProjectId("garbage-" + ids++),
                            random.nextBoolean() ? "{\"type\":\"Feature\"" : "[]")));
      } else if (dice < 88) {
        AccountId id = new AccountId("extra-" + random.nextInt(20));
        Principal who = pick(holders);
        attempt(() -> r.credits().openAccount(new OpenAccount(who, id)));
        if (ports
            .accounts()
            .find(id)
            .map(a -> a.holder().equals(who.organisation()))
            .orElse(false)) {
          accounts.putIfAbsent(id, who);
        }
      } else if (dice < 92) {
        attempt(
            () ->
                r.monitoring()
                    .verify(
                        new VerifyReport(
                            TestRegistry.CAROL,
                            new ReportId("nulhegan-forest-2026"),
                            "ACC",
                            Verification.Outcome.VERIFIED,
                            LocalDate.of(2027, 2, 15),
                            Optional.of(Co2eQuantity.ofTonnes("1")),
                            Optional.empty())));
      } else {
        move(pick(List.of(Kind.values())), true);
      }
      check(false);
    }

    enum Kind {
      TRANSFER,
      LIST,
      DELIST,
      SELL,
      RETIRE
    }

    private void move(Kind kind) {
      move(kind, false);
    }

    /**
     * A move of a random sub-range of a random live block, usually by its holder to another
     * account; when {@code adversarial}, by someone else, or across blocks, or to a made-up
     * account.
     */
    private void move(Kind kind, boolean adversarial) {
      if (issued.isEmpty()) {
        return;
      }
      IssuanceId issuance = pick(issued);
      List<CreditBlock> blocks = ports.blocks().ofIssuance(issuance);
      // honest moves start from a live block someone can move; adversarial ones from any block
      List<CreditBlock> movable =
          blocks.stream()
              .filter(b -> !b.status().isFinal() && accounts.containsKey(b.owner()))
              .toList();
      CreditBlock block = pick(adversarial || movable.isEmpty() ? blocks : movable);
      long first = block.range().first() + (long) (random.nextDouble() * block.count());
      long last = first + (long) (random.nextDouble() * (block.range().last() - first + 1));
      last = Math.min(Math.max(last, first), block.range().last());
      if (adversarial && random.nextBoolean()) {
        last =
            Math.min(
                block.range().last() + 1 + random.nextInt(5),
                ports.issuances().find(issuance).orElseThrow().split().total());
      }
      SerialRange range = new SerialRange(first, last);
      Principal owner = accounts.getOrDefault(block.owner(), TestRegistry.OPERATOR);
      Principal who = adversarial && random.nextBoolean() ? pick(holders) : owner;
      AccountId to =
          adversarial && random.nextInt(4) == 0
              ? new AccountId("nobody-" + random.nextInt(3))
              : pick(new ArrayList<>(accounts.keySet()));
      if (to.equals(block.owner())) {
        to =
            new ArrayList<>(accounts.keySet()).get(0).equals(block.owner())
                ? new ArrayList<>(accounts.keySet()).get(1)
                : new ArrayList<>(accounts.keySet()).get(0);
      }
      AccountId target = to;
      MoveCredits move =
          new MoveCredits(
              who,
              issuance,
              range,
              block.owner(),
              kind == Kind.TRANSFER || kind == Kind.SELL ? Optional.of(target) : Optional.empty());
      switch (kind) {
        case TRANSFER -> attempt(() -> r.credits().transfer(move));
        case LIST -> attempt(() -> r.credits().list(move));
        case DELIST -> attempt(() -> r.credits().delist(move));
        case SELL -> {
          boolean exchange = block.status() == CreditStatus.LISTED && random.nextBoolean();
          MoveCredits sale =
              exchange
                  ? new MoveCredits(
                      TestRegistry.OPERATOR, issuance, range, block.owner(), Optional.of(target))
                  : move;
          Money price =
              adversarial && random.nextInt(3) == 0
                  ? Money.of("10.00", Currency.getInstance("EUR"))
                  : Money.of(Long.toString(1 + random.nextInt(50_000)) + ".00", USD);
          attempt(() -> r.credits().sell(new SellCredits(sale, price)));
        }
        case RETIRE ->
            attempt(
                () ->
                    r.credits()
                        .retire(
                            new RetireCredits(
                                move,
                                random.nextInt(10) == 0 ? "" : "claim " + random.nextInt(1000),
                                Optional.of("beneficiary " + random.nextInt(10)),
                                Optional.of(pick(List.of("GB", "US", "DE", "IS"))),
                                Optional.of("voluntary_offset"))));
      }
    }

    private void invalidate() {
      if (issued.isEmpty()) {
        return;
      }
      IssuanceId issuance = pick(issued);
      long total = ports.issuances().find(issuance).orElseThrow().split().total();
      long first = 1 + (long) (random.nextDouble() * total);
      long count = 1 + random.nextInt(random.nextInt(10) == 0 ? 500 : 15);
      SerialRange lost = new SerialRange(first, Math.min(total, first + count - 1));
      boolean deliberate = random.nextBoolean();
      Principal who =
          random.nextInt(10) == 0
              ? pick(holders)
              : deliberate ? TestRegistry.ADMIN : TestRegistry.OPERATOR;
      attempt(
          () ->
              r.credits()
                  .invalidate(
                      new InvalidateCredits(who, issuance, lost, "catastrophic loss", deliberate)));
    }

    private void relay() {
      var round = r.relayLedger();
      assertThat(round.refused()).as("ledger refusals").isZero();
      assertThat(round.failed()).as("ledger failures").isZero();
      relayedCommands += round.relayed();
      for (IssuanceId id : issued) {
        assertThat(t.adapters.ledger().blocks(id))
            .as("ledger blocks of " + id)
            .containsExactlyElementsOf(ports.blocks().ofIssuance(id));
      }
    }

    /** Supply, coverage and the audit chain; {@code full} also re-walks the whole chain. */
    private void check(boolean full) {
      long pool = 0;
      for (IssuanceId id : issued) {
        IssuanceRecord issuance = ports.issuances().find(id).orElseThrow();
        List<CreditBlock> blocks = ports.blocks().ofIssuance(id);
        // tiles [1, total] exactly, or throws naming the gap or overlap
        IssuanceBlocks.of(
            id, new SerialRange(1, issuance.split().total()), issuance.bufferPool(), blocks);
        SupplyTally.of(blocks).requireBalanced(issuance.split().total());
        for (CreditBlock b : blocks) {
          assertThat(ports.accounts().find(b.owner())).as("owner of " + b).isPresent();
          if (b.owner().equals(issuance.bufferPool()) && !b.status().isFinal()) {
            pool += b.count();
          }
        }
      }
      assertThat(pool).isNotNegative();
      if (full || random.nextInt(200) == 0) {
        assertThat(r.audit().verifyChain()).as("whole audit chain").isEmpty();
        verifiedUpTo = ports.audit().head();
      } else {
        // the entries since the last check chain onto it and hash as recorded
        long from = verifiedUpTo.map(ChainedEntry::sequence).orElse(0L) + 1;
        for (ChainedEntry e : ports.audit().read(from, 10_000)) {
          assertThat(e.previous())
              .as("previous hash of audit entry " + e.sequence())
              .isEqualTo(verifiedUpTo.map(ChainedEntry::hash).orElse(AuditChain.GENESIS));
          assertThat(AuditChain.hash(e.sequence(), e.previous(), e.entry()))
              .as("hash of audit entry " + e.sequence())
              .isEqualTo(e.hash());
          verifiedUpTo = Optional.of(e);
        }
      }
    }

    /** Everything a refused operation must leave as it was, compared by value. */
    private List<Object> fingerprint() {
      List<Object> state = new ArrayList<>();
      state.add(ports.blocks().search(BlockQuery.ALL, new PageRequest(0, 1)).total());
      for (IssuanceId id : issued) {
        state.add(ports.blocks().ofIssuance(id));
      }
      state.add(ports.projects().all(ProjectQuery.ALL));
      state.add(ports.reports().all(ReportQuery.ALL));
      state.add(ports.issuances().list(Optional.empty(), Optional.empty()));
      state.add(
          ports
              .events()
              .search(Optional.empty(), Optional.empty(), Optional.empty(), new PageRequest(0, 1))
              .total());
      state.add(t.adapters.outbox().due(Instant.MAX, PageRequest.MAX_LIMIT).size());
      for (AccountId a : accounts.keySet()) {
        state.add(ports.accounts().find(a));
      }
      return state;
    }

    private <T> T pick(List<T> items) {
      return items.get(random.nextInt(items.size()));
    }
  }
}
