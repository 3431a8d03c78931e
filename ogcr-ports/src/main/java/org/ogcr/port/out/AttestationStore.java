package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.DocumentHash;

/** Attestation receipts of every state transition, by receipt hash. */
public interface AttestationStore {

  /** Stores an attestation; storing the same one again changes nothing. */
  void put(Attestation attestation);

  Optional<Attestation> find(DocumentHash receipt);

  /**
   * The attestations of one subject (for example {@code project/nulhegan-forest}), oldest first.
   */
  List<Attestation> ofSubject(String subject);
}
