package org.ogcr.adapter.rest.auth;

/**
 * The issuer's key set could not be fetched or parsed, so a token could be neither accepted nor
 * refused. Not the client's fault: the HTTP layer answers 503 rather than the 401 of {@link
 * InvalidTokenException}, so clients do not throw away good tokens during an issuer outage.
 */
public final class TokenKeysUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TokenKeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
