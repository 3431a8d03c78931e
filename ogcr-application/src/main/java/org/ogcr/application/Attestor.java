package org.ogcr.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.DocumentHash;
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

  /**
   * Attests one transition. The facts gain the subject's attestation sequence number and the
   * previous receipt of the subject, so each subject's receipts form a chain and no two
   * transitions, however alike, share a receipt.
   */
  Attestation attest(
      String kind, String subject, Instant at, Principal who, Map<String, String> facts) {
    List<Attestation> earlier = store.ofSubject(subject);
    Map<String, String> chained = new LinkedHashMap<>(facts);
    chained.put("subjectSequence", Integer.toString(earlier.size() + 1));
    chained.put(
        "previousReceipt",
        earlier.isEmpty() ? "" : earlier.get(earlier.size() - 1).receipt().hex());
    Attestation a = Attestation.of(kind, subject, at, who.actor(), chained);
    if (store.find(a.receipt()).isPresent()) {
      throw new IllegalStateException("attestation " + a.receipt() + " already recorded");
    }
    store.put(a);
    outbox.enqueue(new LedgerCommand.Anchor(anchorId(a.receipt()), "attestation", a.receipt()), at);
    return a;
  }

  /**
   * The outbox command that anchors {@code receipt}: derived from it, so relaying is idempotent.
   */
  static String anchorId(DocumentHash receipt) {
    return "anchor-" + receipt.hex();
  }
}
