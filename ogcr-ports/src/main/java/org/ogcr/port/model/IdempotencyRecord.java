package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/**
 * What the registry keeps of one write a client sent with an {@code Idempotency-Key}.
 *
 * @param owner the actor who sent it: keys are scoped to their sender
 * @param key the client's key
 * @param fingerprint what identifies the request (for example a hash of method, path and body), so
 *     a key reused for another request is recognised
 * @param createdAt when the key was first claimed
 * @param response the response, once the request has completed
 */
public record IdempotencyRecord(
    ActorId owner,
    String key,
    String fingerprint,
    Instant createdAt,
    Optional<RecordedResponse> response) {

  public IdempotencyRecord {
    Require.nonNull("owner", owner);
    Require.nonNull("key", key);
    Require.nonNull("fingerprint", fingerprint);
    Require.nonNull("createdAt", createdAt);
    Require.nonNull("response", response);
  }
}
