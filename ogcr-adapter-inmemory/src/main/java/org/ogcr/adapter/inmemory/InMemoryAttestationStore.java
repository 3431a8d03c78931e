package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.AttestationStore;

/**
 * Attestations in memory by receipt; takes part in its {@link InMemoryUnitOfWork}. A subject's
 * attestations come oldest first by their instant, those of the same instant in the order stored.
 */
public final class InMemoryAttestationStore implements AttestationStore {

  private final InMemoryUnitOfWork uow;
  private final Map<DocumentHash, Attestation> byReceipt = new HashMap<>();
  private final Map<String, List<Attestation>> bySubject = new HashMap<>();

  public InMemoryAttestationStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void put(Attestation attestation) {
    Require.nonNull("attestation", attestation);
    DocumentHash receipt = attestation.receipt();
    uow.locked(
        () -> {
          // the receipt is the hash of the whole attestation: the same receipt is the same one
          if (byReceipt.containsKey(receipt)) {
            return;
          }
          byReceipt.put(receipt, attestation);
          List<Attestation> ofSubject =
              bySubject.computeIfAbsent(attestation.subject(), s -> new ArrayList<>());
          ofSubject.add(attestation);
          uow.onRollback(
              () -> {
                ofSubject.remove(ofSubject.size() - 1);
                if (ofSubject.isEmpty()) {
                  bySubject.remove(attestation.subject());
                }
                byReceipt.remove(receipt);
              });
        });
  }

  @Override
  public Optional<Attestation> find(DocumentHash receipt) {
    Require.nonNull("receipt", receipt);
    return uow.locked(() -> Optional.ofNullable(byReceipt.get(receipt)));
  }

  @Override
  public List<Attestation> ofSubject(String subject) {
    Require.nonNull("subject", subject);
    return uow.locked(
        () ->
            bySubject.getOrDefault(subject, List.of()).stream()
                .sorted(Comparator.comparing(Attestation::at))
                .toList());
  }
}
