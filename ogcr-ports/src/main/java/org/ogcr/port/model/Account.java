package org.ogcr.port.model;

import java.time.Instant;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.OrganisationId;

/**
 * A registry account that holds credits, and the organisation that controls it.
 *
 * @param kind what the account is for
 */
public record Account(AccountId id, OrganisationId holder, Kind kind, Instant openedAt) {

  public enum Kind {
    /** A property's registry account: its issuances land here, unsold. */
    PROPERTY,
    /** A buyer's or any other holder's account. */
    HOLDER,
    /** The buffer pool: buffer shares land here and catastrophic losses draw from it. */
    BUFFER_POOL
  }

  public Account {
    Require.nonNull("id", id);
    Require.nonNull("holder", holder);
    Require.nonNull("kind", kind);
    Require.nonNull("openedAt", openedAt);
  }
}
