package org.ogcr.adapter.rest;

/**
 * Credentials were sent but prove no one: malformed, unknown, revoked, expired or badly signed. The
 * API answers 401 with a {@code WWW-Authenticate} challenge (RFC 6750 §3) and says which without
 * revealing whether an unknown key exists.
 */
public final class AuthenticationFailedException extends RuntimeException {

  private final String challenge;

  /**
   * @param message what failed, for the client: "the access token has expired"
   * @param challenge the {@code WWW-Authenticate} header value
   */
  public AuthenticationFailedException(String message, String challenge) {
    super(message);
    this.challenge = challenge;
  }

  public String challenge() {
    return challenge;
  }
}
