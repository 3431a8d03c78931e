package org.ogcr.server;

import java.util.Optional;
import org.ogcr.adapter.rest.AuthenticationFailedException;
import org.ogcr.adapter.rest.Authenticator;

/** The authenticators the server trusts. */
final class ServerAuthentication {

  private ServerAuthentication() {}

  /** Public reads only: every credential is refused until an issuer is configured. */
  static Authenticator none() {
    return (authorization, apiKey) -> {
      if (authorization == null && apiKey == null) {
        return Optional.empty();
      }
      throw new AuthenticationFailedException(
          "this server trusts no credentials yet",
          "Bearer realm=\"ogcr\", error=\"invalid_token\"");
    };
  }
}
