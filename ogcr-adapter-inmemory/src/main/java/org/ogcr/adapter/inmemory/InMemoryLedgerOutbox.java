package org.ogcr.adapter.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.CreditLedger.LedgerRefusedException;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerOutbox;

/**
 * The outbox in memory, in the order commands were queued. Thread-safe: every operation runs under
 * the lock of its {@link InMemoryUnitOfWork}, and a command queued or marked inside a transaction
 * that rolls back is unqueued or unmarked again.
 */
public final class InMemoryLedgerOutbox implements LedgerOutbox {

  private final InMemoryUnitOfWork uow;
  private final Map<String, Item> items = new LinkedHashMap<>();

  /** An outbox with a unit of work of its own. */
  public InMemoryLedgerOutbox() {
    this(new InMemoryUnitOfWork());
  }

  public InMemoryLedgerOutbox(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void enqueue(LedgerCommand command, Instant at) {
    Require.nonNull("command", command);
    Require.nonNull("at", at);
    uow.locked(() -> queue(command, at));
  }

  private void queue(LedgerCommand command, Instant at) {
    Item queued = items.get(command.id());
    if (queued != null) {
      if (!queued.command().equals(command)) {
        throw new LedgerRefusedException(
            "ledger_command_conflict",
            "command id " + command.id() + " is already queued for another command");
      }
      return;
    }
    items.put(
        command.id(), new Item(command, State.PENDING, 0, at, Optional.empty(), Optional.empty()));
    uow.onRollback(() -> items.remove(command.id()));
  }

  @Override
  public List<Item> due(Instant now, int limit) {
    Require.nonNull("now", now);
    Require.between("limit", limit, 1, 10_000);
    return uow.locked(() -> dueItems(now, limit));
  }

  private List<Item> dueItems(Instant now, int limit) {
    List<Item> due = new ArrayList<>();
    for (Item item : items.values()) {
      if (item.state() != State.PENDING) {
        continue;
      }
      if (item.nextAttemptAt().isAfter(now) || due.size() == limit) {
        break; // strict queue order: nothing passes a command that is waiting
      }
      due.add(item);
    }
    return due;
  }

  @Override
  public void markRelayed(String commandId, LedgerEntry entry) {
    Require.nonNull("entry", entry);
    uow.locked(
        () ->
            settle(
                commandId,
                State.RELAYED,
                Optional.empty(),
                Optional.of(entry),
                Optional.empty(),
                1));
  }

  @Override
  public void markFailed(String commandId, String error, Instant nextAttemptAt) {
    Require.nonNull("nextAttemptAt", nextAttemptAt);
    uow.locked(
        () ->
            settle(
                commandId,
                State.PENDING,
                Optional.of(error),
                Optional.empty(),
                Optional.of(nextAttemptAt),
                1));
  }

  @Override
  public void markAwaiting(String commandId, Instant nextAttemptAt) {
    Require.nonNull("nextAttemptAt", nextAttemptAt);
    uow.locked(
        () ->
            settle(
                commandId,
                State.PENDING,
                Optional.of(AWAITING),
                Optional.empty(),
                Optional.of(nextAttemptAt),
                0));
  }

  @Override
  public void markRefused(String commandId, String error) {
    uow.locked(
        () ->
            settle(
                commandId,
                State.REFUSED,
                Optional.of(error),
                Optional.empty(),
                Optional.empty(),
                1));
  }

  /**
   * Records one attempt's outcome for a pending command. A command another relay already relayed
   * keeps that outcome: several relays may race, the ledger being idempotent by id.
   *
   * @param attempts the attempts it counts: 1, or 0 while the ledger confirms a recorded command
   */
  private void settle(
      String commandId,
      State state,
      Optional<String> error,
      Optional<LedgerEntry> entry,
      Optional<Instant> retryAt,
      int attempts) {
    Item item = items.get(commandId);
    if (item != null && item.state() == State.RELAYED) {
      return;
    }
    if (item == null || item.state() != State.PENDING) {
      throw new InvalidValueException(
          "commandId",
          commandId,
          "must name a pending command; is " + (item == null ? "unknown" : item.state()));
    }
    items.put(
        commandId,
        new Item(
            item.command(),
            state,
            item.attempts() + attempts,
            retryAt.orElse(item.nextAttemptAt()),
            error.isPresent() ? error : item.lastError(),
            entry));
    // the key stays in place, so putting the item back keeps the queue order
    uow.onRollback(() -> items.put(commandId, item));
  }

  @Override
  public Optional<Item> find(String commandId) {
    return uow.locked(() -> Optional.ofNullable(items.get(commandId)));
  }
}
