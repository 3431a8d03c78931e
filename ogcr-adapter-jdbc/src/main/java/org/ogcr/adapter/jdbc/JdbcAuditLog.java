package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.out.AuditLog;

/**
 * The hash-chained audit log in table {@code audit_log}. Every append locks the one row of {@code
 * audit_head} first, so appends from any number of transactions, threads or servers queue up and
 * form one unbroken chain; the entry commits or rolls back with the caller's transaction.
 */
public final class JdbcAuditLog implements AuditLog {

  private static final String COLUMNS =
      "sequence, previous, hash, at, actor, organisation, resource, action, outcome, detail";

  private final JdbcUnitOfWork uow;

  public JdbcAuditLog(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public ChainedEntry append(AuditEntry entry) {
    Require.nonNull("entry", entry);
    return uow.withHandle(
        h -> {
          record Head(long sequence, DocumentHash hash) {}
          Head head =
              h.createQuery("select sequence, hash from audit_head where id = 1 for update")
                  .map((rs, ctx) -> new Head(rs.getLong(1), new DocumentHash(rs.getString(2))))
                  .one();
          long sequence = head.sequence() + 1;
          ChainedEntry chained =
              new ChainedEntry(
                  sequence, head.hash(), AuditChain.hash(sequence, head.hash(), entry), entry);
          h.createUpdate(
                  "insert into audit_log ("
                      + COLUMNS
                      + ") values (:sequence, :previous, :hash, :at, :actor, :organisation,"
                      + " :resource, :action, :outcome, :detail)")
              .bind("sequence", sequence)
              .bind("previous", chained.previous().hex())
              .bind("hash", chained.hash().hex())
              .bind("at", Sql.at(entry.at()))
              .bind("actor", entry.actor().value())
              .bind("organisation", entry.organisation().value())
              .bind("resource", entry.resource())
              .bind("action", entry.action())
              .bind("outcome", entry.outcome().name())
              .bind("detail", entry.detail())
              .execute();
          h.createUpdate("update audit_head set sequence = :sequence, hash = :hash where id = 1")
              .bind("sequence", sequence)
              .bind("hash", chained.hash().hex())
              .execute();
          return chained;
        });
  }

  @Override
  public Optional<ChainedEntry> head() {
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from audit_log where sequence = (select sequence from audit_head"
                        + " where id = 1)")
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  @Override
  public List<ChainedEntry> read(long fromSequence, int limit) {
    Require.positive("fromSequence", fromSequence);
    Require.between("limit", limit, 1, 100_000);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from audit_log where sequence >= :from order by sequence limit :limit")
                .bind("from", fromSequence)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  private static ChainedEntry row(ResultSet rs) throws SQLException {
    return new ChainedEntry(
        rs.getLong("sequence"),
        new DocumentHash(rs.getString("previous")),
        new DocumentHash(rs.getString("hash")),
        new AuditEntry(
            Sql.instant(rs, "at"),
            new ActorId(rs.getString("actor")),
            new OrganisationId(rs.getString("organisation")),
            rs.getString("resource"),
            rs.getString("action"),
            AuditEntry.Outcome.valueOf(rs.getString("outcome")),
            rs.getString("detail")));
  }
}
