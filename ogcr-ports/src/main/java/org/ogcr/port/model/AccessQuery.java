package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/**
 * The filters of an access log read; every present filter must match. Records come in log order.
 *
 * @param actor the authenticated actor
 * @param credentialId the credential presented
 * @param outcome what became of the attempt
 * @param from at or after
 * @param before before
 */
public record AccessQuery(
    Optional<ActorId> actor,
    Optional<String> credentialId,
    Optional<AccessRecord.Outcome> outcome,
    Optional<Instant> from,
    Optional<Instant> before) {

  public static final AccessQuery ALL =
      new AccessQuery(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public AccessQuery {
    Require.nonNull("actor", actor);
    Require.nonNull("credentialId", credentialId);
    Require.nonNull("outcome", outcome);
    Require.nonNull("from", from);
    Require.nonNull("before", before);
    if (from.isPresent() && before.isPresent() && !from.get().isBefore(before.get())) {
      throw new InvalidValueException("before", before.get(), "must be after from");
    }
  }

  public AccessQuery withActor(ActorId actor) {
    return new AccessQuery(Optional.of(actor), credentialId, outcome, from, before);
  }

  public AccessQuery withCredential(String credentialId) {
    return new AccessQuery(actor, Optional.of(credentialId), outcome, from, before);
  }

  public AccessQuery withOutcome(AccessRecord.Outcome outcome) {
    return new AccessQuery(actor, credentialId, Optional.of(outcome), from, before);
  }

  /** Records at or after {@code from} and before {@code before}. */
  public AccessQuery between(Instant from, Instant before) {
    return new AccessQuery(actor, credentialId, outcome, Optional.of(from), Optional.of(before));
  }

  public AccessQuery withFrom(Instant from) {
    return new AccessQuery(actor, credentialId, outcome, Optional.of(from), before);
  }

  public AccessQuery withBefore(Instant before) {
    return new AccessQuery(actor, credentialId, outcome, from, Optional.of(before));
  }

  /** Whether {@code r} passes every present filter. */
  public boolean matches(AccessRecord r) {
    return (actor.isEmpty() || r.actor().equals(actor))
        && (credentialId.isEmpty() || r.credentialId().equals(credentialId))
        && (outcome.isEmpty() || outcome.get() == r.outcome())
        && (from.isEmpty() || !r.at().isBefore(from.get()))
        && (before.isEmpty() || r.at().isBefore(before.get()));
  }
}
