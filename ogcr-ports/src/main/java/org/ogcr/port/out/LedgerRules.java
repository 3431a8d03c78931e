package org.ogcr.port.out;

import java.util.function.LongFunction;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.port.out.CreditLedger.LedgerRefusedException;

/**
 * The rules of the in-process ledger, wherever it keeps its entries (in memory, in the registry's
 * database): how entries chain, and when a block change fits the ledger's blocks. Pure functions,
 * so every implementation chains and refuses exactly alike.
 */
public final class LedgerRules {

  /** The {@code previous} of entry 1. */
  public static final DocumentHash GENESIS = new DocumentHash("0".repeat(64));

  private LedgerRules() {}

  /**
   * The hash of an entry: the SHA-256 of the previous entry's hash, the entry's sequence number and
   * the command's {@link LedgerCommand#canonicalText() canonical text}, joined by {@code |}.
   */
  public static DocumentHash hash(DocumentHash previous, long sequence, LedgerCommand command) {
    Require.nonNull("previous", previous);
    Require.positive("sequence", sequence);
    Require.nonNull("command", command);
    return DocumentHash.sha256(previous.hex() + "|" + sequence + "|" + command.canonicalText());
  }

  /**
   * The entry recording {@code command} at {@code sequence} after an entry hashed {@code previous}
   * ({@link #GENESIS} for the first); confirmed at once.
   */
  public static LedgerEntry entry(long sequence, LedgerCommand command, DocumentHash previous) {
    return new LedgerEntry(sequence, command, previous, hash(previous, sequence, command), true);
  }

  /**
   * Checks a block change against the ledger's current blocks: every removed block must be the
   * current block starting at its first serial ({@code currentAt} gives it, or null), and no added
   * block may take the credits of a removed one where the lifecycle does not allow it.
   *
   * @throws LedgerRefusedException {@code ledger_state_mismatch} when the change does not fit
   */
  public static void requireFits(LedgerCommand.Apply apply, LongFunction<CreditBlock> currentAt) {
    Require.nonNull("apply", apply);
    Require.nonNull("currentAt", currentAt);
    for (CreditBlock gone : apply.change().removed()) {
      if (!gone.equals(currentAt.apply(gone.range().first()))) {
        throw mismatch("block " + gone + " is not a current block");
      }
      for (CreditBlock now : apply.change().added()) {
        boolean sameCredits = now.range().overlaps(gone.range());
        boolean legal =
            now.status() == gone.status()
                ? !gone.status().isFinal() || now.equals(gone)
                : CreditStatus.LIFECYCLE.allows(gone.status(), now.status());
        if (sameCredits && !legal) {
          throw mismatch(
              "credits "
                  + now.range()
                  + " cannot go from "
                  + gone.status()
                  + " to "
                  + now.status());
        }
      }
    }
  }

  /** A refusal with code {@code ledger_state_mismatch}: the command does not fit the blocks. */
  public static LedgerRefusedException mismatch(String why) {
    return new LedgerRefusedException("ledger_state_mismatch", why);
  }
}
