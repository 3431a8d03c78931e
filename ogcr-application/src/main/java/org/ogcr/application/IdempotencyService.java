package org.ogcr.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.in.IdempotentRequests;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.model.IdempotencyRecord;
import org.ogcr.port.model.RecordedResponse;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.IdempotencyStore;
import org.ogcr.port.out.StoreConflictException;
import org.ogcr.port.out.UnitOfWork;

/**
 * Claims the key, runs the request and records its response in one transaction; a key already
 * claimed gets the recorded response, or a refusal when it names another request.
 */
final class IdempotencyService implements IdempotentRequests {

  private static final Pattern KEY =
      Pattern.compile("[\\x21-\\x7E]{1," + IdempotencyStore.MAX_KEY_LENGTH + "}");

  private static final Pattern FINGERPRINT =
      Pattern.compile("\\S.{0," + (IdempotencyStore.MAX_FINGERPRINT_LENGTH - 1) + "}");

  /** How often a key found free again after a conflict (released, expired) is claimed anew. */
  private static final int ATTEMPTS = 3;

  private final UnitOfWork unitOfWork;
  private final IdempotencyStore store;
  private final Clock clock;
  private final Duration retention;

  IdempotencyService(
      UnitOfWork unitOfWork, IdempotencyStore store, Clock clock, Duration retention) {
    this.unitOfWork = unitOfWork;
    this.store = store;
    this.clock = clock;
    this.retention = retention;
  }

  /** The claim found the key taken; carries nothing, the record is read afresh. */
  private static final class KeyTaken extends RuntimeException {
    KeyTaken(StoreConflictException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  @Override
  public Outcome once(
      Principal who, String key, String fingerprint, Supplier<RecordedResponse> request) {
    Require.nonNull("who", who);
    Require.matches(
        "Idempotency-Key",
        key,
        KEY,
        "must be 1 to 255 visible ASCII characters without spaces, for example a UUID");
    Require.matches(
        "fingerprint", fingerprint, FINGERPRINT, "must be 1 to 255 characters, not blank first");
    Require.nonNull("request", request);
    ActorId owner = who.actor();
    for (int attempt = 1; ; attempt++) {
      try {
        return unitOfWork.transact(
            () -> {
              try {
                store.claim(owner, key, fingerprint, clock.now());
              } catch (StoreConflictException e) {
                if ("already_exists".equals(e.code())) {
                  throw new KeyTaken(e);
                }
                throw e;
              }
              RecordedResponse response = Require.nonNull("response", request.get());
              if (response.status() >= 500) {
                // the registry failed, not the client: keep the transaction's audit, free the key
                store.release(owner, key);
              } else {
                store.complete(owner, key, response);
              }
              return new Outcome(response, false);
            });
      } catch (KeyTaken taken) {
        Optional<Outcome> replay = replay(owner, key, fingerprint);
        if (replay.isPresent()) {
          return replay.get();
        }
        if (attempt >= ATTEMPTS) {
          throw inProgress(key);
        }
      }
    }
  }

  /**
   * The recorded outcome of {@code key}; empty when the key is free again (its request failed, or
   * it expired and is now forgotten), so the caller claims it anew.
   */
  private Optional<Outcome> replay(ActorId owner, String key, String fingerprint) {
    Optional<IdempotencyRecord> found = store.find(owner, key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    IdempotencyRecord record = found.get();
    Instant cutoff = clock.now().minus(retention);
    if (record.createdAt().isBefore(cutoff)) {
      // deletes only records older than the cutoff: never a fresh claim of another request
      unitOfWork.transact(() -> store.purgeBefore(cutoff));
      return Optional.empty();
    }
    if (!record.fingerprint().equals(fingerprint)) {
      throw new UseCaseRefusedException(
          "idempotency_key_reused",
          "Idempotency-Key "
              + key
              + " was used at "
              + record.createdAt()
              + " for another request; send a new key with each new request, and repeat a"
              + " request only unchanged");
    }
    if (record.response().isEmpty()) {
      throw inProgress(key);
    }
    return Optional.of(new Outcome(record.response().get(), true));
  }

  private static UseCaseRefusedException inProgress(String key) {
    return new UseCaseRefusedException(
        "idempotency_request_in_progress",
        "a request with Idempotency-Key "
            + key
            + " is still running; repeat it once that one has ended to get its response");
  }

  @Override
  public int purgeExpired() {
    Instant cutoff = clock.now().minus(retention);
    return unitOfWork.transact(() -> store.purgeBefore(cutoff));
  }
}
