package org.ogcr.port.out;

import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;

/**
 * A command as the ledger recorded it: its position, the hash of the entry before it and its own
 * hash, and whether it is confirmed (on a chain, buried under the configured confirmation depth;
 * the in-process ledger confirms at once).
 */
public record LedgerEntry(
    long sequence,
    LedgerCommand command,
    DocumentHash previous,
    DocumentHash hash,
    boolean confirmed) {

  public LedgerEntry {
    Require.positive("sequence", sequence);
    Require.nonNull("command", command);
    Require.nonNull("previous", previous);
    Require.nonNull("hash", hash);
  }
}
