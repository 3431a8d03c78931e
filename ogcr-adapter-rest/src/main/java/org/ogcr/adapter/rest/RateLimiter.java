package org.ogcr.adapter.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A token bucket per client: {@code perMinute} requests a minute, refilled continuously, bursting
 * to a minute's worth. Kept in this instance's memory: behind a load balancer each instance counts
 * its own share.
 */
final class RateLimiter {

  private static final int MAX_CLIENTS = 100_000;

  private final Supplier<Instant> clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(Supplier<Instant> clock) {
    this.clock = clock;
  }

  private static final class Bucket {
    double tokens;
    long refilledAtNanos;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.refilledAtNanos = at;
    }
  }

  /**
   * Takes one request from {@code client}'s bucket.
   *
   * @return empty when allowed, otherwise the seconds to wait before the next request is allowed
   */
  OptionalLong take(String client, int perMinute) {
    long now = nanos();
    if (buckets.size() > MAX_CLIENTS) {
      // a flood of distinct clients: forget the idle ones rather than grow without bound
      buckets.entrySet().removeIf(e -> now - e.getValue().refilledAtNanos > 60_000_000_000L);
    }
    Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
    synchronized (b) {
      double perNano = perMinute / 60e9;
      b.tokens = Math.min(perMinute, b.tokens + (now - b.refilledAtNanos) * perNano);
      b.refilledAtNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return OptionalLong.empty();
      }
      double wait = (1 - b.tokens) / perNano;
      return OptionalLong.of(Math.max(1, (long) Math.ceil(wait / 1e9)));
    }
  }

  private long nanos() {
    Instant t = clock.get();
    return Duration.between(Instant.EPOCH, t).toNanos();
  }
}
