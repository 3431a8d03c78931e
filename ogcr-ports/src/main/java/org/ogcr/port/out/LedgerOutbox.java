package org.ogcr.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ledger commands waiting to be relayed. A use case enqueues its commands in the same transaction
 * as its state change, so either both are committed or neither; a relay then sends them to the
 * {@link CreditLedger} after commit, retrying with backoff while the ledger is slow or down.
 */
public interface LedgerOutbox {

  /** Where a command stands. */
  enum State {
    /** Waiting to be sent, or to be retried at {@link Item#nextAttemptAt()}. */
    PENDING,
    /** Recorded by the ledger. */
    RELAYED,
    /** Refused by the ledger: the registry and the ledger disagree and must be reconciled. */
    REFUSED
  }

  /** One command and its relay history. */
  record Item(
      LedgerCommand command,
      State state,
      int attempts,
      Instant nextAttemptAt,
      Optional<String> lastError,
      Optional<LedgerEntry> entry) {}

  /**
   * Queues a command; queuing the same command again changes nothing.
   *
   * @param at when the command may first be sent
   * @throws CreditLedger.LedgerRefusedException with {@code ledger_command_conflict} when the id is
   *     queued for another command
   */
  void enqueue(LedgerCommand command, Instant at);

  /**
   * Pending commands due at {@code now}, oldest first, at most {@code limit}, stopping at the first
   * pending command that is not yet due: commands are relayed strictly in the order they were
   * queued, so none overtakes one it may depend on.
   */
  List<Item> due(Instant now, int limit);

  /**
   * The ledger recorded and confirmed the command. Marking a command another relay already marked
   * relayed changes nothing (several relays may race; the ledger is idempotent by id). An adapter
   * shared by several servers should also let a relay claim due items (for example {@code SELECT …
   * FOR UPDATE SKIP LOCKED}) so that races stay rare.
   */
  void markRelayed(String commandId, LedgerEntry entry);

  /** Sending failed; retry at {@code nextAttemptAt}. Counts as an attempt. */
  void markFailed(String commandId, String error, Instant nextAttemptAt);

  /**
   * The ledger recorded the command but has not confirmed it yet (a chain waits for blocks on top):
   * ask again at {@code nextAttemptAt}. Not a failed attempt: {@code attempts}, which sets the
   * backoff of failures, stays as it is, and the last error reads {@value #AWAITING}.
   */
  void markAwaiting(String commandId, Instant nextAttemptAt);

  /** The last error of a command the ledger recorded but has not confirmed yet. */
  String AWAITING = "awaiting confirmation";

  /** The ledger refused the command for good. */
  void markRefused(String commandId, String error);

  Optional<Item> find(String commandId);
}
