package org.ogcr.adapter.rest;

import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.port.in.Principal;

/**
 * Who sent a request, as its credentials prove: the principal the use cases check, the scopes the
 * credential grants (OAuth 2.0 scopes or an API key's), the credential's id and its rate limit.
 *
 * @param credential the API key's id or the access token's client id, for the access log
 * @param ratePerMinute the requests per minute this credential may send
 */
public record Caller(
    Principal principal, Set<String> scopes, String credential, int ratePerMinute) {

  public Caller {
    Require.nonNull("principal", principal);
    scopes = Set.copyOf(Require.noNulls("scopes", scopes));
    Require.nonNull("credential", credential);
    Require.positive("ratePerMinute", ratePerMinute);
  }

  public boolean grants(String scope) {
    return scopes.contains(scope);
  }
}
