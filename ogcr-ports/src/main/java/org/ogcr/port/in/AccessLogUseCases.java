package org.ogcr.port.in;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;

/**
 * The access log (OGCR 4.3): every access attempt with its instant, actor, resource and outcome,
 * for administrators and auditors to inspect. The HTTP edge records each request; authentication
 * records the refusals of credentials it can name. It is append-only but not hash-chained (the
 * decisions themselves are in the audit log), and each record is written in a short transaction of
 * its own, so a request whose use case is refused and rolled back is still logged.
 */
public interface AccessLogUseCases {

  /**
   * One access attempt, as the edge saw it. Any value is accepted: {@code null}s are read as empty,
   * text is cleaned and clipped as {@link AccessRecord} describes, and a status outside 0 to 999 is
   * recorded as 0.
   *
   * @param principal who made the request, when it was authenticated
   * @param credentialId the credential presented, also when it did not authenticate
   * @param outcome {@code null} is recorded as {@link AccessRecord.Outcome#FAILED}
   */
  record Attempt(
      Optional<Principal> principal,
      Optional<String> credentialId,
      String method,
      String path,
      int status,
      AccessRecord.Outcome outcome,
      String clientAddress,
      String detail) {
    public Attempt {
      principal = principal == null ? Optional.empty() : principal;
      credentialId = credentialId == null ? Optional.empty() : credentialId;
      outcome = outcome == null ? AccessRecord.Outcome.FAILED : outcome;
      if (status < 0 || status > 999) {
        status = 0;
      }
    }
  }

  /**
   * Appends {@code attempt} at the clock's instant; no principal check. Never refuses its input;
   * throws only when the store fails.
   *
   * @return the record as stored
   */
  AccessRecord record(Attempt attempt);

  /**
   * Role administrator or auditor: the matching records after the cursor, in log order. A denial is
   * audited.
   *
   * @throws AccessDeniedException {@code role_required}
   */
  KeysetPage<AccessRecord> read(Principal principal, AccessQuery query, KeysetRequest request);

  /**
   * Role administrator: removes the records from before {@code cutoff}; returns how many. Audited,
   * allowed or denied.
   */
  int purgeBefore(Principal principal, Instant cutoff);
}
