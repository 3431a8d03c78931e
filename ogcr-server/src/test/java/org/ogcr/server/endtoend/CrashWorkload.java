package org.ogcr.server.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ogcr.adapter.inmemory.InMemoryCreditLedger;
import org.ogcr.adapter.jdbc.JdbcAdapters;
import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.domain.signoff.Signature;
import org.ogcr.port.in.CreditUseCases.InvalidateCredits;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.RetireCredits;
import org.ogcr.port.in.CreditUseCases.SellCredits;
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
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.DrivenPorts;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The process {@link CrashRecoveryOnPostgresTest} kills: a registry over its own JDBC stack on the
 * PostgreSQL database at {@code args[0]}, running issuances (report, verification, request and
 * three signatures) and moves of credits by their holders (transfers, sales, listings,
 * retirements), with now and then a loss, through the use cases in an endless loop until it is
 * killed. It never relays the ledger outbox; whatever it queues is left for whoever opens the
 * database after it.
 *
 * <p>Also the registry's cast and set-up, which the test shares: the three example projects, the
 * actors of the example directory, the holders' accounts, and a clock every process reads alike.
 *
 * <p>Usage: {@code CrashWorkload <jdbc-url> <seed>}. Opens its stack (migrating the schema if need
 * be, as any process does), prints {@link #STARTED} and waits for {@link #GO} on its standard
 * input, so the test can start it while another process still works. Prints {@link #READY} once its
 * first step has committed: a process that cannot write, behind a lock a killed one left, never
 * reports it runs. Any exception other than a refusal ends the process with a stack trace, which
 * the test reports; the end of its standard input ends it too.
 */
public final class CrashWorkload {

  /**
   * The line the workload prints once its stack is open and its registry started; it then waits for
   * {@link #GO} on its standard input before it writes anything.
   */
  static final String STARTED = "crash-workload: started";

  /** The line that starts the loop. */
  static final String GO = "go";

  /** The line the workload prints once its first step has committed. */
  static final String READY = "crash-workload: running";

  /** The line the workload prints as a step begins. */
  static final String STEP = "crash-workload: step";

  /** The line the workload prints as a step ends, done or refused. */
  static final String STEPPED = "crash-workload: stepped";

  /** The line prefix of each issuance the workload completes. */
  static final String ISSUED = "crash-workload: issued ";

  static final Principal ADMIN =
      Principal.of("admin-ann", "registry", Role.ADMINISTRATOR, Role.OPERATOR);
  static final Principal OPERATOR = Principal.of("ops-omar", "registry", Role.OPERATOR);
  static final Principal VALIDATOR = Principal.of("val-vera", "green-validation", Role.VALIDATOR);
  static final Principal OFFICER_1 = Principal.of("off-olga", "registry", Role.OFFICER);
  static final Principal OFFICER_2 = Principal.of("off-oscar", "registry", Role.OFFICER);
  static final Principal AUDITOR = Principal.of("aud-ada", "audit-committee", Role.AUDITOR);
  static final Principal ALICE =
      Principal.of("dev-alice", "northwoods-trust", Role.DEVELOPER, Role.HOLDER);
  static final Principal SIGRUN =
      Principal.of("dev-sigrun", "hengill-carbon-works", Role.DEVELOPER, Role.HOLDER);
  static final Principal JONAS =
      Principal.of("dev-jonas", "oderbruch-kohlenstoff", Role.DEVELOPER, Role.HOLDER);
  static final Principal BOB = Principal.of("ver-bob", "vermont-verifiers", Role.VERIFIER);
  static final Principal LARS = Principal.of("ver-lars", "nordic-assurance", Role.VERIFIER);
  static final Principal MIRA = Principal.of("ver-mira", "alpine-carbon-audit", Role.VERIFIER);
  static final List<Principal> BUYERS =
      List.of(
          Principal.of("buyer-bea", "acme-climate", Role.HOLDER),
          Principal.of("buyer-ben", "fjord-shipping", Role.HOLDER),
          Principal.of("buyer-bo", "oder-steel", Role.HOLDER));

  static final DocumentHash REGISTRATION =
      new DocumentHash("1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1");

  /** The first monitoring year; every later report covers the calendar year after the last. */
  static final int FIRST_YEAR = 2026;

  /**
   * The wall clock moved 400 Gregorian years (146,097 days) on, to the millisecond: the same in
   * every process, moving forward between processes, and far enough ahead that the verification of
   * any monitoring year inside the widened crediting periods lies in the past.
   */
  static final Clock CLOCK =
      () -> Instant.ofEpochMilli(System.currentTimeMillis()).plus(Duration.ofDays(146_097));

  /** An example project: its developer, its verifier and its documents. */
  record Project(ProjectId id, Principal developer, Principal verifier) {

    String pdd() {
      // the examples credit five or ten years; the workload reports on centuries of them
      return example("documents/valid/" + id.value() + ".pdd.json")
          .replace("\"end\": \"2031-01-01\"", "\"end\": \"2400-01-01\"")
          .replace("\"end\": \"2036-01-01\"", "\"end\": \"2400-01-01\"");
    }

    /** The example MRV with its monitoring period (and verification date) moved to {@code year}. */
    String mrv(int year) {
      return example("documents/valid/" + id.value() + "-2026.mrv.json")
          .replace("2027-", (year + 1) + "-")
          .replace("2026-", year + "-");
    }

    ReportId report(int year) {
      return new ReportId(id.value() + "-" + year);
    }

    AccountId account() {
      return new AccountId("property:" + id.value());
    }
  }

  static final List<Project> PROJECTS =
      List.of(
          new Project(new ProjectId("nulhegan-forest"), ALICE, BOB),
          new Project(new ProjectId("hellisheidi-dac"), SIGRUN, LARS),
          new Project(new ProjectId("oderbruch-biochar"), JONAS, MIRA));

  /** Every account credits move between, and the principal who holds it, in a fixed order. */
  static final Map<AccountId, Principal> ACCOUNTS = accounts();

  private static Map<AccountId, Principal> accounts() {
    Map<AccountId, Principal> accounts = new LinkedHashMap<>();
    for (Project p : PROJECTS) {
      accounts.put(p.account(), p.developer());
    }
    for (Principal buyer : BUYERS) {
      for (int a = 1; a <= 2; a++) {
        accounts.put(new AccountId(buyer.actor().value() + "-" + a), buyer);
      }
    }
    return Collections.unmodifiableMap(accounts);
  }

  private CrashWorkload() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CrashWorkload <jdbc-url> <seed>");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[0]);
    // a ledger nobody relays to: the outbox keeps everything this process queues
    JdbcAdapters jdbc = adapters(ds, new InMemoryCreditLedger());
    Registry registry = Registry.start(jdbc.ports(), RegistrySettings.defaults());
    Workload workload = new Workload(registry, jdbc.ports(), new Random(Long.parseLong(args[1])));
    workload.read();
    System.out.println(STARTED);
    System.out.flush();
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!GO.equals(commands.readLine())) {
      return;
    }
    // the test owns this process: when its end of the pipe closes, the workload ends too
    Thread orphaned =
        new Thread(
            () -> {
              try {
                while (commands.readLine() != null) {
                  // nothing else is sent
                }
              } catch (IOException e) {
                // the pipe broke: the same as closed
              }
              Runtime.getRuntime().halt(2);
            },
            "crash-workload-parent");
    orphaned.setDaemon(true);
    orphaned.start();
    long head = auditHead(jdbc.ports());
    while (auditHead(jdbc.ports()) == head) {
      workload.step();
    }
    System.out.println(READY);
    System.out.flush();
    while (true) {
      workload.step();
    }
  }

  static long auditHead(DrivenPorts ports) {
    return ports.audit().head().map(e -> e.sequence()).orElse(0L);
  }

  /** A fresh JDBC stack on {@code ds}: database handle (migrated on open) and every adapter. */
  static JdbcAdapters adapters(DataSource ds, CreditLedger ledger) {
    return JdbcAdapters.create(
        JdbcDatabase.open(ds), CLOCK, ledger, JsonDocumentReader.withDefaults());
  }

  static String example(String path) {
    try (InputStream in = CrashWorkload.class.getResourceAsStream("/org/ogcr/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The registry's set-up, once, on an empty database: the directory, the methodologies, the three
   * projects validated, the property's compliance file, the buyers' accounts, each project's first
   * year issued and its second year verified, ready to be requested.
   */
  static void setUp(Registry r, JdbcAdapters jdbc) {
    List<Principal> everyone = new ArrayList<>();
    everyone.addAll(
        List.of(
            ADMIN, OPERATOR, VALIDATOR, OFFICER_1, OFFICER_2, AUDITOR, ALICE, SIGRUN, JONAS, BOB,
            LARS, MIRA));
    everyone.addAll(BUYERS);
    for (Principal p : everyone) {
      jdbc.identity().register(p.actor(), p.organisation());
    }
    for (String m : List.of("biochar-m-2.0.0.json", "dac-m-1.0.0.json", "ec-m-1.1.0.json")) {
      r.methodologies().register(new RegisterMethodology(ADMIN, example("methodologies/" + m)));
    }
    for (Project p : PROJECTS) {
      r.projects().submit(new SubmitProject(p.developer(), p.id(), p.pdd()));
      r.projects().validate(new DecideProject(VALIDATOR, p.id(), "boundary and documents checked"));
    }
    r.issuance()
        .fileProperty(
            new FileProperty(
                ADMIN,
                PROJECTS.get(0).id(),
                REGISTRATION,
                true,
                0,
                new TreasuryTemplate(List.of(), Percent.of("20"), Percent.of("5")),
                Set.of()));
    for (Map.Entry<AccountId, Principal> a : ACCOUNTS.entrySet()) {
      if (!a.getKey().value().startsWith("property:")) {
        r.credits().openAccount(new OpenAccount(a.getValue(), a.getKey()));
      }
    }
    Workload w = new Workload(r, jdbc.ports(), new Random(0));
    for (Project p : PROJECTS) {
      // submit, verify, request, two officers' signatures, and the auditor's that issues
      for (int call = 1; !w.advance(p); call++) {
        if (call == 6) {
          throw new IllegalStateException("six use cases did not issue " + p.id());
        }
      }
      w.advance(p); // the next year's report, submitted
      w.advance(p); // and verified
    }
  }

  /** The loop's steps: issuances carried forward one use case at a time, and credit moves. */
  static final class Workload {

    private final Registry r;
    private final DrivenPorts ports;
    private final Random random;

    Workload(Registry r, DrivenPorts ports, Random random) {
      this.r = r;
      this.ports = ports;
      this.random = random;
    }

    /** What a step reads, without writing: warms the stack while the process waits. */
    void read() {
      for (IssuanceRecord issuance : ports.issuances().list(Optional.empty(), Optional.empty())) {
        ports.blocks().ofIssuance(issuance.id());
      }
      for (Project p : PROJECTS) {
        ports.reports().all(ReportQuery.ofProject(p.id()));
      }
    }

    /**
     * One step: mostly a move of credits, sometimes a whole issuance, now and then a loss that
     * invalidates credits and draws on the buffer pool (blocks of several issuances in one
     * transaction).
     */
    void step() {
      System.out.println(STEP);
      try {
        int dice = random.nextInt(100);
        if (dice < 16) {
          Project p = PROJECTS.get(random.nextInt(PROJECTS.size()));
          for (int call = 0; call < 8 && !advance(p); call++) {
            // each call is one use case, one transaction: a kill may fall between any two
          }
        } else if (dice < 20) {
          invalidate();
        } else {
          move();
        }
      } catch (DomainException refused) {
        // a refusal (a status the move does not allow, a loss the buffer pool cannot cover) is
        // part of the workload: it rolls back and records a denied audit entry
      }
      System.out.println(STEPPED);
    }

    /**
     * Takes the project's next issuance one use case further, from the state the database holds
     * (which a killed process may have left anywhere along the way): verifies a submitted report,
     * requests the issuance of a verified one, adds the next signature to a proposal, or submits
     * the next year's report.
     *
     * @return whether this call issued credits
     */
    boolean advance(Project p) {
      List<ReportRecord> reports = ports.reports().all(ReportQuery.ofProject(p.id()));
      for (ReportRecord report : reports) {
        if (report.status() == ReportStatus.SUBMITTED) {
          r.monitoring()
              .verify(
                  new VerifyReport(
                      p.verifier(),
                      report.id(),
                      "ACC-" + report.period().start().getYear(),
                      Verification.Outcome.VERIFIED,
                      report.period().end().plusDays(45),
                      Optional.of(report.netRemoval()),
                      Optional.empty()));
          return false;
        }
      }
      for (ReportRecord report : reports) {
        if (report.status() == ReportStatus.VERIFIED) {
          Optional<IssuanceRecord> issuance = ports.issuances().findByReport(report.id());
          if (issuance.isEmpty()) {
            r.issuance()
                .request(
                    new RequestIssuance(
                        OPERATOR,
                        new IssuanceId(report.id().value()),
                        report.id(),
                        Optional.of(REGISTRATION)));
            return false;
          }
          return sign(issuance.get());
        }
      }
      int year =
          reports.stream()
              .mapToInt(report -> report.period().start().getYear() + 1)
              .max()
              .orElse(FIRST_YEAR);
      r.monitoring().submit(new SubmitReport(p.developer(), p.report(year), p.mrv(year)));
      return false;
    }

    /** The next missing signature: two officers', then the auditor's, which issues. */
    private boolean sign(IssuanceRecord issuance) {
      Set<ActorId> signed =
          issuance.signOff().signatures().stream()
              .map(Signature::signer)
              .collect(Collectors.toSet());
      for (Principal signer : List.of(OFFICER_1, OFFICER_2, AUDITOR)) {
        if (!signed.contains(signer.actor())) {
          SignOffRole capacity = signer == AUDITOR ? SignOffRole.AUDITOR : SignOffRole.OFFICER;
          IssuanceRecord after =
              r.issuance().sign(new SignIssuance(signer, issuance.id(), capacity)).value();
          if (after.status() == IssuanceStatus.ISSUED) {
            System.out.println(ISSUED + after.id().value());
            return true;
          }
          return false;
        }
      }
      throw new IllegalStateException(
          "issuance " + issuance.id() + " is signed by all three but not issued: " + issuance);
    }

    /** A small catastrophic loss somewhere in an issuance, recorded by the administrator. */
    private void invalidate() {
      List<IssuanceRecord> issued = issued();
      if (issued.isEmpty()) {
        return;
      }
      IssuanceRecord issuance = issued.get(random.nextInt(issued.size()));
      long total = issuance.split().total();
      long first = 1 + (long) (random.nextDouble() * total);
      SerialRange lost = new SerialRange(first, Math.min(total, first + random.nextInt(15)));
      r.credits()
          .invalidate(
              new InvalidateCredits(
                  ADMIN, issuance.id(), lost, "catastrophic loss", random.nextBoolean()));
    }

    private List<IssuanceRecord> issued() {
      return ports.issuances().list(Optional.empty(), Optional.empty()).stream()
          .filter(i -> i.status() == IssuanceStatus.ISSUED)
          .toList();
    }

    /**
     * A random sub-range of a random live block moved by its holder: transferred, sold, listed or
     * retired; listed credits delisted, or sold on the exchange.
     */
    private void move() {
      List<IssuanceId> issued = issued().stream().map(IssuanceRecord::id).toList();
      if (issued.isEmpty()) {
        return;
      }
      IssuanceId issuance = issued.get(random.nextInt(issued.size()));
      List<CreditBlock> movable =
          ports.blocks().ofIssuance(issuance).stream()
              .filter(b -> !b.status().isFinal() && ACCOUNTS.containsKey(b.owner()))
              .toList();
      if (movable.isEmpty()) {
        return;
      }
      CreditBlock block = movable.get(random.nextInt(movable.size()));
      long first = block.range().first() + (long) (random.nextDouble() * block.count());
      long last = first + (long) (random.nextDouble() * (block.range().last() - first + 1));
      SerialRange range = new SerialRange(first, Math.min(last, block.range().last()));
      Principal holder = ACCOUNTS.get(block.owner());
      List<AccountId> others =
          ACCOUNTS.keySet().stream().filter(a -> !a.equals(block.owner())).toList();
      AccountId to = others.get(random.nextInt(others.size()));
      MoveCredits move = new MoveCredits(holder, issuance, range, block.owner(), Optional.of(to));
      MoveCredits inPlace =
          new MoveCredits(holder, issuance, range, block.owner(), Optional.empty());
      int dice = random.nextInt(100);
      switch (block.status()) {
        case ISSUED -> {
          if (dice < 50) {
            r.credits().transfer(move);
          } else {
            r.credits().sell(new SellCredits(move, price()));
          }
        }
        case HELD -> {
          if (dice < 30) {
            r.credits().transfer(move);
          } else if (dice < 55) {
            r.credits().sell(new SellCredits(move, price()));
          } else if (dice < 75) {
            r.credits().list(inPlace);
          } else {
            r.credits()
                .retire(
                    new RetireCredits(
                        inPlace,
                        "claim " + random.nextInt(1000),
                        Optional.of(holder.organisation().value()),
                        Optional.of("GB"),
                        Optional.of("voluntary_offset")));
          }
        }
        case LISTED -> {
          if (dice < 50) {
            r.credits().delist(inPlace);
          } else {
            // the exchange executes the listing: the operator records the sale
            r.credits()
                .sell(
                    new SellCredits(
                        new MoveCredits(OPERATOR, issuance, range, block.owner(), Optional.of(to)),
                        price()));
          }
        }
        default -> throw new IllegalStateException("not a live block: " + block);
      }
    }

    private Money price() {
      return Money.of(
          (1 + random.nextInt(50_000)) + ".00", RegistrySettings.defaults().fees().currency());
    }
  }
}
