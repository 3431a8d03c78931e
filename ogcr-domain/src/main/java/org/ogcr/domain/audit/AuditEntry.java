package org.ogcr.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * One decision of the registry, allowed or denied: when (from the clock port), who (actor and
 * organisation), on what resource, which action, the outcome, and a detail (a reason code or the
 * attestation hash of the transition). ARCHITECTURE.md, "Access": every decision is audited.
 *
 * @param resource what was acted on, for example {@code project/nulhegan-forest}
 * @param action the use case, for example {@code project.validate}
 */
public record AuditEntry(
    Instant at,
    ActorId actor,
    OrganisationId organisation,
    String resource,
    String action,
    Outcome outcome,
    String detail) {

  private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9._:/-]{1,256}");
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

  /** Whether the registry let the action happen. */
  public enum Outcome {
    ALLOWED,
    DENIED
  }

  public AuditEntry {
    // microseconds: what SQL timestamps keep, so an entry read back hashes as it was written
    at = Require.nonNull("at", at).truncatedTo(ChronoUnit.MICROS);
    Require.nonNull("actor", actor);
    Require.nonNull("organisation", organisation);
    Require.matches("resource", resource, RESOURCE, "must be a path of registry identifiers");
    Require.matches("action", action, ACTION, "must be a dotted lower-case action name");
    Require.nonNull("outcome", outcome);
    Require.nonNull("detail", detail);
    for (int i = 0; i < detail.length(); i++) {
      char c = detail.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < detail.length()
              && Character.isLowSurrogate(detail.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // a lone surrogate has no UTF-8 form: two different details would hash alike
        throw new InvalidValueException(
            "detail", "a lone surrogate at index " + i, "must be well-formed Unicode");
      }
    }
    if (detail.length() > 4096) {
      throw new InvalidValueException(
          "detail", detail.length() + " characters", "must be at most 4096 characters");
    }
  }
}
