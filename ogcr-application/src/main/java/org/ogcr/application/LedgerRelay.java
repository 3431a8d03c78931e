package org.ogcr.application;

import java.time.Duration;
import java.time.Instant;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerOutbox;

/**
 * Sends committed ledger commands from the outbox to the ledger. Nothing in the core waits for it:
 * a slow, failing or absent ledger only delays the relay.
 *
 * <ul>
 *   <li>Commands go in the order they were queued. A transient failure (the ledger is down or slow)
 *       ends the round, so a later command never overtakes an earlier one it depends on (a change
 *       to blocks not yet minted); the failed command is retried after an exponential backoff,
 *       capped.
 *   <li>A retry after a lost answer is harmless: the ledger is idempotent by command id.
 *   <li>A command the ledger refuses ({@code ledger_*} codes) is marked refused and left for
 *       reconciliation; the round goes on.
 *   <li>A command recorded but not yet confirmed stays pending and is asked about again; only a
 *       confirmed entry marks it relayed, so a reorganisation that drops it loses nothing.
 * </ul>
 */
public final class LedgerRelay {

  /** No retry waits longer than a day; the cap also keeps the doubling far from overflow. */
  public static final Duration MAX_BACKOFF = Duration.ofDays(1);

  private final LedgerOutbox outbox;
  private final CreditLedger ledger;
  private final Clock clock;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  public LedgerRelay(
      LedgerOutbox outbox,
      CreditLedger ledger,
      Clock clock,
      Duration firstBackoff,
      Duration maxBackoff) {
    this.outbox = Require.nonNull("outbox", outbox);
    this.ledger = Require.nonNull("ledger", ledger);
    this.clock = Require.nonNull("clock", clock);
    this.firstBackoff = Require.nonNull("firstBackoff", firstBackoff);
    this.maxBackoff = Require.nonNull("maxBackoff", maxBackoff);
    if (firstBackoff.isNegative()
        || firstBackoff.isZero()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new InvalidValueException(
          "maxBackoff", maxBackoff, "must be at least firstBackoff " + firstBackoff + " > 0");
    }
    if (maxBackoff.compareTo(MAX_BACKOFF) > 0) {
      throw new InvalidValueException("maxBackoff", maxBackoff, "must be at most " + MAX_BACKOFF);
    }
  }

  /** What one round did. */
  public record Round(int relayed, int refused, int failed) {}

  /** Sends the due commands, at most {@code limit}, in queue order. */
  public Round relayDue(int limit) {
    Instant now = clock.now();
    int relayed = 0;
    int refused = 0;
    for (LedgerOutbox.Item item : outbox.due(now, limit)) {
      String id = item.command().id();
      try {
        LedgerEntry entry = ledger.submit(item.command());
        if (!entry.confirmed()) {
          // recorded but not final (a chain may still reorganise): ask again later; resubmitting
          // is idempotent and returns the entry once confirmed. Later commands wait their turn.
          // Waiting is no failure: it does not lengthen the backoff of a later one.
          outbox.markAwaiting(id, now.plus(firstBackoff));
          return new Round(relayed, refused, 0);
        }
        outbox.markRelayed(id, entry);
        relayed++;
      } catch (CreditLedger.LedgerRefusedException e) {
        outbox.markRefused(id, e.code() + ": " + e.getMessage());
        refused++;
      } catch (RuntimeException e) {
        // the ledger is down, slow or answered nothing: retry later, and keep the order
        outbox.markFailed(id, String.valueOf(e.getMessage()), now.plus(backoff(item.attempts())));
        return new Round(relayed, refused, 1);
      }
    }
    return new Round(relayed, refused, 0);
  }

  /** {@code firstBackoff × 2^attempts}, at most {@code maxBackoff}. */
  Duration backoff(int attempts) {
    Duration wait = firstBackoff;
    for (int i = 0; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
