package org.ogcr.adapter.rest;

import java.util.Optional;

/**
 * The registry's credentials as the HTTP layer sees them: an API key presented whole, or an OAuth
 * 2.0 client's id and secret. The server backs it with the credential use cases.
 */
public interface CredentialCheck {

  /** The caller an API key ({@code ogcr_<id>_<secret>}) proves, or empty. */
  Optional<Caller> apiKey(String presented);

  /** The caller a client id and secret prove, or empty. */
  Optional<Caller> client(String clientId, String clientSecret);

  /** The rate limit of the credential with this id, for callers bearing its access tokens. */
  Optional<Integer> rateOf(String credentialId);
}
