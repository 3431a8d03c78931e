package org.ogcr.adapter.rest;

import java.util.Optional;

/**
 * Turns a request's credentials into a {@link Caller}: an OAuth 2.0 bearer access token ({@code
 * Authorization: Bearer …}) or an API key ({@code X-API-Key: …}). The server composes the ones it
 * trusts.
 */
public interface Authenticator {

  /**
   * @param authorization the {@code Authorization} header, or null
   * @param apiKey the {@code X-API-Key} header, or null
   * @return the caller, or empty when the request carries no credentials at all
   * @throws AuthenticationFailedException when it carries credentials that do not prove anyone
   */
  Optional<Caller> authenticate(String authorization, String apiKey);
}
