package org.ogcr.port.out;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.model.IdempotencyRecord;
import org.ogcr.port.model.RecordedResponse;

/**
 * The outcomes of writes sent with an {@code Idempotency-Key}, scoped to the sender. Takes part in
 * the unit of work: a key is claimed, its request run and its response recorded in one transaction,
 * so a request's effects and the record of its response commit together or not at all, and a second
 * request with the same key waits on the claim until the first one ends.
 */
public interface IdempotencyStore {

  /** The longest key accepted: 255 characters. */
  int MAX_KEY_LENGTH = 255;

  /** The longest fingerprint accepted: 255 characters. */
  int MAX_FINGERPRINT_LENGTH = 255;

  /**
   * Claims {@code key} for {@code owner}: the request identified by {@code fingerprint} is being
   * run.
   *
   * @throws StoreConflictException {@code already_exists} when the owner has claimed the key before
   */
  void claim(ActorId owner, String key, String fingerprint, Instant at);

  /**
   * Records the response to a claimed key.
   *
   * @throws IllegalStateException when the key is not claimed or its response already recorded
   */
  void complete(ActorId owner, String key, RecordedResponse response);

  Optional<IdempotencyRecord> find(ActorId owner, String key);

  /**
   * Forgets the record of {@code key}, claimed or completed, so the key may be used again; returns
   * whether there was one.
   */
  boolean release(ActorId owner, String key);

  /** Forgets every record created before {@code cutoff}; returns how many it forgot. */
  int purgeBefore(Instant cutoff);
}
