package org.ogcr.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.out.AttestationStore;

/**
 * Attestations in table {@code attestations}, one row per receipt, the facts as a JSON object of
 * strings. The receipt is the hash of the whole attestation, so a receipt already stored is the
 * same attestation: storing it again changes nothing, even when two callers race. A subject's
 * attestations come oldest first by their instant, those of the same instant in the order stored.
 */
public final class JdbcAttestationStore implements AttestationStore {

  /** The width of the {@code subject} column. */
  static final int MAX_SUBJECT = 512;

  private static final String COLUMNS = "receipt, kind, subject, at, actor, facts";

  private final JdbcUnitOfWork uow;

  public JdbcAttestationStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  /**
   * @throws InvalidValueException when the subject is longer than {@value #MAX_SUBJECT} characters
   */
  @Override
  public void put(Attestation attestation) {
    Require.nonNull("attestation", attestation);
    String subject = attestation.subject();
    if (subject.codePointCount(0, subject.length()) > MAX_SUBJECT) {
      throw new InvalidValueException(
          "subject", attestation.subject(), "must be at most " + MAX_SUBJECT + " characters");
    }
    String facts = factsJson(attestation.facts());
    uow.withHandle(
        h ->
            h.createUpdate(
                    "insert into attestations ("
                        + COLUMNS
                        + ") values (:receipt, :kind, :subject, :at, :actor, :facts)"
                        + " on conflict do nothing")
                .bind("receipt", attestation.receipt().hex())
                .bind("kind", attestation.kind())
                .bind("subject", attestation.subject())
                .bind("at", Sql.at(attestation.at()))
                .bind("actor", attestation.actor().value())
                .bind("facts", facts)
                .execute());
  }

  @Override
  public Optional<Attestation> find(DocumentHash receipt) {
    Require.nonNull("receipt", receipt);
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from attestations where receipt = :receipt")
                .bind("receipt", receipt.hex())
                .map(JdbcAttestationStore::attestation)
                .findOne());
  }

  @Override
  public List<Attestation> ofSubject(String subject) {
    Require.nonNull("subject", subject);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from attestations where subject = :subject order by at, seq")
                .bind("subject", subject)
                .map(JdbcAttestationStore::attestation)
                .list());
  }

  /** The stored attestation, checked against its receipt: the row must hash to it. */
  private static Attestation attestation(ResultSet rs, StatementContext ctx) throws SQLException {
    String receipt = rs.getString("receipt");
    Attestation a =
        new Attestation(
            rs.getString("kind"),
            rs.getString("subject"),
            Sql.instant(rs, "at"),
            new ActorId(rs.getString("actor")),
            facts(receipt, rs.getString("facts")));
    if (!a.receipt().hex().equals(receipt)) {
      throw new IllegalStateException(
          "the attestation stored under receipt "
              + receipt
              + " hashes to "
              + a.receipt()
              + "; the row was changed after it was stored");
    }
    return a;
  }

  // ----- the facts as a JSON object of strings

  private static String factsJson(SortedMap<String, String> facts) {
    try {
      return StrictJson.MAPPER.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the facts as JSON: " + e.getMessage(), e);
    }
  }

  private static SortedMap<String, String> facts(String receipt, String json) {
    try {
      JsonNode root = StrictJson.MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalStateException("not a JSON object");
      }
      SortedMap<String, String> facts = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isTextual()) {
          throw new IllegalStateException(field.getKey() + " is not a string");
        }
        facts.put(field.getKey(), field.getValue().textValue());
      }
      return facts;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(
          "the attestation with receipt " + receipt + " has unreadable facts: " + e.getMessage(),
          e);
    }
  }
}
