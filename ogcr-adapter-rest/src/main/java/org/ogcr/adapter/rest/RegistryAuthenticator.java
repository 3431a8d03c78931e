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

  private static final String REALM = "ogcr";

  private final CredentialCheck credentials;
  private final AccessTokenValidator own;
  private final List<AccessTokenValidator> external;

  /**
   * @param own the registry's own authorization server: its tokens stand only while the credential
   *     they were issued to is active, so revoking a credential stops its tokens at once
   * @param external other trusted issuers, asked only for tokens the registry did not sign
   */
  public RegistryAuthenticator(
      CredentialCheck credentials, AccessTokenValidator own, List<AccessTokenValidator> external) {
    this.credentials = Require.nonNull("credentials", credentials);
    this.own = Require.nonNull("own", own);
    this.external = List.copyOf(Require.noNulls("external", external));
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
    VerifiedToken v;
    try {
      v = own.validate(token);
    } catch (InvalidTokenException mine) {
      if (external.isEmpty() || !foreign(mine)) {
        throw refused(mine);
      }
      return byExternalToken(token, mine);
    }
    // the credential behind the token: the client's own for client credentials, the person's for
    // the authorization code grant
    int rate =
        credentials
            .rateOf(v.credentialId())
            .orElseThrow(
                () ->
                    new AuthenticationFailedException(
                        "the credential this token was issued to is revoked or expired",
                        "Bearer realm=\""
                            + REALM
                            + "\", error=\"invalid_token\","
                            + " error_description=\"the token's credential is revoked or"
                            + " expired\""));
    return new Caller(v.principal(), v.scopes(), v.credentialId(), rate);
  }

  /** A token the registry's key did not sign, or another issuer's: one for the external issuers. */
  private static boolean foreign(InvalidTokenException e) {
    return e.check() == InvalidTokenException.Check.KEY
        || e.check() == InvalidTokenException.Check.SIGNATURE
        || e.check() == InvalidTokenException.Check.ISSUER;
  }

  private Caller byExternalToken(String token, InvalidTokenException mine) {
    InvalidTokenException last = mine;
    for (AccessTokenValidator issuer : external) {
      try {
        VerifiedToken v = issuer.validate(token);
        return new Caller(
            v.principal(),
            v.scopes(),
            v.clientId(),
            // a client the registry knows keeps its own rate; any other gets its roles' default
            credentials.rateOf(v.clientId()).orElse(RoleRates.of(v.roles())));
      } catch (InvalidTokenException e) {
        last = e;
      }
    }
    throw refused(last);
  }

  private static AuthenticationFailedException refused(InvalidTokenException e) {
    return new AuthenticationFailedException(e.getMessage(), e.wwwAuthenticate(REALM));
  }
}
