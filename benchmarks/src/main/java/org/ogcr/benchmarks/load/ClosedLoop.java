package org.ogcr.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the last
 * one is answered, for a warm-up (not counted) and then a measured period. Throughput is the
 * requests answered in the measured period per second; latencies are per request, from send to the
 * whole answer read.
 */
final class ClosedLoop {

  private ClosedLoop() {}

  /** One client's next request: sends it and returns the answer's status. */
  @FunctionalInterface
  interface Request {
    Answer send() throws Exception;
  }

  /** A status and, for an error, what the server said. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Makes client {@code i}'s next request. */
  @FunctionalInterface
  interface Client {
    Request next(int client);
  }

  /**
   * What one measured period gave.
   *
   * @param ok requests answered 2xx in the measured period
   * @param errors other answers (and failures to send) in the measured period
   * @param firstError the first error, or empty
   */
  record Result(
      int clients,
      long ok,
      long errors,
      double seconds,
      double perSecond,
      double p50Millis,
      double p99Millis,
      String firstError) {}

  static Result run(int clients, Duration warmUp, Duration measured, Client client)
      throws InterruptedException {
    long start = System.nanoTime();
    long countFrom = start + warmUp.toNanos();
    long stopAt = countFrom + measured.toNanos();
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    long[] errors = new long[clients];
    AtomicReference<String> firstError = new AtomicReference<>("");
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int me = c;
      latencies[me] = new long[1024];
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  long sent = System.nanoTime();
                  if (sent >= stopAt) {
                    return;
                  }
                  Answer a;
                  try {
                    a = client.next(me).send();
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    a = new Answer(0, e.toString());
                  }
                  long done = System.nanoTime();
                  if (done < countFrom || done > stopAt) {
                    continue;
                  }
                  if (a.ok()) {
                    if (counts[me] == latencies[me].length) {
                      latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                    }
                    latencies[me][counts[me]++] = done - sent;
                  } else {
                    errors[me]++;
                    String error = a.status() + " " + a.body();
                    firstError.compareAndSet(
                        "", error.length() > 300 ? error.substring(0, 300) + "…" : error);
                  }
                }
              },
              "load-client-" + me);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    double seconds = measured.toNanos() / 1e9;
    return new Result(
        clients,
        total,
        Arrays.stream(errors).sum(),
        seconds,
        total / seconds,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        firstError.get());
  }

  /** The nearest-rank percentile {@code q} of {@code values} (sorted in place); NaN when empty. */
  static double percentile(long[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int rank = (int) Math.ceil(q * values.length);
    return values[Math.max(0, rank - 1)];
  }
}
