package org.ogcr.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.port.in.AuditUseCases;
import org.ogcr.port.model.Anchoring;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.LedgerOutbox;

/** Reads and checks the tamper-evident record. */
final class AuditService implements AuditUseCases {

  private static final int PAGE = 1000;

  private final DrivenPorts ports;

  AuditService(DrivenPorts ports) {
    this.ports = ports;
  }

  @Override
  public List<ChainedEntry> entries(long fromSequence, int limit) {
    return ports.audit().read(fromSequence, limit);
  }

  @Override
  public Optional<AuditChain.Break> verifyChain() {
    // the head first: entries appended while the chain is read are not part of this check
    Optional<ChainedEntry> head = ports.audit().head();
    List<ChainedEntry> all = new ArrayList<>();
    long next = 1;
    long last = head.map(ChainedEntry::sequence).orElse(0L);
    while (next <= last) {
      List<ChainedEntry> page = ports.audit().read(next, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (ChainedEntry e : page) {
        if (e.sequence() <= last) {
          all.add(e);
        }
      }
      next = page.get(page.size() - 1).sequence() + 1;
    }
    return AuditChain.verify(all, head.map(h -> new AuditChain.Head(h.sequence(), h.hash())));
  }

  @Override
  public Optional<Attestation> attestation(DocumentHash receipt) {
    return ports.attestations().find(receipt);
  }

  @Override
  public List<Attestation> attestations(String subject) {
    return ports.attestations().ofSubject(subject);
  }

  /**
   * The anchoring of the receipt; for the decision that issued credits, also their mint, which the
   * outbox holds just before: a mint the ledger refused makes the whole task refused, even though
   * the receipt itself was anchored after it.
   */
  @Override
  public Optional<Anchoring> anchoring(DocumentHash receipt) {
    Optional<Anchoring> anchored =
        ports
            .outbox()
            .find(Attestor.anchorId(receipt))
            .map(
                item ->
                    new Anchoring(
                        receipt,
                        Anchoring.State.valueOf(item.state().name()),
                        item.attempts(),
                        item.nextAttemptAt(),
                        item.lastError(),
                        item.entry().map(e -> e.sequence()),
                        item.entry().map(e -> e.confirmed()).orElse(false)));
    return anchored.map(a -> withMint(a, receipt));
  }

  private Anchoring withMint(Anchoring anchored, DocumentHash receipt) {
    Optional<LedgerOutbox.Item> mint =
        ports
            .attestations()
            .find(receipt)
            .filter(a -> a.kind().equals(IssuanceService.ISSUED))
            .flatMap(a -> IssuanceService.issuanceOf(a.subject()))
            .flatMap(issuance -> ports.outbox().find(IssuanceService.mintId(issuance)));
    if (mint.isEmpty() || mint.get().state() != LedgerOutbox.State.REFUSED) {
      return anchored;
    }
    return new Anchoring(
        receipt,
        Anchoring.State.REFUSED,
        anchored.attempts(),
        anchored.nextAttemptAt(),
        Optional.of(
            "the ledger refused the credits' mint "
                + mint.get().command().id()
                + mint.get().lastError().map(e -> ": " + e).orElse("")),
        anchored.ledgerSequence(),
        false);
  }
}
