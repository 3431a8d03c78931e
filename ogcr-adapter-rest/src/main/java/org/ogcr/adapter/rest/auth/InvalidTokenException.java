package org.ogcr.adapter.rest.auth;

/**
 * A bearer token was refused. {@link #code()} is the RFC 6750 §3.1 error code ({@code
 * invalid_token}), {@link #check()} names the check that failed, and the message says why in a
 * sentence fit for the {@code error_description} of the {@code WWW-Authenticate} challenge that
 * {@link #wwwAuthenticate()} renders. The HTTP layer answers 401 with that header (RFC 6750 §3).
 *
 * <p>No stack trace is recorded: refusals are triggered by clients, may be frequent, and the check
 * plus message say all there is to know; the underlying parser or crypto exception, if any, is kept
 * as the cause.
 */
public final class InvalidTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** RFC 6750 §3.1: the token is expired, revoked, malformed, or invalid for other reasons. */
  public static final String INVALID_TOKEN = "invalid_token";

  /** Keeps the challenge header short; each message names its check in the first words. */
  private static final int MAX_DESCRIPTION = 200;

  /** Which check refused the token, in the order {@code AccessTokens} runs them. */
  public enum Check {
    /** Not a compact JWS of at most the accepted length, or its header or claims do not parse. */
    MALFORMED,
    /** {@code alg} is {@code none} or not one of the configured algorithms (RFC 8725 §3.1). */
    ALGORITHM,
    /** {@code typ} is not {@code at+jwt} (RFC 9068 §2.1, §4; RFC 8725 §3.11). */
    TYPE,
    /** The header carries critical parameters this validator does not understand (RFC 7515). */
    CRITICAL_HEADER,
    /** No key of the issuer's key set fits the header's {@code kid} and {@code alg}. */
    KEY,
    /** The signature does not verify under the issuer's key (RFC 9068 §4 step 4). */
    SIGNATURE,
    /** {@code iss} is not exactly the configured issuer (RFC 9068 §4 step 2, RFC 8725 §3.8). */
    ISSUER,
    /** {@code aud} does not contain the configured audience (RFC 9068 §4 step 3, RFC 8725 §3.9). */
    AUDIENCE,
    /** {@code exp} has passed, beyond the allowed clock skew (RFC 9068 §4 step 5). */
    EXPIRED,
    /** {@code nbf} or {@code iat} lies in the future, beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** A claim RFC 9068 §2.2 or the registry requires is missing or has a refused value. */
    CLAIMS
  }

  private final Check check;

  InvalidTokenException(Check check, String description) {
    this(check, description, null);
  }

  InvalidTokenException(Check check, String description, Throwable cause) {
    super(description, cause, false, false);
    this.check = check;
  }

  /** The RFC 6750 error code; always {@value #INVALID_TOKEN} for a token that was presented. */
  public String code() {
    return INVALID_TOKEN;
  }

  public Check check() {
    return check;
  }

  /**
   * The {@code WWW-Authenticate} value for the 401, for example {@code Bearer
   * error="invalid_token", error_description="token expired at 2026-01-01T00:00:00Z"}.
   */
  public String wwwAuthenticate() {
    return "Bearer error=\"" + code() + "\", error_description=\"" + description() + "\"";
  }

  /** As {@link #wwwAuthenticate()}, with the protection space first (RFC 6750 §3). */
  public String wwwAuthenticate(String realm) {
    return "Bearer realm=\"" + quotable(realm) + "\", " + wwwAuthenticate().substring(7);
  }

  /**
   * The message cut to a header-safe form: RFC 6750 §3 allows only %x20-21 / %x23-5B / %x5D-7E in
   * {@code error_description}, and the message may quote values taken from the token itself, so a
   * quote or a CR LF from an attacker must not reach the header.
   */
  String description() {
    String text = quotable(getMessage());
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 3) + "...";
  }

  private static String quotable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append('\'');
      } else if (c == '\\') {
        out.append('/');
      } else if (c >= 0x20 && c <= 0x7E) {
        out.append(c);
      } else {
        out.append('?');
      }
    }
    return out.toString();
  }
}
