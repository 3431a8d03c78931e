package org.ogcr.port.out;

import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;

/**
 * Submitted documents (PDD and MRV versions), content-addressed by the SHA-256 of their RFC 8785
 * canonical JSON. A document once stored is never changed or removed.
 */
public interface DocumentStore {

  /**
   * Stores the document's JSON under its hash; storing it again changes nothing.
   *
   * @param json the document as submitted; its canonical form hashes to {@code hash}
   */
  void put(DocumentHash hash, String json);

  Optional<String> get(DocumentHash hash);
}
