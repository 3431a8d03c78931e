package org.ogcr.port.model;

import java.time.LocalDate;
import java.util.Optional;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.quantity.Co2eQuantity;

/**
 * A verifier's decision on a monitoring report (OGCR 4.2.2 {@code POST …/verify}).
 *
 * @param verifiedTonnes the verified net removal; present exactly when the outcome is verified
 * @param reason the verifier's reason, required for a rejection
 */
public record Verification(
    ActorId verifier,
    OrganisationId organisation,
    String accreditationId,
    Outcome outcome,
    LocalDate date,
    Optional<Co2eQuantity> verifiedTonnes,
    Optional<String> reason) {

  public enum Outcome {
    VERIFIED,
    REJECTED
  }

  public Verification {
    Require.nonNull("verifier", verifier);
    Require.nonNull("organisation", organisation);
    Require.nonNull("accreditationId", accreditationId);
    if (accreditationId.isBlank()) {
      throw new InvalidValueException(
          "accreditationId", accreditationId, "must name the verifier's accreditation");
    }
    Require.nonNull("outcome", outcome);
    Require.nonNull("date", date);
    Require.nonNull("verifiedTonnes", verifiedTonnes);
    Require.nonNull("reason", reason);
    if ((outcome == Outcome.VERIFIED) != verifiedTonnes.isPresent()) {
      throw new InvalidValueException(
          "verifiedTonnes",
          verifiedTonnes.orElse(null),
          outcome == Outcome.VERIFIED
              ? "is required when the outcome is verified"
              : "must be absent when the outcome is rejected");
    }
    if (outcome == Outcome.REJECTED && reason.map(String::isBlank).orElse(true)) {
      throw new InvalidValueException("reason", reason.orElse(null), "is required to reject");
    }
  }
}
