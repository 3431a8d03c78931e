package org.ogcr.adapter.rest;

import java.util.List;
import java.util.Optional;
import org.ogcr.adapter.rest.auth.AccessTokenValidator;
import org.ogcr.adapter.rest.auth.InvalidTokenException;
import org.ogcr.adapter.rest.auth.VerifiedToken;
import org.ogcr.domain.common.Require;

/**
 * The server's authentication: an API key in {@code X-API-Key} (or as a bearer token, for clients
 * that can only send {@code Authorization}), or an RFC 9068 access token in {@code Authorization:
 * Bearer} (RFC 6750 §2.1) checked by each trusted issuer in turn: the registry's own, then any
 * external one.
 */
public final class RegistryAuthenticator implements Authenticator {

  /** The prefix of every API key; a bearer token with it is an API key, not a JWT. */
  static final String API_KEY_PREFIX = "ogcr_";

  /** Requests per minute for a token whose client is not a registry credential. */
  static final int EXTERNAL_RATE = 600;

  private static final String REALM = "ogcr";

  private final CredentialCheck credentials;
  private final List<AccessTokenValidator> issuers;

  public RegistryAuthenticator(CredentialCheck credentials, List<AccessTokenValidator> issuers) {
    this.credentials = Require.nonNull("credentials", credentials);
    this.issuers = List.copyOf(Require.noNulls("issuers", issuers));
  }

  @Override
  public Optional<Caller> authenticate(String authorization, String apiKey) {
    if (apiKey != null) {
      return Optional.of(byApiKey(apiKey.trim()));
    }
    if (authorization == null) {
      return Optional.empty();
    }
    String[] parts = authorization.trim().split(" +", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
      throw new AuthenticationFailedException(
          "the Authorization header must read \"Bearer <access token>\"",
          "Bearer realm=\"" + REALM + "\", error=\"invalid_request\"");
    }
    String token = parts[1].trim();
    if (token.startsWith(API_KEY_PREFIX)) {
      return Optional.of(byApiKey(token));
    }
    return Optional.of(byToken(token));
  }

  private Caller byApiKey(String key) {
    return credentials
        .apiKey(key)
        .orElseThrow(
            () ->
                new AuthenticationFailedException(
                    "the API key is unknown, revoked or expired",
                    "Bearer realm=\""
                        + REALM
                        + "\", error=\"invalid_token\","
                        + " error_description=\"the API key is unknown, revoked or expired\""));
  }

  private Caller byToken(String token) {
    InvalidTokenException last = null;
    for (AccessTokenValidator issuer : issuers) {
      try {
        VerifiedToken v = issuer.validate(token);
        int rate = credentials.rateOf(v.clientId()).orElse(EXTERNAL_RATE);
        return new Caller(v.principal(), v.scopes(), v.clientId(), rate);
      } catch (InvalidTokenException e) {
        // a token another trusted issuer may have signed: try the next; report the last failure
        last = e;
      }
    }
    if (last == null) {
      throw new AuthenticationFailedException(
          "this server trusts no token issuer",
          "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
    }
    throw new AuthenticationFailedException(last.getMessage(), last.wwwAuthenticate(REALM));
  }
}
