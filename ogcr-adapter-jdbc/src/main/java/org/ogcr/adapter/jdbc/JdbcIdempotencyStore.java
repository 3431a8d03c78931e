package org.ogcr.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.StatementException;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.model.IdempotencyRecord;
import org.ogcr.port.model.RecordedResponse;
import org.ogcr.port.out.IdempotencyStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Idempotency records in table {@code idempotency_records}, one row per owner and key; the response
 * headers are kept as a JSON object of strings. The primary key is the claim: on PostgreSQL a
 * second transaction inserting the same key waits until the first commits, then is refused; on H2
 * it is refused, or fails with a lock timeout the unit of work retries.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

  private final JdbcUnitOfWork uow;

  public JdbcIdempotencyStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void claim(ActorId owner, String key, String fingerprint, Instant at) {
    IdempotencyRecord claimed =
        new IdempotencyRecord(owner, key, fingerprint, at, Optional.empty());
    // under a savepoint when in a transaction: a refused claim leaves the caller's work usable
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  try {
                    return h.createUpdate(
                            "insert into idempotency_records (owner_actor, idempotency_key,"
                                + " fingerprint, created_at) values (:owner, :key, :fingerprint,"
                                + " :at)")
                        .bind("owner", claimed.owner().value())
                        .bind("key", claimed.key())
                        .bind("fingerprint", claimed.fingerprint())
                        .bind("at", Sql.at(claimed.createdAt().truncatedTo(ChronoUnit.MICROS)))
                        .execute();
                  } catch (StatementException e) {
                    if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
                      StoreConflictException conflict =
                          StoreConflictException.exists(describe(owner, key));
                      conflict.initCause(e);
                      throw conflict;
                    }
                    throw e;
                  }
                }));
  }

  @Override
  public void complete(ActorId owner, String key, RecordedResponse response) {
    Require.nonNull("owner", owner);
    Require.nonNull("key", key);
    Require.nonNull("response", response);
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  int changed =
                      h.createUpdate(
                              "update idempotency_records set response_status = :status,"
                                  + " response_content_type = :contentType,"
                                  + " response_headers = :headers, response_body = :body"
                                  + " where owner_actor = :owner and idempotency_key = :key"
                                  + " and response_status is null")
                          .bind("status", response.status())
                          .bind("contentType", response.contentType())
                          .bind("headers", headersJson(response.headers()))
                          .bind("body", response.body())
                          .bind("owner", owner.value())
                          .bind("key", key)
                          .execute();
                  if (changed == 0) {
                    throw new IllegalStateException(
                        describe(owner, key)
                            + (find(owner, key).isPresent()
                                ? " has its response already"
                                : " is not claimed; claim it first"));
                  }
                  return changed;
                }));
  }

  @Override
  public Optional<IdempotencyRecord> find(ActorId owner, String key) {
    Require.nonNull("owner", owner);
    Require.nonNull("key", key);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select owner_actor, idempotency_key, fingerprint, created_at,"
                        + " response_status, response_content_type, response_headers,"
                        + " response_body from idempotency_records"
                        + " where owner_actor = :owner and idempotency_key = :key")
                .bind("owner", owner.value())
                .bind("key", key)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public boolean release(ActorId owner, String key) {
    Require.nonNull("owner", owner);
    Require.nonNull("key", key);
    return uow.withHandle(
            h ->
                h.createUpdate(
                        "delete from idempotency_records"
                            + " where owner_actor = :owner and idempotency_key = :key")
                    .bind("owner", owner.value())
                    .bind("key", key)
                    .execute())
        > 0;
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    Require.nonNull("cutoff", cutoff);
    return uow.withHandle(
        h ->
            h.createUpdate("delete from idempotency_records where created_at < :cutoff")
                .bind("cutoff", Sql.at(cutoff))
                .execute());
  }

  private static IdempotencyRecord read(ResultSet rs) throws SQLException {
    ActorId owner = new ActorId(rs.getString("owner_actor"));
    String key = rs.getString("idempotency_key");
    int status = rs.getInt("response_status");
    Optional<RecordedResponse> response =
        rs.wasNull()
            ? Optional.empty()
            : Optional.of(
                new RecordedResponse(
                    status,
                    rs.getString("response_content_type"),
                    rs.getString("response_body"),
                    headers(owner, key, rs.getString("response_headers"))));
    return new IdempotencyRecord(
        owner, key, rs.getString("fingerprint"), Sql.instant(rs, "created_at"), response);
  }

  private static String headersJson(Map<String, String> headers) {
    ObjectNode root = StrictJson.MAPPER.createObjectNode();
    headers.forEach(root::put);
    try {
      return StrictJson.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // an object of strings always serialises
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> headers(ActorId owner, String key, String json) {
    JsonNode root;
    try {
      root = StrictJson.read(json);
    } catch (StrictJson.MalformedJsonException e) {
      throw corrupt(owner, key, "are not JSON: " + e.getMessage());
    }
    if (!root.isObject()) {
      throw corrupt(owner, key, "are not a JSON object");
    }
    Map<String, String> headers = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isTextual()) {
        throw corrupt(owner, key, "hold a value that is not a string: " + field.getKey());
      }
      headers.put(field.getKey(), field.getValue().asText());
    }
    return headers;
  }

  private static IllegalStateException corrupt(ActorId owner, String key, String problem) {
    return new IllegalStateException(
        "the stored response headers of " + describe(owner, key) + " " + problem);
  }

  private static String describe(ActorId owner, String key) {
    return "the idempotency key " + key + " of " + owner.value();
  }
}
