package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.CreditLedger.LedgerRefusedException;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerOutbox;

/**
 * The ledger outbox in table {@code ledger_outbox}, in queue order ({@code seq}). Commands are
 * queued in the caller's transaction, so they commit with the state change that produced them;
 * relays read and settle them after commit.
 */
public final class JdbcLedgerOutbox implements LedgerOutbox {

  private static final String COLUMNS =
      "command_id, command, state, attempts, next_attempt_at, last_error, entry";

  private final JdbcUnitOfWork uow;

  public JdbcLedgerOutbox(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void enqueue(LedgerCommand command, Instant at) {
    Require.nonNull("command", command);
    Require.nonNull("at", at);
    uow.withHandle(
        h -> {
          Optional<Item> queued = find(h, command.id());
          if (queued.isPresent()) {
            if (!queued.get().command().equals(command)) {
              throw new LedgerRefusedException(
                  "ledger_command_conflict",
                  "command id " + command.id() + " is already queued for another command");
            }
            return null;
          }
          h.createUpdate(
                  "insert into ledger_outbox (command_id, command, state, attempts,"
                      + " next_attempt_at) values (:id, :command, 'PENDING', 0, :at)")
              .bind("id", command.id())
              .bind("command", LedgerJson.command(command))
              .bind("at", Sql.at(at))
              .execute();
          return null;
        });
  }

  @Override
  public List<Item> due(Instant now, int limit) {
    Require.nonNull("now", now);
    Require.between("limit", limit, 1, 10_000);
    return uow.withHandle(
        h -> {
          List<Item> pending =
              h.createQuery(
                      "select "
                          + COLUMNS
                          + " from ledger_outbox where state = 'PENDING' order by seq limit :limit")
                  .bind("limit", limit)
                  .map((rs, ctx) -> row(rs))
                  .list();
          List<Item> due = new ArrayList<>();
          for (Item item : pending) {
            if (item.nextAttemptAt().isAfter(now)) {
              break; // strict queue order: nothing passes a command that is waiting
            }
            due.add(item);
          }
          return due;
        });
  }

  @Override
  public void markRelayed(String commandId, LedgerEntry entry) {
    Require.nonNull("entry", entry);
    settle(commandId, State.RELAYED, Optional.empty(), Optional.of(entry), Optional.empty(), 1);
  }

  @Override
  public void markFailed(String commandId, String error, Instant nextAttemptAt) {
    Require.nonNull("nextAttemptAt", nextAttemptAt);
    settle(
        commandId,
        State.PENDING,
        Optional.of(error),
        Optional.empty(),
        Optional.of(nextAttemptAt),
        1);
  }

  @Override
  public void markAwaiting(String commandId, Instant nextAttemptAt) {
    Require.nonNull("nextAttemptAt", nextAttemptAt);
    settle(
        commandId,
        State.PENDING,
        Optional.of(AWAITING),
        Optional.empty(),
        Optional.of(nextAttemptAt),
        0);
  }

  @Override
  public void markRefused(String commandId, String error) {
    settle(commandId, State.REFUSED, Optional.of(error), Optional.empty(), Optional.empty(), 1);
  }

  /**
   * Records one attempt's outcome for a pending command; a command another relay already relayed
   * keeps that outcome (relays may race; the ledger is idempotent by id).
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
    Require.nonNull("commandId", commandId);
    uow.withHandle(
        h -> {
          Optional<Item> found = find(h, commandId);
          if (found.isPresent() && found.get().state() == State.RELAYED) {
            return null;
          }
          if (found.isEmpty() || found.get().state() != State.PENDING) {
            throw new InvalidValueException(
                "commandId",
                commandId,
                "must name a pending command; is "
                    + found.map(i -> i.state().toString()).orElse("unknown"));
          }
          Item item = found.get();
          h.createUpdate(
                  "update ledger_outbox set state = :state, attempts = attempts + :attempts,"
                      + " next_attempt_at = :next, last_error = :error, entry = :entry"
                      + " where command_id = :id and state = 'PENDING'")
              .bind("state", state.name())
              .bind("attempts", attempts)
              .bind("next", Sql.at(retryAt.orElse(item.nextAttemptAt())))
              .bind("error", error.or(item::lastError).map(Sql::clip).orElse(null))
              .bind("entry", entry.map(LedgerJson::entry).orElse(null))
              .bind("id", commandId)
              .execute();
          return null;
        });
  }

  @Override
  public Optional<Item> find(String commandId) {
    Require.nonNull("commandId", commandId);
    return uow.withHandle(h -> find(h, commandId));
  }

  private static Optional<Item> find(Handle h, String commandId) {
    return h.createQuery("select " + COLUMNS + " from ledger_outbox where command_id = :id")
        .bind("id", commandId)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  private static Item row(ResultSet rs) throws SQLException {
    String entry = rs.getString("entry");
    return new Item(
        LedgerJson.command(rs.getString("command")),
        State.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        Sql.instant(rs, "next_attempt_at"),
        Optional.ofNullable(rs.getString("last_error")),
        Optional.ofNullable(entry).map(LedgerJson::entry));
  }
}
