package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;

/**
 * How far the anchoring of one attestation receipt on the ledger has come: queued, relayed (with
 * the ledger entry's position and whether the ledger confirmed it) or refused by the ledger.
 *
 * @param nextAttemptAt when a pending anchoring is tried again
 * @param lastError why the last attempt failed, if it did
 * @param ledgerSequence the ledger entry's position once relayed
 */
public record Anchoring(
    DocumentHash receipt,
    State state,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> lastError,
    Optional<Long> ledgerSequence,
    boolean confirmed) {

  public enum State {
    PENDING,
    RELAYED,
    REFUSED
  }

  public Anchoring {
    Require.nonNull("receipt", receipt);
    Require.nonNull("state", state);
    Require.nonNull("nextAttemptAt", nextAttemptAt);
    Require.nonNull("lastError", lastError);
    Require.nonNull("ledgerSequence", ledgerSequence);
  }
}
