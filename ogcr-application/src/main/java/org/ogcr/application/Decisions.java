package org.ogcr.application;

import java.time.Instant;
import java.util.function.Function;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.common.DomainException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.out.AuditLog;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.UnitOfWork;

/**
 * Runs every use case the same way: one transaction, one audit entry. An allowed decision's entry
 * commits with its state change; a refused one rolls everything back, then records the denial in a
 * transaction of its own, so the audit keeps every refusal and the registry keeps none of its
 * effects.
 */
final class Decisions {

  private static final int MAX_DETAIL = 4096;

  private final UnitOfWork unitOfWork;
  private final AuditLog audit;
  private final Clock clock;

  Decisions(UnitOfWork unitOfWork, AuditLog audit, Clock clock) {
    this.unitOfWork = unitOfWork;
    this.audit = audit;
    this.clock = clock;
  }

  /** A decision's result and the audit detail that describes it. */
  record Outcome<T>(T result, String detail) {}

  /**
   * @param action the use case, for example {@code project.validate}
   * @param resource what it acts on, for example {@code project/nulhegan-forest}
   * @param work the use case, given the decision's instant; throws to refuse
   */
  <T> T decide(Principal who, String action, String resource, Function<Instant, Outcome<T>> work) {
    try {
      return unitOfWork.transact(
          () -> {
            // the decision's instant: its state changes, attestations and audit entry all carry
            // it. The chain is in commit order, so concurrent decisions may appear in it out of
            // time order; the sequence, not the instant, orders the record.
            Instant now = clock.now();
            Outcome<T> outcome = work.apply(now);
            audit.append(
                entry(who, now, action, resource, AuditEntry.Outcome.ALLOWED, outcome.detail()));
            return outcome.result();
          });
    } catch (RuntimeException refused) {
      recordDenial(who, action, resource, refused);
      throw refused;
    }
  }

  /**
   * Runs the access check of a read: a refusal is audited as a denial (in a transaction of its own)
   * and rethrown; an allowed read changes nothing and is not audited.
   *
   * @param check the role and ownership checks; throws to refuse
   */
  void checkRead(Principal who, String action, String resource, Runnable check) {
    try {
      check.run();
    } catch (RuntimeException refused) {
      recordDenial(who, action, resource, refused);
      throw refused;
    }
  }

  /**
   * Appends the allowed decision's entry inside the running transaction, for a decision the
   * registry takes itself rather than through {@link #decide} (the first credential at start).
   */
  void recordAllowed(Principal who, Instant at, String action, String resource, String detail) {
    audit.append(entry(who, at, action, resource, AuditEntry.Outcome.ALLOWED, detail));
  }

  private void recordDenial(
      Principal who, String action, String resource, RuntimeException refused) {
    String why =
        refused instanceof DomainException d
            ? d.code() + ": " + d.getMessage()
            : "internal_error: " + refused.getClass().getName();
    try {
      unitOfWork.transact(
          () ->
              audit.append(
                  entry(who, clock.now(), action, resource, AuditEntry.Outcome.DENIED, why)));
    } catch (RuntimeException auditFailure) {
      refused.addSuppressed(auditFailure);
    }
  }

  private static AuditEntry entry(
      Principal who,
      Instant at,
      String action,
      String resource,
      AuditEntry.Outcome outcome,
      String detail) {
    return new AuditEntry(
        at, who.actor(), who.organisation(), resource, action, outcome, wellFormed(detail));
  }

  /**
   * At most {@value #MAX_DETAIL} characters, never cutting a surrogate pair in half, with any lone
   * surrogate or NUL a client sent replaced by U+FFFD (PostgreSQL stores neither in text): a
   * refusal is always recordable.
   */
  static String wellFormed(String detail) {
    String raw = detail == null ? "" : detail;
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < raw.length()
          && Character.isLowSurrogate(raw.charAt(i + 1))) {
        sb.append(c).append(raw.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) || c == '\u0000' ? '\uFFFD' : c);
      }
    }
    String d = sb.toString();
    if (d.length() <= MAX_DETAIL) {
      return d;
    }
    int end = MAX_DETAIL - 1;
    if (Character.isHighSurrogate(d.charAt(end - 1))) {
      end--;
    }
    return d.substring(0, end) + "…";
  }
}
