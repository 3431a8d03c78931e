package org.ogcr.domain.credit;

import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;

/**
 * Where a block's credits came from: an ordinary issuance, or a buffer-pool draw that replaces
 * credits invalidated by a catastrophic loss. Replacement credits carry {@code isReplacement =
 * true} and {@code replacementFor = <original receipt hash>}; they trigger no revenue distribution
 * (registry function spec, "Replacement-credit flagging").
 */
public sealed interface Provenance permits Provenance.Original, Provenance.Replacement {

  /** The provenance of every credit as first issued. */
  Provenance ORIGINAL = new Original();

  boolean isReplacement();

  Optional<DocumentHash> replacementFor();

  /** Credits as first issued. */
  record Original() implements Provenance {
    @Override
    public boolean isReplacement() {
      return false;
    }

    @Override
    public Optional<DocumentHash> replacementFor() {
      return Optional.empty();
    }
  }

  /** Buffer-pool credits delivered in place of invalidated ones. */
  record Replacement(DocumentHash originalReceipt) implements Provenance {
    public Replacement {
      Require.nonNull("replacementFor", originalReceipt);
    }

    @Override
    public boolean isReplacement() {
      return true;
    }

    @Override
    public Optional<DocumentHash> replacementFor() {
      return Optional.of(originalReceipt);
    }
  }
}
