package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.port.out.ChainProjection;

/**
 * The chain projection in tables {@code chain_head}, {@code chain_blocks}, {@code chain_logs} and
 * {@code chain_tokens}. Like the ledger, a system of its own: every call runs in a transaction of
 * its own ({@link OwnTransactions}), and every write first locks the one row of {@code chain_head},
 * so indexers of several servers sharing the database take turns.
 */
public final class JdbcChainProjection implements ChainProjection {

  private static final String LOG_COLUMNS =
      "tx_hash, log_index, block_number, block_hash, contract, event, command_id, data";
  private static final String TOKEN_COLUMNS =
      "token_id, issuance, account, first_serial, last_serial, status, replacement_for, parent,"
          + " minted_in, closed_in";

  private final Jdbi jdbi;

  private JdbcChainProjection(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The projection in {@code database}: what earlier instances over it read, it has. */
  public static JdbcChainProjection over(JdbcDatabase database) {
    return new JdbcChainProjection(Require.nonNull("database", database).jdbi());
  }

  @Override
  public Optional<BlockRef> head() {
    return OwnTransactions.run(jdbi, h -> head(h, false));
  }

  private static Optional<BlockRef> head(Handle h, boolean lock) {
    return h.createQuery(
            "select number, hash from chain_head where id = 1" + (lock ? " for update" : ""))
        .map((rs, ctx) -> rs.getLong("number") < 0 ? null : blockRef(rs))
        .findFirst();
  }

  @Override
  public int record(Window window) {
    Require.nonNull("window", window);
    return OwnTransactions.run(
        jdbi,
        h -> {
          Optional<BlockRef> head = head(h, true);
          if (!window.after().equals(head)) {
            throw new HeadMovedException(window.after(), head);
          }
          Set<String> minted = new HashSet<>();
          PreparedBatch tokens =
              h.prepareBatch(
                  "insert into chain_tokens ("
                      + TOKEN_COLUMNS
                      + ") select :id, :issuance, :account, :first, :last, :status,"
                      + " :replacementFor, :parent, :mintedIn, null"
                      + " where not exists (select 1 from chain_tokens where token_id = :id)");
          for (Token t : window.minted()) {
            minted.add(t.tokenId());
            tokens
                .bind("id", t.tokenId())
                .bind("issuance", t.issuance())
                .bind("account", t.account())
                .bind("first", t.first())
                .bind("last", t.last())
                .bind("status", t.status().name())
                .bind("replacementFor", t.replacementFor())
                .bind("parent", t.parent())
                .bind("mintedIn", t.mintedIn())
                .add();
          }
          if (!window.minted().isEmpty()) {
            tokens.execute();
          }
          for (Closing c : window.closed()) {
            int found =
                h.createUpdate(
                        "update chain_tokens set closed_in = coalesce(closed_in, :block)"
                            + " where token_id = :id")
                    .bind("id", c.tokenId())
                    .bind("block", c.block())
                    .execute();
            if (found == 0) {
              // the transaction rolls back: nothing of the window is kept
              throw new InvalidValueException(
                  "closed", c.tokenId(), "must name a token minted before or in this window");
            }
          }
          int added = 0;
          for (Log l : window.logs()) {
            added +=
                h.createUpdate(
                        "insert into chain_logs ("
                            + LOG_COLUMNS
                            + ") select :tx, :index, :number, :hash, :contract, :event, :command,"
                            + " :data where not exists (select 1 from chain_logs"
                            + " where tx_hash = :tx and log_index = :index)")
                    .bind("tx", l.transaction())
                    .bind("index", l.logIndex())
                    .bind("number", l.block().number())
                    .bind("hash", l.block().hash())
                    .bind("contract", l.contract())
                    .bind("event", l.event())
                    .bind("command", l.commandId())
                    .bind("data", l.data())
                    .execute();
          }
          for (BlockRef b : window.blocks()) {
            putBlock(h, b);
          }
          putBlock(h, window.to());
          h.createUpdate("update chain_head set number = :number, hash = :hash where id = 1")
              .bind("number", window.to().number())
              .bind("hash", window.to().hash())
              .execute();
          return added;
        });
  }

  private static void putBlock(Handle h, BlockRef b) {
    h.createUpdate("delete from chain_blocks where number = :number")
        .bind("number", b.number())
        .execute();
    h.createUpdate("insert into chain_blocks (number, hash) values (:number, :hash)")
        .bind("number", b.number())
        .bind("hash", b.hash())
        .execute();
  }

  @Override
  public List<BlockRef> blocks(long atOrBelow, int limit) {
    Require.between("limit", limit, 1, 10_000);
    return OwnTransactions.run(
        jdbi,
        h ->
            h.createQuery(
                    "select number, hash from chain_blocks where number <= :n"
                        + " order by number desc limit :limit")
                .bind("n", atOrBelow)
                .bind("limit", limit)
                .map((rs, ctx) -> blockRef(rs))
                .list());
  }

  @Override
  public void rollback(long number) {
    OwnTransactions.run(
        jdbi,
        h -> {
          head(h, true);
          h.createUpdate("delete from chain_blocks where number > :n").bind("n", number).execute();
          h.createUpdate("delete from chain_logs where block_number > :n")
              .bind("n", number)
              .execute();
          h.createUpdate("delete from chain_tokens where minted_in > :n")
              .bind("n", number)
              .execute();
          h.createUpdate("update chain_tokens set closed_in = null where closed_in > :n")
              .bind("n", number)
              .execute();
          Optional<BlockRef> newest =
              h.createQuery("select number, hash from chain_blocks order by number desc limit 1")
                  .map((rs, ctx) -> blockRef(rs))
                  .findFirst();
          h.createUpdate("update chain_head set number = :number, hash = :hash where id = 1")
              .bind("number", newest.map(BlockRef::number).orElse(-1L))
              .bind("hash", newest.map(BlockRef::hash).orElse(""))
              .execute();
          return null;
        });
  }

  @Override
  public List<Token> liveTokens(String issuance) {
    Require.nonNull("issuance", issuance);
    return OwnTransactions.run(
        jdbi,
        h ->
            h.createQuery(
                    "select "
                        + TOKEN_COLUMNS
                        + " from chain_tokens where issuance = :issuance and closed_in is null"
                        + " order by first_serial")
                .bind("issuance", issuance)
                .map(JdbcChainProjection::token)
                .list());
  }

  @Override
  public List<String> issuances() {
    return OwnTransactions.run(
        jdbi,
        h ->
            h.createQuery("select distinct issuance from chain_tokens").mapTo(String.class).stream()
                .sorted()
                .toList());
  }

  @Override
  public List<Log> logs(long fromBlock, int limit) {
    Require.between("limit", limit, 1, 10_000);
    return OwnTransactions.run(
        jdbi,
        h ->
            h.createQuery(
                    "select "
                        + LOG_COLUMNS
                        + " from chain_logs where block_number >= :from"
                        + " order by block_number, log_index limit :limit")
                .bind("from", fromBlock)
                .bind("limit", limit)
                .map(JdbcChainProjection::log)
                .list());
  }

  // ----- rows

  private static BlockRef blockRef(ResultSet rs) throws SQLException {
    return new BlockRef(rs.getLong("number"), rs.getString("hash"));
  }

  private static Log log(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Log(
        new BlockRef(rs.getLong("block_number"), rs.getString("block_hash")),
        rs.getString("tx_hash"),
        rs.getInt("log_index"),
        rs.getString("contract"),
        rs.getString("event"),
        rs.getString("command_id"),
        rs.getString("data"));
  }

  private static Token token(ResultSet rs, StatementContext ctx) throws SQLException {
    long closed = rs.getLong("closed_in");
    OptionalLong closedIn = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(closed);
    return new Token(
        rs.getString("token_id"),
        rs.getString("issuance"),
        rs.getString("account"),
        rs.getLong("first_serial"),
        rs.getLong("last_serial"),
        CreditStatus.valueOf(rs.getString("status")),
        rs.getString("replacement_for"),
        rs.getString("parent"),
        rs.getLong("minted_in"),
        closedIn);
  }
}
