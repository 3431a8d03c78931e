package org.ogcr.application;

import java.time.Instant;
import java.util.Map;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.port.in.Principal;
import org.ogcr.port.out.AttestationStore;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerOutbox;

/**
 * Attests a state transition: stores its receipt and queues the receipt's anchor for the ledger,
 * both inside the use case's transaction.
 */
final class Attestor {

  private final AttestationStore store;
  private final LedgerOutbox outbox;

  Attestor(AttestationStore store, LedgerOutbox outbox) {
    this.store = store;
    this.outbox = outbox;
  }

  Attestation attest(
      String kind, String subject, Instant at, Principal who, Map<String, String> facts) {
    Attestation a = Attestation.of(kind, subject, at, who.actor(), facts);
    store.put(a);
    outbox.enqueue(
        new LedgerCommand.Anchor("anchor-" + a.receipt().hex(), "attestation", a.receipt()), at);
    return a;
  }
}
