package org.ogcr.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.out.CreditEventStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * The public record of acts on credits in table {@code credit_events}, one row per act in the order
 * appended (its {@code seq}), the details as a JSON object of strings. The receipt is unique in the
 * schema, so an act is recorded once even under concurrent callers. Searches read the issuance and
 * account indexes, ordered by {@code seq}.
 */
public final class JdbcCreditEventStore implements CreditEventStore {

  private static final String COLUMNS =
      "receipt, kind, issuance_id, first_serial, last_serial, from_account, to_account, actor, at,"
          + " details";

  private final JdbcUnitOfWork uow;

  public JdbcCreditEventStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void append(CreditEvent event) {
    Require.nonNull("event", event);
    String details = detailsJson(event.details());
    try {
      // a savepoint inside a running transaction: a refused append leaves the caller's work usable
      uow.transact(
          () ->
              uow.withHandle(
                  h ->
                      h.createUpdate(
                              "insert into credit_events ("
                                  + COLUMNS
                                  + ") values (:receipt, :kind, :issuance, :first, :last, :from,"
                                  + " :to, :actor, :at, :details)")
                          .bind("receipt", event.receipt().hex())
                          .bind("kind", event.kind().name())
                          .bind("issuance", event.issuance().value())
                          .bind("first", event.range().first())
                          .bind("last", event.range().last())
                          .bind("from", event.from().map(AccountId::value).orElse(null))
                          .bind("to", event.to().map(AccountId::value).orElse(null))
                          .bind("actor", event.actor().value())
                          .bind("at", Sql.at(event.at().truncatedTo(ChronoUnit.MICROS)))
                          .bind("details", details)
                          .execute()));
    } catch (RuntimeException e) {
      if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
        throw StoreConflictException.exists("the credit event with receipt " + event.receipt());
      }
      throw e;
    }
  }

  @Override
  public Optional<CreditEvent> find(DocumentHash receipt) {
    Require.nonNull("receipt", receipt);
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from credit_events where receipt = :receipt")
                .bind("receipt", receipt.hex())
                .map(JdbcCreditEventStore::event)
                .findOne());
  }

  @Override
  public Page<CreditEvent> search(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      PageRequest page) {
    Require.nonNull("issuance", issuance);
    Require.nonNull("account", account);
    Require.nonNull("kind", kind);
    Require.nonNull("page", page);
    StringBuilder where = new StringBuilder(" where 1 = 1");
    issuance.ifPresent(i -> where.append(" and issuance_id = :issuance"));
    account.ifPresent(a -> where.append(" and (from_account = :account or to_account = :account)"));
    kind.ifPresent(k -> where.append(" and kind = :kind"));
    return uow.withHandle(
        h -> {
          long total =
              filter(
                      h.createQuery("select count(*) from credit_events" + where),
                      issuance,
                      account,
                      kind)
                  .mapTo(Long.class)
                  .one();
          List<CreditEvent> items =
              filter(
                      h.createQuery(
                          "select "
                              + COLUMNS
                              + " from credit_events"
                              + where
                              + " order by seq limit :limit offset :offset"),
                      issuance,
                      account,
                      kind)
                  .bind("limit", page.limit())
                  .bind("offset", page.offset())
                  .map(JdbcCreditEventStore::event)
                  .list();
          return new Page<>(items, total, page);
        });
  }

  @Override
  public KeysetPage<CreditEvent> searchAfter(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      KeysetRequest request) {
    Require.nonNull("issuance", issuance);
    Require.nonNull("account", account);
    Require.nonNull("kind", kind);
    Require.nonNull("request", request);
    long after = request.after().map(CreditEventStore::position).orElse(0L);
    StringBuilder where = new StringBuilder(" where seq > :after");
    issuance.ifPresent(i -> where.append(" and issuance_id = :issuance"));
    account.ifPresent(a -> where.append(" and (from_account = :account or to_account = :account)"));
    kind.ifPresent(k -> where.append(" and kind = :kind"));
    record Positioned(long seq, CreditEvent event) {}
    List<Positioned> fetched =
        uow.withHandle(
            h ->
                filter(
                        h.createQuery(
                            "select seq, "
                                + COLUMNS
                                + " from credit_events"
                                + where
                                + " order by seq limit :limit"),
                        issuance,
                        account,
                        kind)
                    .bind("after", after)
                    .bind("limit", request.limit() + 1)
                    .map((rs, ctx) -> new Positioned(rs.getLong("seq"), event(rs, ctx)))
                    .list());
    return KeysetPage.trimmed(fetched, request, p -> Long.toString(p.seq())).map(Positioned::event);
  }

  private static Query filter(
      Query q,
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind) {
    issuance.ifPresent(i -> q.bind("issuance", i.value()));
    account.ifPresent(a -> q.bind("account", a.value()));
    kind.ifPresent(k -> q.bind("kind", k.name()));
    return q;
  }

  private static CreditEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
    String receipt = rs.getString("receipt");
    String from = rs.getString("from_account");
    String to = rs.getString("to_account");
    return new CreditEvent(
        new DocumentHash(receipt),
        CreditEvent.Kind.valueOf(rs.getString("kind")),
        new IssuanceId(rs.getString("issuance_id")),
        new SerialRange(rs.getLong("first_serial"), rs.getLong("last_serial")),
        Optional.ofNullable(from).map(AccountId::new),
        Optional.ofNullable(to).map(AccountId::new),
        new ActorId(rs.getString("actor")),
        Sql.instant(rs, "at"),
        details(receipt, rs.getString("details")));
  }

  // ----- the details as a JSON object of strings

  private static String detailsJson(SortedMap<String, String> details) {
    try {
      return StrictJson.MAPPER.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the details as JSON: " + e.getMessage(), e);
    }
  }

  private static SortedMap<String, String> details(String receipt, String json) {
    try {
      JsonNode root = StrictJson.MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalStateException("not a JSON object");
      }
      SortedMap<String, String> details = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isTextual()) {
          throw new IllegalStateException(field.getKey() + " is not a string");
        }
        details.put(field.getKey(), field.getValue().textValue());
      }
      return details;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(
          "the credit event with receipt " + receipt + " has unreadable details: " + e.getMessage(),
          e);
    }
  }
}
