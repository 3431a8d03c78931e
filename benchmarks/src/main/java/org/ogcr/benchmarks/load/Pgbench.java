package org.ogcr.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own {@code pgbench} running its built-in TPC-B-like transaction (three updates, a
 * select and an insert) on the same server as the registry: the baseline of what this database does
 * on this machine.
 */
final class Pgbench {

  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final String host;
  private final int port;
  private final String database;
  private final Path logs;

  Pgbench(String host, int port, String database, Path logs) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.logs = logs;
  }

  /** {@code pgbench} from the PATH, or a message saying how to install it. */
  static void requireInstalled() {
    try {
      Process p = new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IOException("exit code " + p.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "the load benchmark compares with pgbench, which is not on the PATH (Debian: apt-get"
              + " install postgresql-client): "
              + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates and fills pgbench's tables at {@code scale} (100,000 accounts per unit). */
  void initialise(int scale) throws IOException, InterruptedException {
    run(List.of("-i", "-q", "-s", Integer.toString(scale)));
  }

  /**
   * Runs TPC-B with {@code clients} connections for {@code warmUp} and then {@code measured}, and
   * counts, as the registry's load does, the transactions that end within the measured period (by
   * the completion times of pgbench's per-transaction log).
   */
  ClosedLoop.Result run(int clients, Duration warmUp, Duration measured)
      throws IOException, InterruptedException {
    long startedMicros = System.currentTimeMillis() * 1000;
    long fromMicros = startedMicros + warmUp.toNanos() / 1000;
    long toMicros = fromMicros + measured.toNanos() / 1000;
    Path dir = Files.createDirectories(logs.resolve("pgbench-" + clients));
    String prefix = dir.resolve("tx").toString();
    String out =
        run(
            List.of(
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T",
                Long.toString(warmUp.plus(measured).toSeconds()),
                "-M",
                "prepared",
                "-l",
                "--log-prefix=" + prefix));
    if (!TPS.matcher(out).find()) {
      throw new IllegalStateException("pgbench printed no tps:\n" + out);
    }
    // each line of the per-transaction log: client_id transaction_no latency_us script_no, then
    // the second and microsecond it ended; a failed transaction has no latency
    List<Long> micros = new ArrayList<>();
    long failed = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("tx")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length < 6) {
            continue;
          }
          long ended = Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5]);
          if (ended < fromMicros || ended > toMicros) {
            continue;
          }
          if (fields[2].matches("\\d+")) {
            micros.add(Long.parseLong(fields[2]));
          } else {
            failed++;
          }
        }
      }
    }
    long[] nanos = micros.stream().mapToLong(us -> us * 1000).toArray();
    double seconds = measured.toNanos() / 1e9;
    return new ClosedLoop.Result(
        clients,
        nanos.length,
        failed,
        seconds,
        nanos.length / seconds,
        ClosedLoop.percentile(nanos, 0.50) / 1e6,
        ClosedLoop.percentile(nanos, 0.99) / 1e6,
        "");
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("pgbench", "-h", host, "-p", "" + port));
    command.addAll(List.of("-U", "postgres"));
    command.addAll(args);
    command.add(database);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(
          "pgbench " + String.join(" ", args) + " failed (" + p.exitValue() + "):\n" + out);
    }
    return out;
  }
}
