package org.ogcr.port.in;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.port.model.Anchoring;

/** The tamper-evident record, for auditors. */
public interface AuditUseCases {

  /** Entries from {@code fromSequence} (1 is the first), at most {@code limit}. */
  List<ChainedEntry> entries(long fromSequence, int limit);

  /**
   * Walks the whole audit chain.
   *
   * @return the first modified, removed or reordered entry, if any
   */
  Optional<AuditChain.Break> verifyChain();

  Optional<Attestation> attestation(DocumentHash receipt);

  List<Attestation> attestations(String subject);

  /** How far the ledger anchoring of an attestation receipt has come; empty for an unknown one. */
  Optional<Anchoring> anchoring(DocumentHash receipt);
}
