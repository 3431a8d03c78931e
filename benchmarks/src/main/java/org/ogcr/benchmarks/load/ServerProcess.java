package org.ogcr.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server as an operator runs it: {@code java -jar ogcr-server.jar serve …} in a
 * process of its own, on 127.0.0.1 and a free port, its output in a log file. Started, it has
 * answered 200 on {@code /health}; {@link #startedIn} is the time from launching the JVM to that
 * first 200.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern ADMIN_KEY = Pattern.compile("(?m)^\\s+(ogcr_\\S+)\\s*$");
  private static final String SERVING = "OGCR registry serving";

  private final Process process;
  private final Path log;
  final String baseUrl;
  final Duration startedIn;

  private ServerProcess(Process process, Path log, String baseUrl, Duration startedIn) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
    this.startedIn = startedIn;
  }

  /** Starts {@code serverJar serve} with {@code options} and waits for its first 200. */
  static ServerProcess start(Path serverJar, List<String> options, Path log, HttpClient http)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", serverJar.toString(), "serve"));
    command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(options);
    String base = "http://127.0.0.1:" + port;
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(2)).build();
    long launched = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      return awaitFirst200(p, log, http, health, base, launched);
    } catch (IOException | InterruptedException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  private static ServerProcess awaitFirst200(
      Process p, Path log, HttpClient http, HttpRequest health, String base, long launched)
      throws IOException, InterruptedException {
    long deadline = launched + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "the server stopped with exit code "
                + p.exitValue()
                + " before answering:\n"
                + tail(log));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException("the server did not answer in 120 s:\n" + tail(log));
      }
      Thread.sleep(5);
    }
    Duration startedIn = Duration.ofNanos(System.nanoTime() - launched);
    ServerProcess server = new ServerProcess(p, log, base, startedIn);
    // the server prints its first administrator's key, then that it serves, just after it binds
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(SERVING)) {
      if (System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException("the server never said it serves:\n" + tail(log));
      }
      Thread.sleep(5);
    }
    return server;
  }

  /** The first administrator's API key, when this start was the database's first. */
  Optional<String> adminKey() {
    try {
      Matcher m = ADMIN_KEY.matcher(Files.readString(log, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server as Ctrl+C would (its shutdown hook closes it), forcibly after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
