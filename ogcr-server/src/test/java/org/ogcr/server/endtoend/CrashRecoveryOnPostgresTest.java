package org.ogcr.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.inmemory.InMemoryCreditLedger;
import org.ogcr.adapter.jdbc.JdbcAdapters;
import org.ogcr.application.LedgerRelay;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.credit.SupplyTally;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.out.DrivenPorts;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The JDBC adapter's crash test on a real PostgreSQL 17: a child JVM ({@link CrashWorkload}) runs
 * issuances and credit moves through the use cases over its own JDBC stack and is killed with
 * SIGKILL at a random moment, over and over. After every kill a fresh stack on the same database
 * must find:
 *
 * <ul>
 *   <li>nothing half-written: every issued issuance's blocks tile exactly its serials {@code [1,
 *       total]} with a balanced supply tally, its report is issued and its mint is queued; a
 *       proposed issuance has no blocks, no mint and a report still only verified; an issued
 *       report's issuance is issued; every credit event is attested, has its ledger command queued
 *       and belongs to an allowed decision in the audit log, and an issuance's issue events cover
 *       exactly its credits;
 *   <li>no credit lost or duplicated: the units of every stored block add up to the units of the
 *       issued issuances;
 *   <li>an unbroken audit chain;
 *   <li>the outbox entries the dead process queued and never relayed picked up: one relay sends
 *       them all, in order, to the one ledger the test keeps for the whole run, which accepts every
 *       one and then holds exactly the stored blocks of every issuance;
 *   <li>no session of the killed process, and so none of its locks, left behind; the checks run
 *       under a deadline, and the next process must commit before it counts as running;
 *   <li>durability: whatever the killed process committed before it said so (its first step, the
 *       issuances it reported) is there.
 * </ul>
 *
 * {@code -Dogcr.crash.seed=<seed>} replays the waits and the children's choices of a run (not the
 * instants of the kills, which the scheduler decides); {@code -Dogcr.crash.trials=<n>} changes the
 * number of kills (default 20).
 */
class CrashRecoveryOnPostgresTest {

  /** How long a child runs after it reports it is running: at least this, */
  private static final int MIN_RUN_MILLIS = 300;

  /** plus a random share of this. */
  private static final int EXTRA_RUN_MILLIS = 1_700;

  private static final Duration CHECK_DEADLINE = Duration.ofSeconds(60);

  /** A receipt an audit entry's detail names. */
  private static final Pattern RECEIPT = Pattern.compile("receipt ([0-9a-f]{64})");

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  /** What a check found. */
  record Snapshot(Set<String> issued, int proposed, long events, long auditHead) {}

  @Test
  void aRegistryKilledMidWorkRecoversEveryTime() throws Exception {
    long seed = Long.getLong("ogcr.crash.seed", System.currentTimeMillis());
    int trials = Integer.getInteger("ogcr.crash.trials", 20);
    System.out.printf(
        "crash test seed %d, %d trials; replay with -Dogcr.crash.seed=%d%n", seed, trials, seed);
    Random random = new Random(seed);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    // the one ledger every relay of the run sends to, fed from the start of the outbox
    InMemoryCreditLedger ledger = new InMemoryCreditLedger();
    long started = System.nanoTime();

    JdbcAdapters first = CrashWorkload.adapters(dataSource(url), ledger);
    CrashWorkload.setUp(Registry.start(first.ports(), RegistrySettings.defaults()), first);
    Snapshot start = check(url, ledger, "after the set-up");
    assertThat(start.issued()).as("issuances of the set-up").hasSize(3);

    Snapshot last = start;
    List<Child> children = new ArrayList<>();
    int seenConnected = 0;
    int killedMidStep = 0;
    try {
      // each process starts (JVM, stack, schema check, registry) while the one before it runs
      children.add(Child.start(url, 1, random.nextLong()));
      for (int trial = 1; trial <= trials; trial++) {
        String label = "trial " + trial + " (seed " + seed + ")";
        long runFor = MIN_RUN_MILLIS + random.nextInt(EXTRA_RUN_MILLIS + 1);
        Child child = children.get(trial - 1);
        child.go(label);
        long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runFor);
        if (trial < trials) {
          children.add(Child.start(url, trial + 1, random.nextLong()));
        }
        // meanwhile, see the workload's sessions at least once: the check after the kill that
        // none is left finds them by their application name
        boolean seen = false;
        while (!seen && System.nanoTime() < killAt) {
          seen = !sessions(dataSource(url), child.name).isEmpty();
        }
        seenConnected += seen ? 1 : 0;
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(killAt - System.nanoTime())));
        if (!child.process.isAlive()) {
          fail(
              "%s: the workload ended by itself with exit code %d before it was killed:%n%s",
              label, child.process.exitValue(), child.output());
        }
        child.process.destroyForcibly();
        assertThat(child.process.waitFor(30, TimeUnit.SECONDS))
            .as("%s: the killed workload is gone", label)
            .isTrue();
        assertThat(child.process.exitValue())
            .as("%s: killed by SIGKILL (128 + 9); output:%n%s", label, child.output())
            .isEqualTo(137);
        awaitNoSessionOf(child, dataSource(url), label);
        killedMidStep += child.killedMidStep() ? 1 : 0;

        Snapshot now = check(url, ledger, label);
        System.out.printf(
            "%s: killed %d ms after its first commit; %d issued and %d proposed issuances, %d"
                + " credit events, audit head %d%n",
            label, runFor, now.issued().size(), now.proposed(), now.events(), now.auditHead());
        // the first step committed before the workload said it runs: a commit survives the kill
        assertThat(now.auditHead())
            .as("%s: audit entries after the workload's first commit", label)
            .isGreaterThan(last.auditHead());
        assertThat(now.issued())
            .as("%s: issuances issued before, and those the workload reported issued", label)
            .containsAll(last.issued())
            .containsAll(child.issued());
        last = now;
      }
    } finally {
      children.forEach(c -> c.process.destroyForcibly());
    }

    System.out.printf(
        "crash test seed %d: %d kills in %d ms, %d of them in the middle of a step; issuances %d"
            + " -> %d, credit events %d -> %d, audit entries %d -> %d%n",
        seed,
        trials,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        killedMidStep,
        start.issued().size(),
        last.issued().size(),
        start.events(),
        last.events(),
        start.auditHead(),
        last.auditHead());
    assertThat(last.issued().size())
        .as("issuances at the end")
        .isGreaterThan(start.issued().size());
    assertThat(last.events()).as("credit events at the end").isGreaterThan(start.events());
    assertThat(seenConnected).as("trials whose workload was seen connected").isPositive();
    assertThat(killedMidStep).as("kills in the middle of a step").isPositive();
  }

  /**
   * Waits until no session of the killed workload is left: the database has noticed that its
   * connections are gone and rolled back their transactions, so no lock of theirs is left (nor kept
   * by a prepared transaction).
   */
  private static void awaitNoSessionOf(Child child, DataSource ds, String label) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (List<String> left = sessions(ds, child.name); !left.isEmpty(); ) {
      if (System.nanoTime() > deadline) {
        fail("%s: sessions survive the killed workload: %s", label, left);
      }
      Thread.sleep(10);
      left = sessions(ds, child.name);
    }
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertThat(strings(s, "select gid from pg_prepared_xacts"))
          .as("%s: prepared transactions", label)
          .isEmpty();
    }
  }

  /** The sessions of the workload process {@code name}: process id, state and query. */
  private static List<String> sessions(DataSource ds, String name) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select pid || ' ' || coalesce(state, '') || ' ' || coalesce(query, '')"
                    + " from pg_stat_activity where application_name = ?")) {
      s.setString(1, name);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Opens a fresh stack on the database and checks it, relaying the outbox, under a deadline. */
  private static Snapshot check(String url, InMemoryCreditLedger ledger, String label) {
    return assertTimeoutPreemptively(
        CHECK_DEADLINE,
        () -> check(CrashWorkload.adapters(dataSource(url), ledger), ledger, label),
        () -> label + ": the checks did not finish; is a lock left behind?");
  }

  private static Snapshot check(JdbcAdapters jdbc, InMemoryCreditLedger ledger, String label) {
    Registry registry = Registry.start(jdbc.ports(), RegistrySettings.defaults());
    DrivenPorts ports = jdbc.ports();
    // the reads in one transaction: one connection, one after another, instead of one for each
    Map<IssuanceId, List<CreditBlock>> blocks = new LinkedHashMap<>();
    Snapshot found = ports.unitOfWork().transact(() -> read(jdbc, registry, blocks, label));

    // the dead process's queued ledger commands: picked up, accepted, and nothing left behind
    LedgerRelay.Round round = registry.relayLedger();
    assertThat(round.refused()).as("%s: ledger refusals", label).isZero();
    assertThat(round.failed()).as("%s: ledger failures", label).isZero();
    assertThat(jdbc.outbox().due(Instant.MAX, 1)).as("%s: commands still pending", label).isEmpty();
    blocks.forEach(
        (issuance, stored) ->
            assertThat(ledger.blocks(issuance))
                .as("%s: ledger blocks of %s", label, issuance)
                .containsExactlyElementsOf(stored));
    return found;
  }

  /** The checks of the stored state; collects every issuance's blocks into {@code blocks}. */
  private static Snapshot read(
      JdbcAdapters jdbc,
      Registry registry,
      Map<IssuanceId, List<CreditBlock>> blocks,
      String label) {
    DrivenPorts ports = jdbc.ports();
    Set<String> issued = new HashSet<>();
    int proposed = 0;
    long units = 0;
    for (IssuanceRecord issuance : ports.issuances().list(Optional.empty(), Optional.empty())) {
      String what = label + ": issuance " + issuance.id();
      List<CreditBlock> its = ports.blocks().ofIssuance(issuance.id());
      blocks.put(issuance.id(), its);
      ReportRecord report = ports.reports().find(issuance.report()).orElseThrow();
      String mint = "mint-" + issuance.id().value();
      if (issuance.status() == IssuanceStatus.ISSUED) {
        issued.add(issuance.id().value());
        long total = issuance.split().total();
        units += total;
        // tiles [1, total] exactly, or throws naming the gap or overlap
        IssuanceBlocks.of(issuance.id(), new SerialRange(1, total), issuance.bufferPool(), its);
        SupplyTally.of(its).requireBalanced(total);
        assertThat(report.status()).as("%s: its report", what).isEqualTo(ReportStatus.ISSUED);
        assertThat(issuance.signOff().isApproved()).as("%s: its sign-off", what).isTrue();
        assertThat(issuance.receipt()).as("%s: its receipt", what).isPresent();
        assertThat(jdbc.outbox().find(mint)).as("%s: its mint", what).isPresent();
      } else {
        proposed++;
        assertThat(issuance.status()).as(what).isEqualTo(IssuanceStatus.PROPOSED);
        assertThat(its).as("%s: blocks of a proposal", what).isEmpty();
        assertThat(report.status()).as("%s: its report", what).isEqualTo(ReportStatus.VERIFIED);
        assertThat(jdbc.outbox().find(mint)).as("%s: a mint of a proposal", what).isEmpty();
      }
    }
    for (ReportRecord report : ports.reports().all(ReportQuery.ALL)) {
      if (report.status() == ReportStatus.ISSUED) {
        assertThat(ports.issuances().findByReport(report.id()))
            .as("%s: the issuance of issued report %s", label, report.id())
            .hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(IssuanceStatus.ISSUED));
      }
    }
    // every block in the store, whatever issuance it names: none lost, none twice, none stray
    long stored = 0;
    for (long offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      Page<CreditBlock> page =
          ports.blocks().search(BlockQuery.ALL, new PageRequest(offset, PageRequest.MAX_LIMIT));
      stored += page.items().stream().mapToLong(CreditBlock::count).sum();
      if (!page.hasNext()) {
        break;
      }
    }
    assertThat(stored).as("%s: credits in blocks against credits issued", label).isEqualTo(units);
    assertThat(registry.audit().verifyChain()).as("%s: the audit chain", label).isEmpty();

    // every credit event attested, queued for the ledger, and part of an allowed decision, whose
    // audit entry names the receipt it hangs on
    Set<String> decided = new HashSet<>();
    for (ChainedEntry e : ports.audit().read(1, 100_000)) {
      if (e.entry().outcome() == AuditEntry.Outcome.ALLOWED) {
        Matcher m = RECEIPT.matcher(e.entry().detail());
        while (m.find()) {
          decided.add(m.group(1));
        }
      }
    }
    Map<IssuanceId, Long> issuedByEvents = new HashMap<>();
    long events = 0;
    for (long offset = 0; ; offset += PageRequest.MAX_LIMIT) {
      Page<CreditEvent> page =
          ports
              .events()
              .search(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  new PageRequest(offset, PageRequest.MAX_LIMIT));
      for (CreditEvent event : page.items()) {
        events++;
        String what = label + ": " + event.kind() + " event " + event.receipt().hex();
        assertThat(ports.attestations().find(event.receipt()))
            .as("%s: its attestation", what)
            .isPresent();
        String anchor =
            event
                .details()
                .getOrDefault(
                    "issuanceReceipt",
                    event.details().getOrDefault("reversal", event.receipt().hex()));
        assertThat(decided).as("%s: the decision it belongs to", what).contains(anchor);
        if (event.kind() == CreditEvent.Kind.ISSUED) {
          issuedByEvents.merge(event.issuance(), event.range().count(), Long::sum);
        } else if (event.kind() != CreditEvent.Kind.SUBROGATED) {
          assertThat(jdbc.outbox().find("apply-" + event.receipt().hex()))
              .as("%s: its ledger command", what)
              .isPresent();
        }
      }
      if (!page.hasNext()) {
        break;
      }
    }
    for (IssuanceRecord issuance : ports.issuances().list(Optional.empty(), Optional.empty())) {
      assertThat(issuedByEvents.getOrDefault(issuance.id(), 0L))
          .as("%s: credits of the issue events of %s", label, issuance.id())
          .isEqualTo(issuance.status() == IssuanceStatus.ISSUED ? issuance.split().total() : 0L);
    }
    return new Snapshot(Set.copyOf(issued), proposed, events, CrashWorkload.auditHead(ports));
  }

  private static PGSimpleDataSource dataSource(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  /** A workload process and what it printed. */
  private static final class Child {

    final Process process;

    /** The application name its database sessions carry. */
    final String name;

    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    private final Thread reader;

    private Child(Process process, String name) {
      this.process = process;
      this.name = name;
      this.reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    add(line);
                  }
                } catch (IOException e) {
                  add("(output unreadable: " + e + ")");
                } finally {
                  synchronized (this) {
                    ended = true;
                    notifyAll();
                  }
                }
              },
              "crash-workload-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(String url, int number, long seed) {
      String name = "crash-workload-" + number;
      ProcessBuilder builder =
          new ProcessBuilder(
              System.getProperty("java.home") + "/bin/java",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-Xmx256m",
              "-cp",
              System.getProperty("java.class.path"),
              CrashWorkload.class.getName(),
              url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name,
              Long.toString(seed));
      builder.redirectErrorStream(true);
      try {
        return new Child(builder.start(), name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private synchronized void add(String line) {
      lines.add(line);
      notifyAll();
    }

    /** Lets the started workload run, and waits until it has committed its first step. */
    void go(String label) throws InterruptedException, IOException {
      await(CrashWorkload.STARTED, label);
      process.getOutputStream().write((CrashWorkload.GO + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
      await(CrashWorkload.READY, label);
    }

    private synchronized void await(String line, String label) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!lines.contains(line)) {
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          fail("%s: the workload never printed \"%s\":%n%s", label, line, output());
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    /** The issuances the workload reported issued (after their commit). */
    Set<String> issued() throws InterruptedException {
      reader.join(10_000);
      synchronized (this) {
        return lines.stream()
            .filter(l -> l.startsWith(CrashWorkload.ISSUED))
            .map(l -> l.substring(CrashWorkload.ISSUED.length()))
            .collect(Collectors.toSet());
      }
    }

    /** Whether the workload's last word was that a step began: it died inside the step. */
    boolean killedMidStep() throws InterruptedException {
      reader.join(10_000);
      synchronized (this) {
        for (int i = lines.size() - 1; i >= 0; i--) {
          if (lines.get(i).equals(CrashWorkload.STEP)) {
            return true;
          }
          if (lines.get(i).equals(CrashWorkload.STEPPED)) {
            return false;
          }
        }
        return false;
      }
    }

    synchronized String output() {
      return String.join(System.lineSeparator(), lines);
    }
  }
}
