package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * One access attempt and its outcome (OGCR 4.3): when, who (when known), with which credential,
 * what was asked and what the registry answered. The access log is append-only and not
 * hash-chained; decisions are in the audit log.
 *
 * <p>The text fields are cleaned as the record is made, so any input is recordable and every store
 * keeps it as given: {@code null} becomes empty, control characters and lone surrogates become
 * U+FFFD, and text longer than its field's limit is clipped (ending with "…", never cutting a
 * surrogate pair).
 *
 * @param sequence the position in the log, assigned by the store from 1 on; 0 before the record is
 *     stored
 * @param actor the authenticated actor; empty when the request was not (or not successfully)
 *     authenticated
 * @param organisation the organisation the actor acted for
 * @param credentialId the credential the request presented, also when it failed to authenticate; at
 *     most {@value #MAX_CREDENTIAL_ID} characters
 * @param method the HTTP method (or another short verb), at most {@value #MAX_METHOD} characters
 * @param path the resource, for example the request path and query, at most {@value #MAX_PATH}
 *     characters
 * @param status the HTTP status answered, 0 to 999 (0 when there was none)
 * @param clientAddress where the request came from, at most {@value #MAX_CLIENT_ADDRESS} characters
 * @param detail why, for example a refusal's code; at most {@value #MAX_DETAIL} characters
 */
public record AccessRecord(
    long sequence,
    Instant at,
    Optional<ActorId> actor,
    Optional<OrganisationId> organisation,
    Optional<String> credentialId,
    String method,
    String path,
    int status,
    Outcome outcome,
    String clientAddress,
    String detail) {

  public static final int MAX_CREDENTIAL_ID = 64;
  public static final int MAX_METHOD = 16;
  public static final int MAX_PATH = 2048;
  public static final int MAX_CLIENT_ADDRESS = 256;
  public static final int MAX_DETAIL = 1024;

  /** What became of the attempt. */
  public enum Outcome {
    /** Let through: public, or authenticated and authorised; whatever the response then was. */
    ALLOWED,
    /** Authenticated, but refused: a role, scope or ownership check, or the rate limit. */
    DENIED,
    /** Not authenticated: credentials missing, malformed, unknown, wrong, expired or revoked. */
    FAILED
  }

  public AccessRecord {
    Require.nonNegative("sequence", sequence);
    Require.nonNull("at", at);
    Require.nonNull("actor", actor);
    Require.nonNull("organisation", organisation);
    Require.nonNull("credentialId", credentialId);
    credentialId = credentialId.map(c -> clean(c, MAX_CREDENTIAL_ID)).filter(c -> !c.isEmpty());
    method = clean(method, MAX_METHOD);
    path = clean(path, MAX_PATH);
    Require.between("status", status, 0, 999);
    Require.nonNull("outcome", outcome);
    clientAddress = clean(clientAddress, MAX_CLIENT_ADDRESS);
    detail = clean(detail, MAX_DETAIL);
  }

  /** A record not stored yet, to append. */
  public static AccessRecord of(
      Instant at,
      Optional<ActorId> actor,
      Optional<OrganisationId> organisation,
      Optional<String> credentialId,
      String method,
      String path,
      int status,
      Outcome outcome,
      String clientAddress,
      String detail) {
    return new AccessRecord(
        0,
        at,
        actor,
        organisation,
        credentialId,
        method,
        path,
        status,
        outcome,
        clientAddress,
        detail);
  }

  /** This record at {@code sequence}, as the store assigns it. */
  public AccessRecord withSequence(long sequence) {
    Require.positive("sequence", sequence);
    return new AccessRecord(
        sequence,
        at,
        actor,
        organisation,
        credentialId,
        method,
        path,
        status,
        outcome,
        clientAddress,
        detail);
  }

  /**
   * {@code text} as a record keeps it: {@code null} as empty, control characters and lone
   * surrogates as U+FFFD, at most {@code max} characters (clipped ones end with "…").
   */
  public static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
    for (int i = 0; i < text.length() && sb.length() <= max; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        sb.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    if (sb.length() <= max) {
      return sb.toString();
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(sb.charAt(end - 1))) {
      end--;
    }
    return sb.substring(0, end) + "…";
  }
}
