package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.common.DomainException;

/**
 * The ledger the registry anchors its record on (ARCHITECTURE.md, "Credits on chain"): document
 * hashes, minted blocks and every block change. Commands reach it from the outbox after the state
 * change committed; nothing in the core assumes the ledger is fast, up, or final.
 *
 * <p>Every implementation is idempotent by command id (the same command again is a no-op that
 * returns the recorded entry; another command under a used id is refused) and keeps its own block
 * state, refusing a command that does not fit it: minting serials already minted, or changing
 * blocks that are not current.
 */
public interface CreditLedger {

  /**
   * Records a command, or returns the entry that already records it.
   *
   * @throws LedgerRefusedException with code {@code ledger_command_conflict} (id reused for another
   *     command) or {@code ledger_state_mismatch} (the command does not fit the ledger's blocks)
   */
  LedgerEntry submit(LedgerCommand command);

  /** The entry recording the command with this id, if the ledger has it. */
  Optional<LedgerEntry> find(String commandId);

  /** Entries in ledger order from {@code fromSequence} (1 is the first), at most {@code limit}. */
  List<LedgerEntry> entries(long fromSequence, int limit);

  /** The ledger refused a command; it records nothing. */
  final class LedgerRefusedException extends DomainException {
    public LedgerRefusedException(String code, String message) {
      super(code, message);
    }
  }
}
