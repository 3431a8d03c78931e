package org.ogcr.adapter.rest.auth;

/**
 * Checks an RFC 9068 JWT access token presented as a bearer token (RFC 6750) and says what it
 * grants. Implemented by {@link AccessTokens} for the registry's own authorization server and by
 * {@link ExternalIssuer} for one that publishes its keys at a JWKS URL; the HTTP layer depends on
 * this interface only.
 */
@FunctionalInterface
public interface AccessTokenValidator {

  /**
   * Runs every check and returns what the token grants.
   *
   * @param token the compact JWS, without the {@code Bearer } prefix
   * @throws InvalidTokenException naming the check that refused the token
   * @throws TokenKeysUnavailableException if the issuer's keys cannot be had right now
   */
  VerifiedToken validate(String token);
}
