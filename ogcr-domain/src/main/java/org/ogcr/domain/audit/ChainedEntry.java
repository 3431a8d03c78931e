package org.ogcr.domain.audit;

import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;

/**
 * An audit entry in its place in the chain: its sequence number (from 1), the hash of the entry
 * before it, and its own hash, which commits to both and to the entry's content.
 */
public record ChainedEntry(
    long sequence, DocumentHash previous, DocumentHash hash, AuditEntry entry) {

  public ChainedEntry {
    Require.positive("sequence", sequence);
    Require.nonNull("previous", previous);
    Require.nonNull("hash", hash);
    Require.nonNull("entry", entry);
  }
}
