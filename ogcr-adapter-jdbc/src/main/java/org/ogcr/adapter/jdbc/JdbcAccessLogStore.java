package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.out.AccessLogStore;

/**
 * The access log in table {@code access_log}, one row per attempt, numbered by an identity column.
 * It stays out of the unit of work: every call runs on a connection of its own in auto-commit, so
 * an append commits at once, also while the calling thread runs a transaction that later rolls back
 * (the data source must then have a second connection to give). Reads page by {@code seq} through
 * the index of their filter.
 */
public final class JdbcAccessLogStore implements AccessLogStore {

  private static final String COLUMNS =
      "seq, at, actor, organisation, credential_id, method, path, status, outcome,"
          + " client_address, detail";

  private final Jdbi jdbi;

  public JdbcAccessLogStore(Jdbi jdbi) {
    this.jdbi = Require.nonNull("jdbi", jdbi);
  }

  @Override
  public AccessRecord append(AccessRecord r) {
    Require.nonNull("record", r);
    AccessRecord stored =
        new AccessRecord(
            0,
            r.at().truncatedTo(ChronoUnit.MICROS),
            r.actor(),
            r.organisation(),
            r.credentialId(),
            r.method(),
            r.path(),
            r.status(),
            r.outcome(),
            r.clientAddress(),
            r.detail());
    long seq =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into access_log (at, actor, organisation, credential_id, method,"
                            + " path, status, outcome, client_address, detail) values (:at,"
                            + " :actor, :organisation, :credential, :method, :path, :status,"
                            + " :outcome, :clientAddress, :detail)")
                    .bind("at", Sql.at(stored.at()))
                    .bind("actor", stored.actor().map(ActorId::value).orElse(null))
                    .bind(
                        "organisation",
                        stored.organisation().map(OrganisationId::value).orElse(null))
                    .bind("credential", stored.credentialId().orElse(null))
                    .bind("method", stored.method())
                    .bind("path", stored.path())
                    .bind("status", stored.status())
                    .bind("outcome", stored.outcome().name())
                    .bind("clientAddress", stored.clientAddress())
                    .bind("detail", stored.detail())
                    .executeAndReturnGeneratedKeys("seq")
                    .mapTo(Long.class)
                    .one());
    return stored.withSequence(seq);
  }

  @Override
  public List<AccessRecord> read(long fromSequence, int limit) {
    Require.positive("fromSequence", fromSequence);
    Require.between("limit", limit, 1, 10_000);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from access_log where seq >= :from order by seq limit :limit")
                .bind("from", fromSequence)
                .bind("limit", limit)
                .map(JdbcAccessLogStore::row)
                .list());
  }

  @Override
  public KeysetPage<AccessRecord> search(AccessQuery query, KeysetRequest request) {
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    long after = request.after().map(AccessLogStore::position).orElse(0L);
    StringBuilder where = new StringBuilder(" where seq > :after");
    query.actor().ifPresent(a -> where.append(" and actor = :actor"));
    query.credentialId().ifPresent(c -> where.append(" and credential_id = :credential"));
    query.outcome().ifPresent(o -> where.append(" and outcome = :outcome"));
    query.from().ifPresent(f -> where.append(" and at >= :from"));
    query.before().ifPresent(b -> where.append(" and at < :before"));
    List<AccessRecord> fetched =
        jdbi.withHandle(
            h -> {
              Query q =
                  h.createQuery(
                          "select "
                              + COLUMNS
                              + " from access_log"
                              + where
                              + " order by seq limit :limit")
                      .bind("after", after)
                      .bind("limit", request.limit() + 1);
              query.actor().ifPresent(a -> q.bind("actor", a.value()));
              query.credentialId().ifPresent(c -> q.bind("credential", c));
              query.outcome().ifPresent(o -> q.bind("outcome", o.name()));
              query.from().ifPresent(f -> q.bind("from", Sql.at(f)));
              query.before().ifPresent(b -> q.bind("before", Sql.at(b)));
              return q.map(JdbcAccessLogStore::row).list();
            });
    return KeysetPage.trimmed(fetched, request, r -> Long.toString(r.sequence()));
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    Require.nonNull("cutoff", cutoff);
    return jdbi.withHandle(
        h ->
            h.createUpdate("delete from access_log where at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
  }

  private static AccessRecord row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AccessRecord(
        rs.getLong("seq"),
        Sql.instant(rs, "at"),
        Optional.ofNullable(rs.getString("actor")).map(ActorId::new),
        Optional.ofNullable(rs.getString("organisation")).map(OrganisationId::new),
        Optional.ofNullable(rs.getString("credential_id")),
        rs.getString("method"),
        rs.getString("path"),
        rs.getInt("status"),
        AccessRecord.Outcome.valueOf(rs.getString("outcome")),
        rs.getString("client_address"),
        rs.getString("detail"));
  }
}
