package org.ogcr.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ogcr.server.WorkedExample;

/**
 * The load benchmark: the reference server ({@code ogcr-server.jar}, in processes of its own) on a
 * real PostgreSQL, driven over HTTP by closed-loop clients reading, transferring and retiring
 * credits at 1, 16 and 64 clients, with one server and with two on the same database; next to
 * {@code pgbench}'s TPC-B on the same PostgreSQL in the same run; and the server's cold start to
 * its first 200, on H2 and on PostgreSQL. Writes every figure to a JSON file that {@code Report}
 * turns into {@code docs/benchmarks.md}.
 *
 * <p>{@code java -cp benchmarks.jar org.ogcr.benchmarks.load.LoadRun --server-jar <jar> --out
 * <json> --work <dir> [--quick]}
 */
public final class LoadRun {

  /** The example issued {@link #SCALE} times over: about 4.3 million credits to share out. */
  static final int SCALE = 10_000;

  private int[] clientCounts = {1, 16, 64};

  private List<String> ops = List.of("read", "transfer", "retire");

  private boolean coldStart = true;

  /** Credits each load client holds at the start: enough for every transfer and retirement. */
  static final long PER_CLIENT = 60_000;

  private static final String ISSUANCE = "nulhegan-2026";

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Path serverJar;
  private final Path work;
  private final boolean quick;

  private LoadRun(Path serverJar, Path work, boolean quick) {
    this.serverJar = serverJar;
    this.work = work;
    this.quick = quick;
  }

  private static final String USAGE =
      "usage: --server-jar <jar> --out <json> --work <dir> [--quick] [--clients 1,16,64]"
          + " [--ops read,transfer,retire] [--cold-start false]";

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    for (String required : List.of("--server-jar", "--out", "--work")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("give " + required + " (" + USAGE + ")");
      }
    }
    Pgbench.requireInstalled();
    Path work = Files.createDirectories(Path.of(options.get("--work")));
    LoadRun run = new LoadRun(Path.of(options.get("--server-jar")), work, quick);
    if (options.containsKey("--clients")) {
      run.clientCounts =
          Arrays.stream(options.get("--clients").split(",")).mapToInt(Integer::parseInt).toArray();
    }
    if (options.containsKey("--ops")) {
      run.ops = List.of(options.get("--ops").split(","));
    }
    run.coldStart = !"false".equals(options.get("--cold-start"));
    ObjectNode result = run.run();
    Files.writeString(
        Path.of(options.get("--out")), result.toPrettyString(), StandardCharsets.UTF_8);
  }

  private Duration warmUp() {
    return Duration.ofSeconds(quick ? 2 : 5);
  }

  private Duration measured() {
    return Duration.ofSeconds(quick ? 6 : 20);
  }

  private ObjectNode run() throws Exception {
    ObjectNode out = json.createObjectNode();
    out.put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("java", System.getProperty("java.version"));
    out.put("warmUpSeconds", warmUp().toSeconds());
    out.put("measuredSeconds", measured().toSeconds());
    // the servers run with their default pool: twice the processors plus one connections
    out.put("serverMaxConnections", 2 * Runtime.getRuntime().availableProcessors() + 1);
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .start()) {
      out.put("postgresql", version(pg));
      execute(pg, "create extension pg_stat_statements");
      if (coldStart) {
        coldStarts(pg, out.putObject("coldStart"));
      }
      load(pg, out);
    }
    return out;
  }

  private static String version(EmbeddedPostgres pg) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void createDatabase(EmbeddedPostgres pg, String name) throws SQLException {
    execute(pg, "create database " + name);
  }

  private static void execute(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * The registry's statements by the time PostgreSQL spent in them over the whole run (from
   * pg_stat_statements), for reading where a request's time goes.
   */
  private static String statements(EmbeddedPostgres pg) throws SQLException {
    StringBuilder b = new StringBuilder("calls\ttotal ms\tmean ms\trows\tstatement\n");
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "select calls, total_exec_time, mean_exec_time, rows,"
                    + " regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                    + " join pg_database d on d.oid = dbid where d.datname = 'registry'"
                    + " order by total_exec_time desc limit 60")) {
      while (rs.next()) {
        b.append(
            String.format(
                java.util.Locale.ROOT,
                "%d\t%.1f\t%.3f\t%d\t%s%n",
                rs.getLong(1),
                rs.getDouble(2),
                rs.getDouble(3),
                rs.getLong(4),
                rs.getString(5)));
      }
    }
    return b.toString();
  }

  private static String jdbcUrl(EmbeddedPostgres pg, String database) {
    return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database;
  }

  private static List<String> onPostgresql(EmbeddedPostgres pg, String database, Path dataDir) {
    return List.of(
        "--jdbc-url",
        jdbcUrl(pg, database),
        "--db-user",
        "postgres",
        "--data-dir",
        dataDir.toString());
  }

  /** Launch to first 200, each on a new empty database (migrations included). */
  private void coldStarts(EmbeddedPostgres pg, ObjectNode out) throws Exception {
    int runs = quick ? 3 : 5;
    ArrayNode h2 = out.putArray("h2Millis");
    ArrayNode postgresql = out.putArray("postgresqlMillis");
    for (int i = 0; i < runs; i++) {
      Path dir = Files.createDirectories(work.resolve("cold-h2-" + i));
      try (ServerProcess s =
          ServerProcess.start(
              serverJar,
              List.of("--data-dir", dir.toString()),
              work.resolve("cold-h2-" + i + ".log"),
              http)) {
        h2.add(s.startedIn.toMillis());
      }
      String db = "cold_" + i;
      createDatabase(pg, db);
      try (ServerProcess s =
          ServerProcess.start(
              serverJar,
              onPostgresql(pg, db, Files.createDirectories(work.resolve("cold-pg-" + i))),
              work.resolve("cold-pg-" + i + ".log"),
              http)) {
        postgresql.add(s.startedIn.toMillis());
      }
      System.out.printf(
          "cold start %d: H2 %s ms, PostgreSQL %s ms%n", i, h2.get(i), postgresql.get(i));
    }
  }

  /** One load client: its credential, its two accounts and which credits it still holds. */
  private static final class LoadClient {
    final String id;
    final String key;
    final long first;
    long nextToTransfer;
    long nextToRetire;
    String serialPrefix;

    LoadClient(String id, String key, long first) {
      this.id = id;
      this.key = key;
      this.first = first;
      this.nextToTransfer = first;
      this.nextToRetire = first + PER_CLIENT - 1;
    }

    String a() {
      return id + "-a";
    }

    String b() {
      return id + "-b";
    }

    /** Counted as an error in the figures, which then say so. */
    ClosedLoop.Request outOfCredits() {
      return () ->
          new ClosedLoop.Answer(
              0, id + " has transferred or retired all its credits: raise LoadRun.PER_CLIENT");
    }
  }

  private void load(EmbeddedPostgres pg, ObjectNode out) throws Exception {
    createDatabase(pg, "registry");
    createDatabase(pg, "pgbench");
    Path data = Files.createDirectories(work.resolve("registry"));
    List<String> options = new ArrayList<>(onPostgresql(pg, "registry", data));
    options.addAll(List.of("--anonymous-rate", "100000000"));
    Pgbench pgbench = new Pgbench("127.0.0.1", pg.getPort(), "pgbench", work);
    int scale = quick ? 16 : 64;
    out.put("pgbenchScale", scale);
    System.out.println("pgbench: initialising at scale " + scale);
    pgbench.initialise(scale);
    try (ServerProcess one =
            ServerProcess.start(serverJar, options, work.resolve("server-1.log"), http);
        ServerProcess two =
            ServerProcess.start(serverJar, options, work.resolve("server-2.log"), http)) {
      String admin =
          one.adminKey().orElseThrow(() -> new IllegalStateException("no administrator's key"));
      List<LoadClient> clients = seed(one.baseUrl, admin);
      ArrayNode pgRuns = out.putArray("pgbench");
      ObjectNode configs = out.putObject("registry");
      ArrayNode single = configs.putArray("one server");
      ArrayNode pair = configs.putArray("two servers");
      for (int n : clientCounts) {
        ClosedLoop.Result base = pgbench.run(n, warmUp(), measured());
        pgRuns.add(row("TPC-B", base));
        print("pgbench TPC-B", base);
        for (String op : ops) {
          ClosedLoop.Result r =
              ClosedLoop.run(
                  n, warmUp(), measured(), i -> request(op, clients.get(i), one.baseUrl));
          single.add(row(op, r));
          print("one server, " + op, r);
          if (n < 2) {
            continue; // one client reaches one server: two servers need two clients or more
          }
          r =
              ClosedLoop.run(
                  n,
                  warmUp(),
                  measured(),
                  i -> request(op, clients.get(i), (i % 2 == 0 ? one : two).baseUrl));
          pair.add(row(op, r));
          print("two servers, " + op, r);
        }
      }
      Files.writeString(work.resolve("statements.tsv"), statements(pg), StandardCharsets.UTF_8);
      ObjectNode check = out.putObject("afterwards");
      check.put("auditChainIntact", auditChainIntact(one.baseUrl, admin));
    }
  }

  private ObjectNode row(String op, ClosedLoop.Result r) {
    ObjectNode n = json.valueToTree(r);
    n.put("op", op);
    return n;
  }

  private static void print(String what, ClosedLoop.Result r) {
    System.out.printf(
        "%-26s %2d clients: %8.1f/s  p50 %7.2f ms  p99 %7.2f ms  errors %d %s%n",
        what, r.clients(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors(), r.firstError());
  }

  /** Client {@code c}'s next request of kind {@code op}, to the server at {@code base}. */
  private ClosedLoop.Request request(String op, LoadClient c, String base) {
    switch (op) {
      case "read":
        return () -> send("GET", base, "/credits?owner=" + c.a() + "&limit=10", c.key, null);
      case "transfer":
        {
          if (c.nextToTransfer > c.nextToRetire) {
            return c.outOfCredits();
          }
          long unit = c.nextToTransfer++;
          return () ->
              send(
                  "POST",
                  base,
                  "/credits/transfer",
                  c.key,
                  "{\"issuanceId\": \""
                      + ISSUANCE
                      + "\", \"first\": "
                      + unit
                      + ", \"last\": "
                      + unit
                      + ", \"from\": \""
                      + c.a()
                      + "\", \"to\": \""
                      + c.b()
                      + "\"}");
        }
      case "retire":
        {
          if (c.nextToTransfer > c.nextToRetire) {
            return c.outOfCredits();
          }
          long unit = c.nextToRetire--;
          return () ->
              send(
                  "POST",
                  base,
                  "/credits/" + c.serialPrefix + String.format("%03d", unit) + "/retire",
                  c.key,
                  "{\"from\": \"" + c.a() + "\", \"reason\": \"load benchmark\"}");
        }
      default:
        throw new IllegalArgumentException(op);
    }
  }

  private ClosedLoop.Answer send(String method, String base, String path, String key, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-API-Key", key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new ClosedLoop.Answer(r.statusCode(), r.body());
  }

  private JsonNode expect(int status, ClosedLoop.Answer a, String what) throws IOException {
    if (a.status() != status) {
      throw new IllegalStateException(
          what + ": expected " + status + ", the server answered " + a.status() + " " + a.body());
    }
    return json.readTree(a.body().isEmpty() ? "{}" : a.body());
  }

  /**
   * Runs the worked example {@link #SCALE} times over, then lists a holder per load client, each
   * with two accounts, and moves {@link #PER_CLIENT} credits of the property's into each client's
   * first account.
   */
  private List<LoadClient> seed(String base, String admin) throws Exception {
    long started = System.nanoTime();
    Map<String, String> actors = WorkedExample.run(base, admin, SCALE);
    String owner = actors.get("dev-alice");
    int count = Arrays.stream(clientCounts).max().orElseThrow();
    List<LoadClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("load-%02d", i);
      expect(
          200,
          send("PUT", base, "/admin/directory/" + id, admin, "{\"organisation\": \"load-co\"}"),
          "list " + id);
      JsonNode credential =
          expect(
              201,
              send(
                  "POST",
                  base,
                  "/admin/credentials",
                  admin,
                  "{\"actor\": \""
                      + id
                      + "\", \"organisation\": \"load-co\", \"label\": \"load\", \"roles\":"
                      + " [\"holder\"], \"scopes\": [\"credits:read\", \"credits:write\"],"
                      + " \"ratePerMinute\": 100000000}"),
              "issue a key to " + id);
      // credits 1-100 went to the example's buyer
      LoadClient c = new LoadClient(id, credential.path("apiKey").asText(), 101 + i * PER_CLIENT);
      for (String account : List.of(c.a(), c.b())) {
        expect(
            201,
            send("POST", base, "/accounts", c.key, "{\"id\": \"" + account + "\"}"),
            "open " + account);
      }
      expect(
          200,
          send(
              "POST",
              base,
              "/credits/transfer",
              owner,
              "{\"issuanceId\": \""
                  + ISSUANCE
                  + "\", \"first\": "
                  + c.first
                  + ", \"last\": "
                  + (c.first + PER_CLIENT - 1)
                  + ", \"from\": \"property:nulhegan-forest\", \"to\": \""
                  + c.a()
                  + "\"}"),
          "move credits to " + c.a());
      JsonNode held =
          expect(200, send("GET", base, "/credits?owner=" + c.a(), c.key, null), "read " + c.a());
      c.serialPrefix = held.path("items").path(0).path("issuanceCode").asText() + "-";
      clients.add(c);
    }
    System.out.printf(
        "seeded %d clients with %,d credits each in %.1f s%n",
        count, PER_CLIENT, (System.nanoTime() - started) / 1e9);
    return clients;
  }

  private boolean auditChainIntact(String base, String admin) throws Exception {
    return expect(200, send("GET", base, "/audit/verification", admin, null), "verify the audit")
        .path("intact")
        .asBoolean();
  }
}
