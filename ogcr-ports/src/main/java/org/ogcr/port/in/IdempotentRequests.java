package org.ogcr.port.in;

import java.time.Duration;
import java.util.function.Supplier;
import org.ogcr.port.model.RecordedResponse;

/**
 * Runs a write a client sent with an {@code Idempotency-Key} at most once: a repeat with the same
 * key and the same request gets the first response again, without running anything.
 *
 * <p>The key is claimed, the request run and its response recorded in one transaction, so the
 * request's effects and its recorded response commit together or not at all. A concurrent repeat
 * waits for the first to end, then gets its response. Keys are scoped to the sending actor and kept
 * for {@link #RETENTION}; past it a key starts a new request.
 */
public interface IdempotentRequests {

  /** How long a key and its response are kept: 24 hours. */
  Duration RETENTION = Duration.ofHours(24);

  /**
   * The response to a request.
   *
   * @param replayed whether it is the recorded response of an earlier request with the same key
   */
  record Outcome(RecordedResponse response, boolean replayed) {}

  /**
   * Runs {@code request} unless {@code key} has been used by {@code who} before.
   *
   * <p>{@code request} returns the response for every outcome the client caused, refusals included,
   * and it is recorded; an exception it throws rolls everything back, records nothing and leaves
   * the key free for a retry. A response with a 5xx status is returned but not recorded either.
   * Call it outside any transaction.
   *
   * @param key the client's {@code Idempotency-Key}: 1 to 255 visible ASCII characters
   * @param fingerprint identifies the request, for example a hash of its method, path and body: 1
   *     to 255 characters
   * @throws org.ogcr.domain.common.InvalidValueException field {@code Idempotency-Key} or {@code
   *     fingerprint} when malformed
   * @throws UseCaseRefusedException {@code idempotency_key_reused} when the key was used for
   *     another request; {@code idempotency_request_in_progress} when a request with the key is
   *     still running
   */
  Outcome once(Principal who, String key, String fingerprint, Supplier<RecordedResponse> request);

  /** Forgets keys older than {@link #RETENTION}; returns how many. Run it on a schedule. */
  int purgeExpired();
}
