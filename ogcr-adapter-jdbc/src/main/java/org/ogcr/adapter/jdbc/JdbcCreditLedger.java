package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerRules;

/**
 * The in-process ledger kept in the registry's database, so that it outlives the process: the same
 * hash chain and the same block checks as the in-memory one ({@link LedgerRules}), its entries in
 * table {@code ledger_entries}, its own copy of the credit blocks in {@code ledger_blocks} (serial
 * ranges, as {@code credit_blocks}). Confirms at once.
 *
 * <p>The ledger is a system of its own, so it never joins the application's unit of work ({@link
 * org.ogcr.port.out.DrivenPorts}): every call runs in a transaction of its own, on a connection of
 * its own, even when the calling thread is inside {@link JdbcUnitOfWork#transact}. Nothing the
 * registry rolls back is un-recorded, and nothing the ledger refuses touches the registry's record.
 * Every submit first locks the one row of {@code ledger_head}, so submits from any number of
 * threads, ledger instances or servers sharing one database take turns and form one chain without
 * gaps; a command id is recorded once ({@code ledger_entries.command_id} is unique, and checked
 * under the lock). A transaction that loses a race the database resolves by aborting it is run
 * again, as the unit of work does.
 */
public final class JdbcCreditLedger implements CreditLedger {

  private static final String ENTRY_COLUMNS = "sequence, command, previous, hash";
  private static final String BLOCK_COLUMNS =
      "issuance_id, first_serial, last_serial, owner, status, replacement_for";

  private final Jdbi jdbi;

  private JdbcCreditLedger(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The ledger in {@code database}: what earlier instances over it recorded, it has. */
  public static JdbcCreditLedger over(JdbcDatabase database) {
    return new JdbcCreditLedger(Require.nonNull("database", database).jdbi());
  }

  @Override
  public LedgerEntry submit(LedgerCommand command) {
    Require.nonNull("command", command);
    // entries never change once committed: a relayed retry needs no lock
    Optional<LedgerEntry> recorded = find(command.id());
    if (recorded.isPresent()) {
      return sameOrConflict(recorded.get(), command);
    }
    return transact(
        h -> {
          Head head = lockHead(h);
          Optional<LedgerEntry> raced = find(h, command.id());
          if (raced.isPresent()) {
            return sameOrConflict(raced.get(), command);
          }
          applyToBlocks(h, command);
          LedgerEntry entry = LedgerRules.entry(head.sequence() + 1, command, head.hash());
          h.createUpdate(
                  "insert into ledger_entries (sequence, command_id, command, previous, hash)"
                      + " values (:sequence, :id, :command, :previous, :hash)")
              .bind("sequence", entry.sequence())
              .bind("id", command.id())
              .bind("command", LedgerJson.command(command))
              .bind("previous", entry.previous().hex())
              .bind("hash", entry.hash().hex())
              .execute();
          h.createUpdate("update ledger_head set sequence = :sequence, hash = :hash where id = 1")
              .bind("sequence", entry.sequence())
              .bind("hash", entry.hash().hex())
              .execute();
          return entry;
        });
  }

  private static LedgerEntry sameOrConflict(LedgerEntry recorded, LedgerCommand command) {
    if (recorded.command().equals(command)) {
      return recorded;
    }
    throw new LedgerRefusedException(
        "ledger_command_conflict",
        "command id " + command.id() + " already records another command");
  }

  private record Head(long sequence, DocumentHash hash) {}

  /**
   * Locks the one row of {@code ledger_head}, creating it first in an empty ledger (a concurrent
   * creator's insert waits for this one, then does nothing).
   */
  private static Head lockHead(Handle h) {
    Optional<Head> head = selectHeadForUpdate(h);
    if (head.isPresent()) {
      return head.get();
    }
    h.createUpdate(
            "insert into ledger_head (id, sequence, hash) values (1, 0, :genesis)"
                + " on conflict do nothing")
        .bind("genesis", LedgerRules.GENESIS.hex())
        .execute();
    return selectHeadForUpdate(h).orElseThrow();
  }

  private static Optional<Head> selectHeadForUpdate(Handle h) {
    return h.createQuery("select sequence, hash from ledger_head where id = 1 for update")
        .map((rs, ctx) -> new Head(rs.getLong(1), new DocumentHash(rs.getString(2))))
        .findOne();
  }

  /** Checks the command against the ledger's blocks and applies it; refuses without change. */
  private static void applyToBlocks(Handle h, LedgerCommand command) {
    if (command instanceof LedgerCommand.Mint mint) {
      if (minted(h, mint.issuance())) {
        throw LedgerRules.mismatch("issuance " + mint.issuance() + " is already minted");
      }
      insert(h, mint.blocks());
    } else if (command instanceof LedgerCommand.Apply apply) {
      List<CreditBlock> removed = apply.change().removed();
      IssuanceId issuance = removed.get(0).issuance();
      if (!minted(h, issuance)) {
        throw LedgerRules.mismatch("issuance " + issuance + " is not minted");
      }
      Map<Long, CreditBlock> current = new HashMap<>();
      h.createQuery(
              "select "
                  + BLOCK_COLUMNS
                  + " from ledger_blocks where issuance_id = :issuance"
                  + " and first_serial in (<firsts>)")
          .bind("issuance", issuance.value())
          .bindList("firsts", removed.stream().map(b -> b.range().first()).toList())
          .map(JdbcCreditLedger::block)
          .forEach(b -> current.put(b.range().first(), b));
      LedgerRules.requireFits(apply, current::get);
      PreparedBatch delete =
          h.prepareBatch(
              "delete from ledger_blocks where issuance_id = :issuance and first_serial = :first");
      for (CreditBlock gone : removed) {
        delete.bind("issuance", issuance.value()).bind("first", gone.range().first()).add();
      }
      delete.execute();
      insert(h, apply.change().added());
    }
  }

  /** Whether the ledger has blocks of {@code issuance}: an issuance is minted whole, once. */
  private static boolean minted(Handle h, IssuanceId issuance) {
    return h.createQuery(
            "select first_serial from ledger_blocks where issuance_id = :issuance"
                + " fetch first 1 rows only")
        .bind("issuance", issuance.value())
        .mapTo(Long.class)
        .findOne()
        .isPresent();
  }

  private static void insert(Handle h, List<CreditBlock> blocks) {
    PreparedBatch batch =
        h.prepareBatch(
            "insert into ledger_blocks ("
                + BLOCK_COLUMNS
                + ") values (:issuance, :first, :last, :owner, :status, :replacementFor)");
    for (CreditBlock b : blocks) {
      batch
          .bind("issuance", b.issuance().value())
          .bind("first", b.range().first())
          .bind("last", b.range().last())
          .bind("owner", b.owner().value())
          .bind("status", b.status().name())
          .bind(
              "replacementFor", b.provenance().replacementFor().map(DocumentHash::hex).orElse(null))
          .add();
    }
    batch.execute();
  }

  @Override
  public Optional<LedgerEntry> find(String commandId) {
    return transact(h -> find(h, commandId));
  }

  private static Optional<LedgerEntry> find(Handle h, String commandId) {
    return h.createQuery("select " + ENTRY_COLUMNS + " from ledger_entries where command_id = :id")
        .bind("id", commandId)
        .map(JdbcCreditLedger::entry)
        .findOne();
  }

  @Override
  public List<LedgerEntry> entries(long fromSequence, int limit) {
    Require.positive("fromSequence", fromSequence);
    Require.between("limit", limit, 1, 10_000);
    return transact(
        h ->
            h.createQuery(
                    "select "
                        + ENTRY_COLUMNS
                        + " from ledger_entries where sequence >= :from"
                        + " order by sequence limit :limit")
                .bind("from", fromSequence)
                .bind("limit", limit)
                .map(JdbcCreditLedger::entry)
                .list());
  }

  /** The ledger's current blocks of an issuance, in serial order. */
  public List<CreditBlock> blocks(IssuanceId issuance) {
    Require.nonNull("issuance", issuance);
    return transact(
        h ->
            h.createQuery(
                    "select "
                        + BLOCK_COLUMNS
                        + " from ledger_blocks where issuance_id = :issuance"
                        + " order by first_serial")
                .bind("issuance", issuance.value())
                .map(JdbcCreditLedger::block)
                .list());
  }

  /** Runs {@code work} in a transaction of the ledger's own ({@link OwnTransactions}). */
  private <T> T transact(HandleCallback<T, RuntimeException> work) {
    return OwnTransactions.run(jdbi, work);
  }

  // ----- rows

  private static LedgerEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
    return new LedgerEntry(
        rs.getLong("sequence"),
        LedgerJson.command(rs.getString("command")),
        new DocumentHash(rs.getString("previous")),
        new DocumentHash(rs.getString("hash")),
        true);
  }

  private static CreditBlock block(ResultSet rs, StatementContext ctx) throws SQLException {
    String replacementFor = rs.getString("replacement_for");
    return new CreditBlock(
        new IssuanceId(rs.getString("issuance_id")),
        new SerialRange(rs.getLong("first_serial"), rs.getLong("last_serial")),
        new AccountId(rs.getString("owner")),
        CreditStatus.valueOf(rs.getString("status")),
        replacementFor == null
            ? Provenance.ORIGINAL
            : new Provenance.Replacement(new DocumentHash(replacementFor)));
  }
}
