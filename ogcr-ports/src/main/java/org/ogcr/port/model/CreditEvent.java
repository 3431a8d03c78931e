package org.ogcr.port.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;

/**
 * One act on credits, as the public record lists it: an issue, transfer, listing, sale, retirement,
 * invalidation, replacement or subrogation, with the attestation receipt that proves it.
 *
 * @param from the account the credits left (or were acted on in), when any
 * @param to the account the credits reached, when any
 * @param details the act's facts, as attested: a retirement's reason and beneficiary, a sale's
 *     price and routing…
 */
public record CreditEvent(
    DocumentHash receipt,
    Kind kind,
    IssuanceId issuance,
    SerialRange range,
    Optional<AccountId> from,
    Optional<AccountId> to,
    ActorId actor,
    Instant at,
    SortedMap<String, String> details) {

  public enum Kind {
    ISSUED,
    TRANSFERRED,
    LISTED,
    DELISTED,
    SOLD,
    RETIRED,
    INVALIDATED,
    REPLACED,
    SUBROGATED
  }

  public CreditEvent {
    Require.nonNull("receipt", receipt);
    Require.nonNull("kind", kind);
    Require.nonNull("issuance", issuance);
    Require.nonNull("range", range);
    Require.nonNull("from", from);
    Require.nonNull("to", to);
    Require.nonNull("actor", actor);
    at = Require.nonNull("at", at).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    details = Collections.unmodifiableSortedMap(new TreeMap<>(Require.nonNull("details", details)));
  }
}
