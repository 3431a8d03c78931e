package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.BUYER;
import static org.ogcr.port.out.Fixtures.DEVELOPER;
import static org.ogcr.port.out.Fixtures.DEVELOPER_ORG;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.POOL;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.block;
import static org.ogcr.port.out.Fixtures.hash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.Scopes;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.RecordedResponse;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.StoreConflictException;

/**
 * Every statement the JDBC stores send for a lookup, a filter or a page is served by an index on
 * PostgreSQL 17, never by a sequential scan: finding the block that holds a serial and splitting it
 * seek {@code credit_blocks} by issuance and first serial; a keyset page seeks its cursor and
 * counts nothing; every filter of {@link ProjectQuery}, {@link ReportQuery}, {@link BlockQuery}
 * (which the credit queries resolve to), {@link AccessQuery}, the credit event search, the issuance
 * list and the credential list ({@link #FILTERS}) is sought through an index led by its column; and
 * the ledger kept in the database ({@link JdbcCreditLedger}) locks its head, finds an entry and
 * reads and changes its blocks by key, as the idempotency store claims, completes, finds, releases
 * and purges its records.
 *
 * <p>Method. The stores run over a {@link JdbcDatabase} opened on a {@link DataSource} proxy that
 * records the text of every statement they prepare or execute, tagged with what the test was
 * driving, and, just before a prepared statement first runs, its parameter types as PostgreSQL
 * resolved them from the types the driver bound. The test calls every method of every store, each
 * filter alone, all filters together and none, offset pages (including one past the end, which
 * counts), first keyset pages and pages after a cursor, writes and their conflict paths, reusing
 * {@link Fixtures} for the records. Then each distinct data statement is prepared again with those
 * parameter types ({@code PREPARE … (types) AS …}, the JDBC placeholders numbered {@code $1, $2,
 * …}) and {@code EXPLAIN EXECUTE}d with {@code plan_cache_mode = force_generic_plan} and {@code
 * enable_seqscan = off}: the generic plan, the one a prepared statement gets whatever the values,
 * from a planner that takes any usable index. ({@code EXPLAIN (GENERIC_PLAN)} infers the types from
 * the SQL instead, and cannot for the {@code VALUES} of a {@code MERGE}; with the driver's own
 * types no statement is skipped.) The tables hold only what the stores wrote, so the planner
 * assumes every condition selective, except {@code credit_blocks}, which is given {@link
 * #BLOCKS_IN_USE}. In each plan:
 *
 * <ul>
 *   <li>a {@code Seq Scan} means that no index can serve the statement;
 *   <li>an index scan whose condition does not constrain the index's leading column reads the whole
 *       index (PostgreSQL 17 has no skip scan), as does one with no condition at all; such a read
 *       is accepted only as the ordered input of a {@code Limit}, which stops once the page is full
 *       (the first page of an unfiltered listing, or the planner's top-N read for a broad filter);
 *   <li>a statement run for a filter must seek that filter's column, through an index led by it (or
 *       by columns the statement fixes first), unless it is such a top-N read; and for every filter
 *       some statement must seek it (so an index exists for it, whatever the planner prefers for a
 *       page); sets of several values are not tagged as filters, as they may be read either way;
 *   <li>a keyset page after a cursor must seek the cursor (unfiltered, or with a filter of one
 *       value), and no keyset page may count or aggregate: it reports no total.
 * </ul>
 *
 * Statements that read a whole table by design are listed in {@link #ALLOWED}, each with its
 * reason; an entry that matches nothing fails the test. The test also checks that it planned a read
 * of every table of these stores ({@link #TABLES}), that the statements it exists for (the block at
 * or before a serial, the locks and the exact deletes of a split, the insert of the added blocks)
 * were captured and seek {@code credit_blocks} by issuance and first serial without sorting; that
 * the ledger's head lock, entry lookups and block lookups and deletes, the idempotency record
 * statements, the purges of the access log and of idempotency records, a revocation and the
 * credentials of an organisation (in id order) were captured and seek their key without sorting;
 * and that it checked at least 22 cursor pages and 87 filtered statements, so it cannot pass
 * vacuously.
 *
 * <p>Result. The test found, and these changes fixed: the keyset pages of projects and reports
 * could not seek their cursor and sorted all that matched (their ids are ordered with {@code
 * collate "C"}, which indexes under the database's collation cannot serve; migration V8 gives those
 * columns the "C" collation on PostgreSQL, as V3 did for accounts, issuances and blocks); a keyset
 * page of projects counted every match with {@code count(*) over ()} (dropped); the cursor of a
 * credit block page was an {@code or} that no index seeks, so a page read every block before the
 * cursor (now a row comparison); and the report {@code periodFrom} and credit event {@code kind}
 * filters had no index led by their column (migration V8 adds both, on each engine). Driving the
 * credential and access log stores, the ledger and the idempotency store found one more: the
 * credentials are ordered by {@code id collate "C"}, which neither the primary key nor {@code
 * credentials_organisation (organisation, id)} could serve, so the credentials of an organisation
 * were sorted after the seek and the full list scanned and sorted (migration V9 gives {@code
 * credentials.id} the "C" collation on PostgreSQL).
 */
class QueryPlansTest {

  /** A statement (its SQL matched by {@code sql}) that may read {@code table} wholly, and why. */
  private record Allowed(String table, Pattern sql, String reason) {}

  /** A statement whose SQL is exactly {@code sql}. */
  private static Pattern is(String sql) {
    return Pattern.compile("^" + Pattern.quote(sql) + "$");
  }

  /** A statement whose SQL ends with {@code sql}. */
  private static Pattern endsWith(String sql) {
    return Pattern.compile(Pattern.quote(sql) + "$");
  }

  /** A statement whose SQL contains {@code sql}. */
  private static Pattern has(String sql) {
    return Pattern.compile(Pattern.quote(sql));
  }

  private static final String UNFILTERED_TOTAL =
      "an offset page with no filter reports how many there are in all, which only counting every"
          + " row can tell";

  /** Statements that read a whole table by design. */
  private static final List<Allowed> ALLOWED =
      List.of(
          new Allowed(
              "chain_tokens",
              is("select distinct issuance from chain_tokens"),
              "the reconciliation lists every issuance on chain, read from the index alone"),
          new Allowed(
              "methodologies",
              endsWith(" from methodologies order by seq"),
              "the catalog of methodology versions is used whole, and a registry has a handful"),
          new Allowed(
              "projects", is("select count(*) from projects p where 1 = 1"), UNFILTERED_TOTAL),
          new Allowed(
              "projects",
              has(
                  "count(*) over () as total from projects p where 1 = 1"
                      + " order by p.id collate \"C\" limit ? offset ?)"),
              UNFILTERED_TOTAL + " (as count(*) over ())"),
          new Allowed(
              "projects",
              endsWith(
                  "from projects p join pdd_versions v on v.project_id = p.id where 1 = 1"
                      + " order by p.id collate \"C\", v.number"),
              "all() with no filter returns every project by design; the application calls it"
                  + " only with a status filter"),
          new Allowed(
              "pdd_versions",
              endsWith(
                  "from projects p join pdd_versions v on v.project_id = p.id where 1 = 1"
                      + " order by p.id collate \"C\", v.number"),
              "the PDD versions of every project, which all() with no filter returns"),
          new Allowed(
              "reports", is("select count(*) from reports r where 1 = 1"), UNFILTERED_TOTAL),
          new Allowed(
              "reports",
              endsWith(
                  "count(*) over () as total from reports r where 1 = 1"
                      + " order by r.id collate \"C\" limit ? offset ?"),
              UNFILTERED_TOTAL + " (as count(*) over ())"),
          new Allowed(
              "reports",
              endsWith(" from reports r where 1 = 1 order by r.id collate \"C\""),
              "all() with no filter returns every report by design; the application calls it only"
                  + " for one project"),
          new Allowed(
              "issuances",
              endsWith(" from issuances where 1 = 1 order by id"),
              "list() with neither project nor vintage returns every issuance by design; the"
                  + " credit queries call it only with one of them"),
          new Allowed(
              "credit_blocks",
              is("select count(*) from credit_blocks where 1 = 1"),
              UNFILTERED_TOTAL),
          new Allowed(
              "credit_events",
              is("select count(*) from credit_events where 1 = 1"),
              UNFILTERED_TOTAL),
          new Allowed(
              "issuances",
              has(
                  " from issuances i left join credit_blocks b on b.issuance_id = i.id"
                      + " where i.status = 'ISSUED' group by i.id, i.units"),
              "JdbcIntegrity checks supply and coverage over every issued issuance, for operators"
                  + " and auditors: a full read by design"),
          new Allowed(
              "credit_blocks",
              has("lag(b.last_serial) over (partition by b.issuance_id"),
              "JdbcIntegrity checks that every block follows the one before it: a full read of"
                  + " the blocks by design"),
          new Allowed(
              "credentials",
              endsWith(" from credentials order by id collate \"C\""),
              "list() with no organisation returns every credential by design: the"
                  + " administrators' listing of all of them"),
          new Allowed(
              "credentials",
              is("select count(*) from credentials"),
              "count() reports how many credentials there are in all, which only counting every"
                  + " row can tell; the application asks it when bootstrapping the first"
                  + " administrator's credential"));

  /**
   * Every filter the stores offer, as {@code table.column}: those of {@link ProjectQuery}, {@link
   * ReportQuery}, {@link BlockQuery}, the credit event search and the issuance list.
   */
  private static final List<String> FILTERS =
      List.of(
          "projects.status",
          "projects.methodology_id",
          "projects.developer",
          "projects.organisation",
          "projects.min_lon",
          "projects.submitted_at",
          "reports.project_id",
          "reports.status",
          "reports.verifier",
          "reports.period_end",
          "reports.period_start",
          "credit_blocks.issuance_id",
          "credit_blocks.owner",
          "credit_blocks.status",
          "credit_events.issuance_id",
          "credit_events.from_account+to_account",
          "credit_events.kind",
          "issuances.project_id",
          "issuances.vintage_year",
          "credentials.organisation",
          "access_log.actor",
          "access_log.credential_id",
          "access_log.outcome",
          "access_log.at");

  /** The tables of the stores this test drives: it must plan a read of each. */
  private static final List<String> TABLES =
      List.of(
          "documents",
          "methodologies",
          "projects",
          "pdd_versions",
          "property_files",
          "reports",
          "issuances",
          "serial_sequences",
          "credit_blocks",
          "accounts",
          "credit_events",
          "attestations",
          "audit_log",
          "audit_head",
          "ledger_outbox",
          "directory",
          "kyc_attestations",
          "idempotency_records",
          "locks",
          "credentials",
          "access_log",
          "ledger_entries",
          "ledger_head",
          "ledger_blocks");

  // ----- tags: what a statement was run for

  /** Run for a filter on {@code table.column[+column…]}: seeks each column on the table. */
  private static String filter(String tableAndColumns) {
    return "filter:" + tableAndColumns;
  }

  /** A keyset page after a cursor on {@code table.column}: seeks the column. */
  private static String cursor(String tableAndColumn) {
    return "cursor:" + tableAndColumn;
  }

  /** A keyset page: reports no total, so neither counts nor aggregates. */
  private static final String KEYSET = "keyset";

  private static Set<String> tags(String... tags) {
    return Arrays.stream(tags).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  // ----- the test

  @Test
  void everyLookupFilterAndPageOfTheStoresIsServedByAnIndex() throws Exception {
    JdbcDatabase plain = TestDatabases.freshPostgres("ogcr_query_plans");
    Recorder recorder = new Recorder();
    JdbcDatabase db = JdbcDatabase.open(recorder.wrap(plain.dataSource()));
    recorder.on = true;
    drive(db, recorder);
    recorder.on = false;

    Map<String, Plan> plans = new LinkedHashMap<>();
    try (Connection c = simpleProtocol(plain)) {
      Map<String, Index> indexes = indexes(c);
      try (Statement s = c.createStatement()) {
        for (String sql : BLOCKS_IN_USE) {
          s.execute(sql);
        }
        s.execute("set enable_seqscan = off");
        s.execute("set plan_cache_mode = force_generic_plan");
      }
      synchronized (recorder.statements) {
        for (Map.Entry<String, Captured> e : recorder.statements.entrySet()) {
          if (isData(e.getKey())) {
            List<String> types = e.getValue().types;
            assertThat(types).as("the parameter types of " + e.getKey()).isNotNull();
            plans.put(
                e.getKey(), plan(c, e.getKey(), types, Set.copyOf(e.getValue().tags), indexes));
          }
        }
      }
    }

    List<String> violations = new ArrayList<>();
    Set<Allowed> used = new HashSet<>();
    plans.forEach((sql, plan) -> violations.addAll(check(sql, plan, used)));
    assertThat(violations)
        .as("statements that read more than an index seek (each with its generic plan)")
        .isEmpty();
    assertThat(ALLOWED.stream().filter(a -> !used.contains(a)))
        .as("allow-list entries no statement needed")
        .isEmpty();
    Map<String, Boolean> sought = new TreeMap<>();
    plans
        .values()
        .forEach(
            p ->
                p.tags().stream()
                    .filter(t -> t.startsWith("filter:"))
                    .forEach(
                        t -> {
                          String[] target = t.substring("filter:".length()).split("\\.");
                          List<Read> reads =
                              p.reads().stream().filter(r -> r.table().equals(target[0])).toList();
                          boolean all =
                              Arrays.stream(target[1].split("\\+")).allMatch(c -> seeks(reads, c));
                          sought.merge(t, all, Boolean::logicalOr);
                        }));
    Map<String, Boolean> everyFilterSought = new TreeMap<>();
    FILTERS.forEach(f -> everyFilterSought.put(filter(f), true));
    assertThat(sought)
        .as("the filters, each with whether a statement run for it seeks its column")
        .isEqualTo(everyFilterSought);

    // not vacuous: every table was read, and the block statements seek issuance and serial
    Set<String> read =
        plans.values().stream()
            .flatMap(p -> p.reads().stream())
            .map(Read::table)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(read).as("tables read by the statements planned").containsAll(TABLES);
    seeks(
        plans,
        "block at or before a serial",
        "from credit_blocks where issuance_id = ? and first_serial <= ?"
            + " order by first_serial desc fetch first 1 rows only",
        "credit_blocks",
        "issuance_id",
        "first_serial");
    seeks(
        plans,
        "locking the blocks a change removes",
        "from credit_blocks where issuance_id = ? and first_serial in (?) order by first_serial"
            + " for update",
        "credit_blocks",
        "issuance_id",
        "first_serial");
    seeks(
        plans,
        "deleting a removed original block exactly",
        "delete from credit_blocks where issuance_id = ? and first_serial = ? and last_serial = ?"
            + " and owner = ? and status = ? and replacement_for is null",
        "credit_blocks",
        "issuance_id",
        "first_serial");
    seeks(
        plans,
        "deleting a removed replacement block exactly",
        "delete from credit_blocks where issuance_id = ? and first_serial = ? and last_serial = ?"
            + " and owner = ? and status = ? and replacement_for = ?",
        "credit_blocks",
        "issuance_id",
        "first_serial");
    seeks(
        plans,
        "locking the issuance of a block change",
        "select id from issuances where id = ? for update",
        "issuances",
        "id");
    seeks(
        plans,
        "the credentials of an organisation",
        "from credentials where organisation = ?",
        "credentials",
        "organisation");
    seeks(
        plans,
        "revoking a credential",
        "update credentials set revoked_at = ?",
        "credentials",
        "id");
    seeks(
        plans, "purging the access log", "delete from access_log where at < ?", "access_log", "at");
    seeks(
        plans,
        "locking the ledger's head",
        "select sequence, hash from ledger_head where id = 1 for update",
        "ledger_head",
        "id");
    seeks(
        plans,
        "a ledger entry by its command id",
        "from ledger_entries where command_id = ?",
        "ledger_entries",
        "command_id");
    seeks(
        plans,
        "ledger entries from a sequence",
        "from ledger_entries where sequence >= ?",
        "ledger_entries",
        "sequence");
    seeks(
        plans,
        "whether the ledger has minted an issuance",
        "select first_serial from ledger_blocks where issuance_id = ? fetch first 1 rows only",
        "ledger_blocks",
        "issuance_id");
    seeks(
        plans,
        "the ledger's blocks a change removes",
        "from ledger_blocks where issuance_id = ? and first_serial in (?)",
        "ledger_blocks",
        "issuance_id",
        "first_serial");
    seeks(
        plans,
        "deleting a removed ledger block",
        "delete from ledger_blocks where issuance_id = ? and first_serial = ?",
        "ledger_blocks",
        "issuance_id",
        "first_serial");
    seeks(
        plans,
        "the ledger's blocks of an issuance, in serial order",
        "from ledger_blocks where issuance_id = ? order by first_serial",
        "ledger_blocks",
        "issuance_id");
    for (String idempotency :
        List.of(
            "update idempotency_records set",
            "from idempotency_records where owner_actor = ? and idempotency_key = ?",
            "delete from idempotency_records where owner_actor = ? and idempotency_key = ?")) {
      seeks(
          plans,
          "an idempotency record by owner and key",
          idempotency,
          "idempotency_records",
          "owner_actor",
          "idempotency_key");
    }
    seeks(
        plans,
        "purging idempotency records",
        "delete from idempotency_records where created_at < ?",
        "idempotency_records",
        "created_at");
    assertThat(plans.keySet())
        .as("the insert of added blocks")
        .anyMatch(sql -> sql.startsWith("insert into credit_blocks"));
    assertThat(plans.values())
        .as("keyset pages after a cursor that seek it")
        .filteredOn(p -> p.tags().stream().anyMatch(t -> t.startsWith("cursor:")))
        .hasSizeGreaterThanOrEqualTo(22);
    assertThat(plans.values())
        .as("statements run for one filter")
        .filteredOn(p -> p.tags().stream().anyMatch(t -> t.startsWith("filter:")))
        .hasSizeGreaterThanOrEqualTo(87);
  }

  /**
   * Ten thousand blocks of one issuance, analysed, written behind the stores' backs after they ran:
   * the case the block lookups exist for. Over a table the planner knows nothing of, every index
   * that can serve a condition costs the same, and it may take one that fixes the issuance but not
   * the serial.
   */
  private static final List<String> BLOCKS_IN_USE =
      List.of(
          "insert into credit_blocks (issuance_id, first_serial, last_serial, owner, status)"
              + " select 'iss-big', g * 100 + 1, g * 100 + 100, 'account-' || g % 500,"
              + " (array['ISSUED','HELD','HELD','LISTED','RETIRED','RETIRED','INVALIDATED'])"
              + "[1 + g % 7] from generate_series(0, 9999) g",
          "analyze credit_blocks");

  /** The violations in {@code plan}; records the allow-list entries that excused any. */
  private static List<String> check(String sql, Plan plan, Set<Allowed> used) {
    List<String> violations = new ArrayList<>();
    for (Read read : plan.reads()) {
      if (read.seeks() || read.boundedByLimit()) {
        continue;
      }
      Optional<Allowed> allowed =
          ALLOWED.stream()
              .filter(a -> a.table().equals(read.table()) && a.sql().matcher(sql).find())
              .findFirst();
      if (allowed.isPresent()) {
        used.add(allowed.get());
      } else {
        violations.add(
            describe(
                sql,
                plan,
                read.node().equals("Seq Scan")
                    ? "scans table " + read.table()
                    : "reads all of index " + read.index() + " on " + read.table()));
      }
    }
    for (String tag : plan.tags()) {
      if (tag.startsWith("filter:") || tag.startsWith("cursor:")) {
        String[] target = tag.substring(tag.indexOf(':') + 1).split("\\.");
        List<Read> reads = plan.reads().stream().filter(r -> r.table().equals(target[0])).toList();
        // a filter may be read in page order under a Limit (the planner's top-N read for a broad
        // filter), as long as some statement seeks it (checked below); a cursor must be sought
        if (tag.startsWith("filter:") && reads.stream().allMatch(Read::boundedByLimit)) {
          continue;
        }
        for (String column : target[1].split("\\+")) {
          if (!seeks(reads, column)) {
            violations.add(
                describe(
                    sql,
                    plan,
                    "does not seek " + target[0] + "." + column + " (run for " + tag + ")"));
          }
        }
      }
      if (tag.equals(KEYSET)) {
        for (String node : List.of("Aggregate", "WindowAgg")) {
          if (plan.nodes().contains(node)) {
            violations.add(describe(sql, plan, "is a keyset page with a " + node));
          }
        }
      }
    }
    return violations;
  }

  private static String describe(String sql, Plan plan, String problem) {
    return problem + ":\n  " + sql + "\n" + plan.text().indent(2);
  }

  /**
   * Asserts that a statement containing {@code sql} was planned, and that it seeks {@code table}
   * through an index whose condition fixes every one of {@code columns}, with no sort.
   */
  private static void seeks(
      Map<String, Plan> plans, String what, String sql, String table, String... columns) {
    List<Plan> matching =
        plans.entrySet().stream()
            .filter(e -> e.getKey().contains(sql))
            .map(Map.Entry::getValue)
            .toList();
    assertThat(matching).as("statements captured for " + what).isNotEmpty();
    for (Plan plan : matching) {
      assertThat(plan.reads())
          .as(what + ":\n" + plan.text())
          .anyMatch(
              r ->
                  r.seeks()
                      && r.table().equals(table)
                      && Arrays.stream(columns).allMatch(c -> mentions(r.condition(), c)));
      assertThat(plan.nodes()).as(what + " needs no sort:\n" + plan.text()).doesNotContain("Sort");
    }
  }

  /** Whether one of {@code reads} seeks {@code column}. */
  private static boolean seeks(List<Read> reads, String column) {
    return reads.stream().anyMatch(r -> r.seeks() && mentions(r.condition(), column));
  }

  private static boolean mentions(String condition, String column) {
    return condition != null && Pattern.compile("\\b" + column + "\\b").matcher(condition).find();
  }

  // ----- plans

  /** A statement's generic plan: its text, its node types, its reads of tables, its tags. */
  private record Plan(String text, Set<String> nodes, List<Read> reads, Set<String> tags) {}

  /**
   * One read of a table: a sequential scan, or an index scan with its condition.
   *
   * @param seeks whether the index condition constrains the index's leading column
   * @param boundedByLimit whether the read feeds a {@code Limit} directly, with no filter of its
   *     own
   */
  private record Read(
      String node,
      String table,
      String index,
      String condition,
      boolean seeks,
      boolean boundedByLimit) {}

  /** An index: its table and its leading column. */
  private record Index(String table, String leading) {}

  /**
   * The generic plan of {@code sql} as the stores prepare it: with the parameter types the driver
   * bound, for any values, with sequential scans disabled.
   */
  private static Plan plan(
      Connection c, String sql, List<String> types, Set<String> tags, Map<String, Index> indexes)
      throws Exception {
    String numbered = numbered(sql);
    String text;
    String json;
    if (types.isEmpty()) {
      text = explain(c, "explain (costs off) " + numbered);
      json = explain(c, "explain (costs off, format json) " + numbered);
    } else {
      try (Statement s = c.createStatement()) {
        s.execute("prepare ogcr_plan (" + String.join(", ", types) + ") as " + numbered);
      }
      try {
        String nulls = String.join(", ", Collections.nCopies(types.size(), "null"));
        text = explain(c, "explain (costs off) execute ogcr_plan (" + nulls + ")");
        json = explain(c, "explain (costs off, format json) execute ogcr_plan (" + nulls + ")");
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute("deallocate ogcr_plan");
        }
      }
    }
    Set<String> nodes = new TreeSet<>();
    List<Read> reads = new ArrayList<>();
    walk(new ObjectMapper().readTree(json).get(0).get("Plan"), null, indexes, nodes, reads);
    return new Plan(text, nodes, reads, tags);
  }

  private static void walk(
      JsonNode node,
      JsonNode parent,
      Map<String, Index> indexes,
      Set<String> nodes,
      List<Read> reads) {
    String type = node.path("Node Type").asText();
    nodes.add(type);
    switch (type) {
      case "Seq Scan" ->
          reads.add(new Read(type, node.path("Relation Name").asText(), null, null, false, false));
      case "Index Scan", "Index Only Scan", "Bitmap Index Scan" -> {
        String name = node.path("Index Name").asText();
        Index index = indexes.get(name);
        assertThat(index).as("index " + name).isNotNull();
        String condition = node.has("Index Cond") ? node.get("Index Cond").asText() : null;
        boolean bounded =
            !type.startsWith("Bitmap")
                && parent != null
                && parent.path("Node Type").asText().equals("Limit");
        reads.add(
            new Read(
                type,
                index.table(),
                name,
                condition,
                mentions(condition, index.leading()),
                bounded));
      }
      default -> {
        // joins, sorts, limits, aggregates, bitmap heap scans (whose index scans are below them)
      }
    }
    for (JsonNode child : node.path("Plans")) {
      walk(child, node, indexes, nodes, reads);
    }
  }

  /**
   * A connection to {@code db} over the simple query protocol, which passes {@code $n} through to
   * the server as the text of a {@code PREPARE}.
   */
  private static Connection simpleProtocol(JdbcDatabase db) throws SQLException {
    String url;
    String user;
    try (Connection c = db.dataSource().getConnection()) {
      url = c.getMetaData().getURL();
      user = c.getMetaData().getUserName();
    }
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("preferQueryMode", "simple");
    return DriverManager.getConnection(url, properties);
  }

  private static String explain(Connection c, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  /** Whether {@code sql} reads or writes rows (not DDL, transaction control or a setting). */
  private static boolean isData(String sql) {
    String first = sql.stripLeading().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return Set.of("select", "insert", "update", "delete", "merge", "with").contains(first);
  }

  /** {@code sql} with its JDBC placeholders numbered {@code $1, $2, …}, quoted text left alone. */
  private static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    char quote = 0;
    for (char ch : sql.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
        out.append(ch);
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        out.append(ch);
      } else if (ch == '?') {
        out.append('$').append(++n);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static Map<String, Index> indexes(Connection c) throws SQLException {
    Map<String, Index> indexes = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select ic.relname as index, tc.relname as table, a.attname as leading"
                    + " from pg_index i join pg_class ic on ic.oid = i.indexrelid"
                    + " join pg_class tc on tc.oid = i.indrelid"
                    + " join pg_namespace n on n.oid = tc.relnamespace and n.nspname = 'public'"
                    + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]")) {
      while (rs.next()) {
        indexes.put(
            rs.getString("index"), new Index(rs.getString("table"), rs.getString("leading")));
      }
    }
    return indexes;
  }

  // ----- recording the statements

  /** A statement the stores sent: its parameter types and what it was run for. */
  private static final class Captured {
    /** The parameter types as PostgreSQL resolved them; null until the statement ran. */
    volatile List<String> types;

    final Set<String> tags = Collections.synchronizedSet(new LinkedHashSet<>());
  }

  /** The SQL the stores send, in the order first seen. */
  private static final class Recorder {
    private final Map<String, Captured> statements =
        Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean on;
    private volatile Set<String> tags = Set.of();

    private Captured record(String sql) {
      Captured c = statements.computeIfAbsent(sql, s -> new Captured());
      c.tags.addAll(tags);
      return c;
    }

    /** Runs {@code work} with the statements it sends tagged {@code as}. */
    <T> T tagged(Set<String> as, Supplier<T> work) {
      Set<String> before = tags;
      tags = as;
      try {
        return work.get();
      } finally {
        tags = before;
      }
    }

    void tagged(Set<String> as, Runnable work) {
      tagged(
          as,
          () -> {
            work.run();
            return null;
          });
    }

    DataSource wrap(DataSource target) {
      return proxy(
          DataSource.class,
          target,
          (m, args) -> {
            Object result = call(target, m, args);
            return result instanceof Connection c ? connection(c) : result;
          });
    }

    private Connection connection(Connection target) {
      return proxy(
          Connection.class,
          target,
          (m, args) -> {
            Object result = call(target, m, args);
            if (!on) {
              return result;
            }
            if (result instanceof PreparedStatement ps && args[0] instanceof String sql) {
              return prepared(ps, record(sql));
            }
            if (result instanceof Statement s) {
              return statement(s);
            }
            return result;
          });
    }

    /**
     * Records the parameter types of {@code target} as the server resolved them from the types the
     * driver bound, just before it first runs.
     */
    private PreparedStatement prepared(PreparedStatement target, Captured captured) {
      return proxy(
          PreparedStatement.class,
          target,
          (m, args) -> {
            boolean runs = m.getName().startsWith("execute") || m.getName().equals("addBatch");
            if (runs && (args == null || args.length == 0) && captured.types == null) {
              ParameterMetaData meta = target.getParameterMetaData();
              List<String> types = new ArrayList<>();
              for (int i = 1; i <= meta.getParameterCount(); i++) {
                types.add(meta.getParameterTypeName(i));
              }
              captured.types = List.copyOf(types);
            }
            return call(target, m, args);
          });
    }

    private Statement statement(Statement target) {
      return proxy(
          Statement.class,
          target,
          (m, args) -> {
            if ((m.getName().startsWith("execute") || m.getName().equals("addBatch"))
                && args != null
                && args[0] instanceof String sql) {
              record(sql).types = List.of();
            }
            return call(target, m, args);
          });
    }

    private interface Handler {
      Object handle(Method m, Object[] args) throws Throwable;
    }

    private <T> T proxy(Class<T> type, T target, Handler handler) {
      return type.cast(
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {type},
              (p, m, args) -> handler.handle(m, args)));
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  // ----- driving every store method

  /** A query to page through: the filter it is run for and the cursor its later pages seek. */
  private record Case<Q>(String filter, String cursor, Q query) {}

  private static void drive(JdbcDatabase db, Recorder r) {
    JdbcUnitOfWork uow = db.unitOfWork();
    JdbcDocumentStore documents = new JdbcDocumentStore(uow);
    JdbcMethodologyStore methodologies = new JdbcMethodologyStore(uow);
    JdbcProjectStore projects = new JdbcProjectStore(uow);
    JdbcReportStore reports = new JdbcReportStore(uow);
    JdbcIssuanceStore issuances = new JdbcIssuanceStore(uow);
    JdbcCreditBlockStore blocks = new JdbcCreditBlockStore(uow);
    JdbcAccountStore accounts = new JdbcAccountStore(uow);
    JdbcCreditEventStore events = new JdbcCreditEventStore(uow);
    JdbcAttestationStore attestations = new JdbcAttestationStore(uow);
    JdbcPropertyFileStore propertyFiles = new JdbcPropertyFileStore(uow);
    JdbcIdempotencyStore idempotency = new JdbcIdempotencyStore(uow);
    JdbcAuditLog audit = new JdbcAuditLog(uow);
    JdbcLedgerOutbox outbox = new JdbcLedgerOutbox(uow);
    JdbcSerialNumberSequence serials = new JdbcSerialNumberSequence(uow);
    JdbcIdentityVerifier identity = new JdbcIdentityVerifier(uow);
    JdbcCredentialStore credentials = new JdbcCredentialStore(uow);
    JdbcAccessLogStore accessLog = new JdbcAccessLogStore(db.jdbi());

    // documents and methodologies
    documents.put(hash("doc"), "{\"a\":1}");
    documents.put(hash("doc"), "{\"a\":1}");
    assertThat(documents.get(hash("doc"))).isPresent();
    methodologies.insert(
        Fixtures.methodology("EC-M@1.1.0"), Fixtures.methodologyJson("EC-M@1.1.0"));
    assertThat(methodologies.catalog().all()).hasSize(1);
    assertThat(methodologies.documents()).hasSize(1);

    // projects and their PDD versions
    ProjectRecord p1 = Fixtures.project("p-1").amended().build();
    ProjectRecord p2 =
        Fixtures.project("p-2")
            .status(ProjectStatus.VALIDATED)
            .developer(new ActorId("developer-2"))
            .organisation(new OrganisationId("other-org"))
            .methodology("EC-M@2.0.0")
            .property(Fixtures.propertyTerms("NULHEGAN"))
            .boundary(Fixtures.box(10, 10, 11, 11))
            .submittedAt(T0.plusSeconds(86_400))
            .build();
    projects.insert(p1);
    projects.insert(p2);
    ProjectRecord p1v2 = Fixtures.project(p1).version(2).decided("ok", T0.plusSeconds(60)).build();
    projects.update(p1v2);
    assertThatThrownBy(() -> projects.update(p1v2)).isInstanceOf(StoreConflictException.class);
    assertThat(projects.find(p1.id())).isPresent();
    Envelope box = new Envelope(-73, -71, 43, 45);
    String byId = "projects.id";
    for (Case<ProjectQuery> c :
        List.of(
            new Case<>(null, byId, ProjectQuery.ALL),
            new Case<>(
                "projects.status",
                byId,
                ProjectQuery.ALL.withStatuses(EnumSet.of(ProjectStatus.SUBMITTED))),
            new Case<>(
                null,
                null,
                ProjectQuery.ALL.withStatuses(
                    EnumSet.of(ProjectStatus.SUBMITTED, ProjectStatus.VALIDATED))),
            new Case<>(
                "projects.methodology_id",
                byId,
                projectQuery(Optional.of("EC-M"), null, null, null, null, null)),
            new Case<>(
                "projects.developer",
                byId,
                projectQuery(Optional.empty(), DEVELOPER, null, null, null, null)),
            new Case<>(
                "projects.organisation",
                byId,
                projectQuery(Optional.empty(), null, DEVELOPER_ORG, null, null, null)),
            new Case<>(
                "projects.min_lon",
                null,
                projectQuery(Optional.empty(), null, null, box, null, null)),
            new Case<>(
                "projects.submitted_at",
                null,
                projectQuery(Optional.empty(), null, null, null, T0.plusSeconds(1), null)),
            new Case<>(
                "projects.submitted_at",
                null,
                projectQuery(Optional.empty(), null, null, null, null, T0.plusSeconds(1))),
            new Case<>(
                null,
                null,
                new ProjectQuery(
                    EnumSet.of(ProjectStatus.SUBMITTED),
                    Optional.of("EC-M"),
                    Optional.of(DEVELOPER),
                    Optional.of(DEVELOPER_ORG),
                    Optional.of(box),
                    Optional.of(T0.minusSeconds(1)),
                    Optional.of(T0.plusSeconds(1)))))) {
      ProjectQuery q = c.query();
      String f = c.filter() == null ? null : filter(c.filter());
      r.tagged(tags(f), () -> projects.search(q, PageRequest.FIRST));
      r.tagged(tags(f), () -> projects.search(q, new PageRequest(1000, 10)));
      r.tagged(tags(f), () -> projects.all(q));
      r.tagged(tags(f, KEYSET), () -> projects.searchAfter(q, KeysetRequest.first(10)));
      r.tagged(
          tags(f, KEYSET, c.cursor() == null ? null : cursor(c.cursor())),
          () -> projects.searchAfter(q, new KeysetRequest(Optional.of("p-1"), 10)));
    }

    // property files
    propertyFiles.save(Fixtures.propertyFile("p-2", 1));
    propertyFiles.save(Fixtures.propertyFile("p-2", 2));
    assertThatThrownBy(() -> propertyFiles.save(Fixtures.propertyFile("p-2", 2)))
        .isInstanceOf(StoreConflictException.class);
    assertThat(propertyFiles.find(p2.id())).isPresent();

    // monitoring reports
    ReportRecord r1 = Fixtures.report("r-1").build();
    ReportRecord r2 =
        Fixtures.report("r-2")
            .project("p-2")
            .period("2026-01-01", "2027-01-01")
            .verification(Fixtures.verified("verifier-1", "400"))
            .build();
    reports.insert(r1);
    reports.insert(r2);
    ReportRecord r1v2 = Fixtures.report(r1).version(2).build();
    reports.update(r1v2);
    assertThatThrownBy(() -> reports.update(r1v2)).isInstanceOf(StoreConflictException.class);
    assertThat(reports.find(r1.id())).isPresent();
    String reportId = "reports.id";
    LocalDate mid2025 = LocalDate.parse("2025-06-01");
    for (Case<ReportQuery> c :
        List.of(
            new Case<>(null, reportId, ReportQuery.ALL),
            new Case<>("reports.project_id", reportId, ReportQuery.ofProject(p1.id())),
            new Case<>(
                "reports.status",
                reportId,
                reportQuery(Set.of(ReportStatus.SUBMITTED), null, null, null)),
            new Case<>(
                null,
                null,
                reportQuery(
                    Set.of(ReportStatus.SUBMITTED, ReportStatus.VERIFIED), null, null, null)),
            new Case<>(
                "reports.verifier",
                reportId,
                reportQuery(Set.of(), new ActorId("verifier-1"), null, null)),
            new Case<>("reports.period_end", null, reportQuery(Set.of(), null, mid2025, null)),
            new Case<>("reports.period_start", null, reportQuery(Set.of(), null, null, mid2025)),
            new Case<>(
                null,
                null,
                new ReportQuery(
                    Optional.of(p1.id()),
                    Set.of(ReportStatus.SUBMITTED),
                    Optional.of(new ActorId("verifier-1")),
                    Optional.of(LocalDate.parse("2025-01-01")),
                    Optional.of(LocalDate.parse("2026-06-01")))))) {
      ReportQuery q = c.query();
      String f = c.filter() == null ? null : filter(c.filter());
      r.tagged(tags(f), () -> reports.search(q, PageRequest.FIRST));
      r.tagged(tags(f), () -> reports.search(q, new PageRequest(1000, 10)));
      r.tagged(tags(f), () -> reports.all(q));
      r.tagged(tags(f, KEYSET), () -> reports.searchAfter(q, KeysetRequest.first(10)));
      r.tagged(
          tags(f, KEYSET, c.cursor() == null ? null : cursor(c.cursor())),
          () -> reports.searchAfter(q, new KeysetRequest(Optional.of("r-1"), 10)));
    }

    // issuances and serial numbers
    IssuanceRecord iss1 = Fixtures.issuance("iss-1", 1).issued(T0, hash("issued")).build();
    IssuanceRecord iss2 = Fixtures.issuance("iss-2", 2).project("p-2").withoutAssessment().build();
    issuances.insert(iss1);
    issuances.insert(iss2);
    assertThatThrownBy(() -> issuances.insert(iss2)).isInstanceOf(StoreConflictException.class);
    IssuanceRecord iss2v2 = Fixtures.issuance(iss2).version(2).build();
    issuances.update(iss2v2);
    assertThatThrownBy(() -> issuances.update(iss2v2)).isInstanceOf(StoreConflictException.class);
    assertThat(issuances.find(iss1.id())).isPresent();
    assertThat(issuances.findByReport(iss1.report())).isPresent();
    assertThat(issuances.findByAssessment(iss1.assessment().orElseThrow())).isPresent();
    r.tagged(
        tags(filter("issuances.project_id")),
        () -> issuances.list(Optional.of(iss1.project()), Optional.empty()));
    r.tagged(
        tags(filter("issuances.vintage_year")),
        () -> issuances.list(Optional.empty(), Optional.of(2026)));
    issuances.list(Optional.of(iss1.project()), Optional.of(2026));
    issuances.list(Optional.empty(), Optional.empty());
    assertThat(serials.next("EC", 2026)).isEqualTo(1);
    assertThat(serials.next("EC", 2026)).isEqualTo(2);

    // credit blocks: the initial blocks, a split, a stale change, moves of replacement credits
    blocks.insertIssuance(
        List.of(
            block("iss-1", 1, 394, LLC, CreditStatus.ISSUED),
            block("iss-1", 395, 429, POOL, CreditStatus.ISSUED)));
    BlockChange split =
        new BlockChange(
            List.of(block("iss-1", 1, 394, LLC, CreditStatus.ISSUED)),
            List.of(
                block("iss-1", 1, 100, BUYER, CreditStatus.HELD),
                block("iss-1", 101, 394, LLC, CreditStatus.ISSUED)));
    blocks.replace(split);
    assertThatThrownBy(() -> blocks.replace(split)).isInstanceOf(StoreConflictException.class);
    BlockChange replacement =
        new BlockChange(
            List.of(block("iss-1", 395, 429, POOL, CreditStatus.ISSUED)),
            List.of(Fixtures.replacementBlock("iss-1", 395, 429, BUYER, hash("original"))));
    blocks.replace(replacement);
    blocks.replace(
        new BlockChange(
            replacement.added(),
            List.of(
                Fixtures.replacementBlock("iss-1", 395, 400, BUYER, hash("original")),
                Fixtures.replacementBlock(
                    "iss-1", 401, 429, new AccountId("buyer-2"), hash("original")))));
    assertThat(blocks.ofIssuance(iss1.id())).hasSize(4);
    assertThat(blocks.ofOwner(BUYER)).hasSize(2);
    assertThat(blocks.around(iss1.id(), 200)).hasSize(3);
    Set<IssuanceId> one = Set.of(iss1.id());
    Set<IssuanceId> two = Set.of(iss1.id(), iss2.id());
    String blockKey = "credit_blocks.issuance_id+first_serial";
    for (Case<BlockQuery> c :
        List.of(
            new Case<>(null, blockKey, BlockQuery.ALL),
            new Case<>(
                "credit_blocks.issuance_id",
                blockKey,
                new BlockQuery(Optional.of(one), Optional.empty(), Set.of())),
            new Case<>(null, null, new BlockQuery(Optional.of(two), Optional.empty(), Set.of())),
            new Case<>(
                "credit_blocks.owner",
                blockKey,
                new BlockQuery(Optional.empty(), Optional.of(BUYER), Set.of())),
            new Case<>(
                "credit_blocks.status",
                blockKey,
                new BlockQuery(Optional.empty(), Optional.empty(), Set.of(CreditStatus.HELD))),
            new Case<>(
                null,
                null,
                new BlockQuery(
                    Optional.empty(),
                    Optional.empty(),
                    EnumSet.complementOf(EnumSet.of(CreditStatus.RETIRED)))),
            new Case<>(
                null,
                null,
                new BlockQuery(Optional.of(two), Optional.of(BUYER), Set.of(CreditStatus.HELD))))) {
      BlockQuery q = c.query();
      String f = c.filter() == null ? null : filter(c.filter());
      r.tagged(tags(f), () -> blocks.search(q, PageRequest.FIRST));
      r.tagged(tags(f), () -> blocks.search(q, new PageRequest(1000, 10)));
      r.tagged(tags(f, KEYSET), () -> blocks.searchAfter(q, KeysetRequest.first(1)));
      r.tagged(
          tags(f, KEYSET, c.cursor() == null ? null : cursor(c.cursor())),
          () -> blocks.searchAfter(q, new KeysetRequest(Optional.of("iss-1@1"), 10)));
    }

    // accounts
    accounts.insert(Fixtures.account(LLC.value(), "nulhegan", Account.Kind.PROPERTY));
    accounts.insert(Fixtures.account(POOL.value(), "registry", Account.Kind.BUFFER_POOL));
    assertThatThrownBy(
            () -> accounts.insert(Fixtures.account(LLC.value(), "nulhegan", Account.Kind.PROPERTY)))
        .isInstanceOf(StoreConflictException.class);
    assertThat(accounts.find(LLC)).isPresent();
    assertThat(accounts.ofHolder(new OrganisationId("nulhegan"))).hasSize(1);

    // credit events
    for (int n = 1; n <= 5; n++) {
      events.append(
          Fixtures.event(
              n,
              n == 1 ? CreditEvent.Kind.ISSUED : CreditEvent.Kind.TRANSFERRED,
              n % 2 == 0 ? "iss-1" : "iss-2",
              n == 1 ? Optional.empty() : Optional.of(LLC),
              Optional.of(BUYER)));
    }
    assertThat(events.find(hash("event 1"))).isPresent();
    record EventQuery(
        Optional<IssuanceId> issuance,
        Optional<AccountId> account,
        Optional<CreditEvent.Kind> kind) {}
    String seq = "credit_events.seq";
    for (Case<EventQuery> c :
        List.of(
            new Case<>(
                null, seq, new EventQuery(Optional.empty(), Optional.empty(), Optional.empty())),
            new Case<>(
                "credit_events.issuance_id",
                seq,
                new EventQuery(Optional.of(iss1.id()), Optional.empty(), Optional.empty())),
            new Case<>(
                "credit_events.from_account+to_account",
                seq,
                new EventQuery(Optional.empty(), Optional.of(LLC), Optional.empty())),
            new Case<>(
                "credit_events.kind",
                seq,
                new EventQuery(
                    Optional.empty(), Optional.empty(), Optional.of(CreditEvent.Kind.RETIRED))),
            new Case<>(
                null,
                null,
                new EventQuery(
                    Optional.of(iss1.id()),
                    Optional.of(LLC),
                    Optional.of(CreditEvent.Kind.TRANSFERRED))))) {
      EventQuery q = c.query();
      String f = c.filter() == null ? null : filter(c.filter());
      r.tagged(
          tags(f), () -> events.search(q.issuance(), q.account(), q.kind(), PageRequest.FIRST));
      r.tagged(
          tags(f, KEYSET),
          () -> events.searchAfter(q.issuance(), q.account(), q.kind(), KeysetRequest.first(2)));
      r.tagged(
          tags(f, KEYSET, c.cursor() == null ? null : cursor(c.cursor())),
          () ->
              events.searchAfter(
                  q.issuance(), q.account(), q.kind(), new KeysetRequest(Optional.of("2"), 2)));
    }

    // attestations and the audit log
    var attestation = Fixtures.attestation("credits.sold", "iss-1:1-100", T0);
    attestations.put(attestation);
    attestations.put(attestation);
    assertThat(attestations.find(attestation.receipt())).isPresent();
    assertThat(attestations.ofSubject("iss-1:1-100")).hasSize(1);
    for (int i = 1; i <= 3; i++) {
      audit.append(Fixtures.auditEntry(i));
    }
    assertThat(audit.head()).isPresent();
    assertThat(audit.read(2, 10)).hasSize(2);

    // the ledger outbox
    for (String id : List.of("a-1", "a-2", "a-3")) {
      outbox.enqueue(Fixtures.anchor(id), T0);
    }
    outbox.enqueue(Fixtures.anchor("a-1"), T0);
    assertThat(outbox.due(T0.plusSeconds(1), 10)).hasSize(3);
    outbox.markRelayed(
        "a-1", new LedgerEntry(1, Fixtures.anchor("a-1"), hash("prev"), hash("entry"), true));
    outbox.markFailed("a-2", "unreachable", T0.plusSeconds(60));
    outbox.markRefused("a-3", "refused");
    assertThat(outbox.find("a-1")).isPresent();

    // the directory
    identity.register(DEVELOPER, DEVELOPER_ORG);
    identity.register(DEVELOPER, new OrganisationId("other-org"));
    identity.attestKyc("Nulhegan LLC", new ActorId("officer-1"), T0);
    identity.attestKyc("Nulhegan LLC", new ActorId("officer-2"), T0);
    assertThat(identity.organisationOf(DEVELOPER)).contains(new OrganisationId("other-org"));
    assertThat(identity.kyc("Nulhegan LLC")).isPresent();

    // idempotency records
    ActorId alice = new ActorId("alice");
    idempotency.claim(alice, "k-1", "fp", T0);
    assertThatThrownBy(() -> idempotency.claim(alice, "k-1", "fp", T0))
        .isInstanceOf(StoreConflictException.class);
    idempotency.complete(alice, "k-1", RecordedResponse.of(204, "", ""));
    assertThatThrownBy(() -> idempotency.complete(alice, "k-1", RecordedResponse.of(204, "", "")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> idempotency.complete(alice, "k-2", RecordedResponse.of(204, "", "")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(idempotency.find(alice, "k-1")).isPresent();
    assertThat(idempotency.release(alice, "k-1")).isTrue();
    assertThat(idempotency.release(alice, "k-1")).isFalse();
    idempotency.claim(alice, "k-3", "fp", T0);
    assertThat(idempotency.purgeBefore(T0.plusSeconds(1))).isEqualTo(1);

    // credentials: an insert and its conflict, a lookup, the lists, a revocation and its conflict
    OrganisationId trust = new OrganisationId("northwoods-trust");
    Credential key1 = credential("aaaaaaaaaaaaaaaa", trust, DEVELOPER);
    credentials.insert(key1);
    credentials.insert(credential("bbbbbbbbbbbbbbbb", DEVELOPER_ORG, new ActorId("ann")));
    assertThatThrownBy(() -> credentials.insert(key1)).isInstanceOf(StoreConflictException.class);
    assertThat(credentials.find(key1.id())).isPresent();
    r.tagged(
        tags(filter("credentials.organisation")),
        () -> assertThat(credentials.list(Optional.of(trust))).hasSize(1));
    assertThat(credentials.list(Optional.empty())).hasSize(2);
    assertThat(credentials.revoke(key1.id(), T0, new ActorId("ann")).revoked()).isTrue();
    assertThatThrownBy(() -> credentials.revoke(key1.id(), T0, new ActorId("ann")))
        .isInstanceOf(StoreConflictException.class);
    assertThat(credentials.count()).isEqualTo(2);

    // the access log: appends, a read from a sequence, every filter's pages, the purge
    for (int i = 0; i < 6; i++) {
      accessLog.append(
          AccessRecord.of(
              T0.plusSeconds(i),
              i % 3 == 0 ? Optional.empty() : Optional.of(DEVELOPER),
              i % 3 == 0 ? Optional.empty() : Optional.of(trust),
              i % 2 == 0 ? Optional.of(key1.id()) : Optional.empty(),
              "GET",
              "/projects",
              i % 3 == 0 ? 401 : 200,
              i % 3 == 0 ? AccessRecord.Outcome.FAILED : AccessRecord.Outcome.ALLOWED,
              "203.0.113.7",
              ""));
    }
    assertThat(accessLog.read(2, 10)).hasSize(5);
    String accessSeq = "access_log.seq";
    for (Case<AccessQuery> c :
        List.of(
            new Case<>(null, accessSeq, AccessQuery.ALL),
            new Case<>("access_log.actor", accessSeq, AccessQuery.ALL.withActor(DEVELOPER)),
            new Case<>(
                "access_log.credential_id", accessSeq, AccessQuery.ALL.withCredential(key1.id())),
            new Case<>(
                "access_log.outcome",
                accessSeq,
                AccessQuery.ALL.withOutcome(AccessRecord.Outcome.FAILED)),
            new Case<>("access_log.at", accessSeq, AccessQuery.ALL.withFrom(T0.plusSeconds(2))),
            new Case<>("access_log.at", accessSeq, AccessQuery.ALL.withBefore(T0.plusSeconds(2))),
            new Case<>(
                "access_log.at",
                accessSeq,
                AccessQuery.ALL.between(T0.plusSeconds(1), T0.plusSeconds(4))),
            new Case<>(
                null,
                null,
                AccessQuery.ALL
                    .withActor(DEVELOPER)
                    .withCredential(key1.id())
                    .withOutcome(AccessRecord.Outcome.ALLOWED)
                    .between(T0, T0.plusSeconds(5))))) {
      AccessQuery q = c.query();
      String f = c.filter() == null ? null : filter(c.filter());
      r.tagged(tags(f, KEYSET), () -> accessLog.search(q, KeysetRequest.first(2)));
      r.tagged(
          tags(f, KEYSET, c.cursor() == null ? null : cursor(c.cursor())),
          () -> accessLog.search(q, new KeysetRequest(Optional.of("2"), 2)));
    }
    assertThat(accessLog.purgeBefore(T0.plusSeconds(1))).isEqualTo(1);

    // the ledger kept in the database: an anchor, a mint, a sale, a relayed retry, the refusals
    JdbcCreditLedger ledger = JdbcCreditLedger.over(db);
    IssuedCredits credits =
        IssuedCredits.issue(
            new IssuanceId("iss-ledger"),
            IssuanceCode.parse("EC-2026-0001-NULHEGAN"),
            IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("429"), CreditUnit.TONNE),
            BufferRate.of("0.08"),
            LLC,
            POOL);
    LedgerCommand.Mint mint = mintOf("mint-ledger", credits);
    LedgerCommand.Apply sale =
        new LedgerCommand.Apply(
            "sale-ledger",
            "sell",
            credits
                .blocks()
                .plan(CreditOperation.sell(credits.id(), new SerialRange(1, 100), LLC, BUYER)));
    ledger.submit(new LedgerCommand.Anchor("pdd-ledger", "pdd", hash("pdd")));
    ledger.submit(mint);
    ledger.submit(sale);
    assertThat(ledger.submit(mint)).as("a relayed retry").isNotNull();
    assertThatThrownBy(
            () -> ledger.submit(new LedgerCommand.Anchor("mint-ledger", "pdd", hash("other"))))
        .isInstanceOf(CreditLedger.LedgerRefusedException.class);
    assertThatThrownBy(() -> ledger.submit(mintOf("mint-again", credits)))
        .isInstanceOf(CreditLedger.LedgerRefusedException.class);
    assertThatThrownBy(
            () -> ledger.submit(new LedgerCommand.Apply("sale-again", "sell", sale.change())))
        .isInstanceOf(CreditLedger.LedgerRefusedException.class);
    assertThat(ledger.find("sale-ledger")).isPresent();
    assertThat(ledger.entries(2, 10)).hasSize(2);
    assertThat(ledger.blocks(credits.id())).isNotEmpty();

    // named locks: created by the first use, found by the second
    for (int i = 0; i < 2; i++) {
      uow.transact(
          () -> {
            uow.lock("report-periods");
            return null;
          });
    }

    // the chain projection: two windows, a rollback, the reads
    JdbcChainProjection chain = JdbcChainProjection.over(db);
    var b10 = new org.ogcr.port.out.ChainProjection.BlockRef(10, "0x" + "a".repeat(64));
    var b20 = new org.ogcr.port.out.ChainProjection.BlockRef(20, "0x" + "b".repeat(64));
    var token =
        new org.ogcr.port.out.ChainProjection.Token(
            "1",
            "0x" + "c".repeat(64),
            "0x" + "d".repeat(64),
            1,
            429,
            org.ogcr.domain.credit.CreditStatus.HELD,
            "0x" + "0".repeat(64),
            "0",
            10,
            java.util.OptionalLong.empty());
    var log =
        new org.ogcr.port.out.ChainProjection.Log(
            b10, "0x" + "e".repeat(64), 0, "0x" + "1".repeat(40), "CRUMinted", "", "tokenId=1");
    chain.record(
        new org.ogcr.port.out.ChainProjection.Window(
            Optional.empty(), b10, List.of(b10), List.of(log), List.of(token), List.of()));
    chain.record(
        new org.ogcr.port.out.ChainProjection.Window(
            Optional.of(b10),
            b20,
            List.of(b20),
            List.of(),
            List.of(),
            List.of(new org.ogcr.port.out.ChainProjection.Closing("1", 20))));
    assertThat(chain.head()).contains(b20);
    assertThat(chain.blocks(20, 10)).hasSize(2);
    chain.rollback(15);
    assertThat(chain.liveTokens(token.issuance())).hasSize(1);
    assertThat(chain.issuances()).hasSize(1);
    assertThat(chain.logs(0, 10)).hasSize(1);

    // the integrity checks
    JdbcIntegrity integrity = new JdbcIntegrity(db);
    assertThat(integrity.supply()).isNotNull();
    assertThat(integrity.coverage()).isNotNull();
  }

  /** A credential of {@code actor} at {@code organisation}, issued at {@link Fixtures#T0}. */
  private static Credential credential(String id, OrganisationId organisation, ActorId actor) {
    return new Credential(
        id,
        organisation,
        actor,
        EnumSet.of(Role.DEVELOPER),
        Set.of(Scopes.PROJECTS_WRITE),
        "CI pipeline of " + actor,
        120,
        "1".repeat(64),
        T0,
        new ActorId("ann"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1);
  }

  private static ProjectQuery projectQuery(
      Optional<String> methodology,
      ActorId actor,
      OrganisationId organisation,
      Envelope bbox,
      Instant from,
      Instant before) {
    return new ProjectQuery(
        Set.of(),
        methodology,
        Optional.ofNullable(actor),
        Optional.ofNullable(organisation),
        Optional.ofNullable(bbox),
        Optional.ofNullable(from),
        Optional.ofNullable(before));
  }

  private static ReportQuery reportQuery(
      Set<ReportStatus> statuses, ActorId verifier, LocalDate from, LocalDate before) {
    return new ReportQuery(
        Optional.empty(),
        statuses,
        Optional.ofNullable(verifier),
        Optional.ofNullable(from),
        Optional.ofNullable(before));
  }

  private static LedgerCommand.Mint mintOf(String id, IssuedCredits credits) {
    return new LedgerCommand.Mint(
        id,
        credits.id(),
        new org.ogcr.domain.id.ProjectId("nulhegan-forest"),
        new org.ogcr.domain.id.ReportId("nulhegan-forest-2026"),
        2026,
        credits.blocks().blocks());
  }
}
