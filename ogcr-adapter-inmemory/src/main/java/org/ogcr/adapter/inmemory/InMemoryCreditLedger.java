package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerRules;

/**
 * The in-process ledger in memory: a hash chain of commands (each entry's hash is the SHA-256 of
 * the previous hash, its sequence number and the command's canonical text; {@link LedgerRules}),
 * with its own copy of the credit blocks so that it refuses a command that does not fit them, as a
 * chain's contracts would. Confirms at once. Thread-safe. Forgets everything when the process ends;
 * {@code JdbcCreditLedger} keeps the same ledger in the registry's database.
 */
public final class InMemoryCreditLedger implements CreditLedger {

  private final List<LedgerEntry> entries = new ArrayList<>();
  private final Map<String, LedgerEntry> byCommandId = new HashMap<>();
  private final Map<IssuanceId, NavigableMap<Long, CreditBlock>> blocks = new HashMap<>();

  @Override
  public synchronized LedgerEntry submit(LedgerCommand command) {
    Require.nonNull("command", command);
    LedgerEntry recorded = byCommandId.get(command.id());
    if (recorded != null) {
      if (recorded.command().equals(command)) {
        return recorded;
      }
      throw new LedgerRefusedException(
          "ledger_command_conflict",
          "command id " + command.id() + " already records another command");
    }
    applyToBlocks(command);
    DocumentHash previous =
        entries.isEmpty() ? LedgerRules.GENESIS : entries.get(entries.size() - 1).hash();
    LedgerEntry entry = LedgerRules.entry(entries.size() + 1L, command, previous);
    entries.add(entry);
    byCommandId.put(command.id(), entry);
    return entry;
  }

  /** Checks the command against the ledger's blocks and applies it; refuses without change. */
  private void applyToBlocks(LedgerCommand command) {
    if (command instanceof LedgerCommand.Mint) {
      LedgerCommand.Mint mint = (LedgerCommand.Mint) command;
      if (blocks.containsKey(mint.issuance())) {
        throw LedgerRules.mismatch("issuance " + mint.issuance() + " is already minted");
      }
      NavigableMap<Long, CreditBlock> minted = new TreeMap<>();
      mint.blocks().forEach(b -> minted.put(b.range().first(), b));
      blocks.put(mint.issuance(), minted);
    } else if (command instanceof LedgerCommand.Apply) {
      LedgerCommand.Apply apply = (LedgerCommand.Apply) command;
      IssuanceId issuance = apply.change().removed().get(0).issuance();
      NavigableMap<Long, CreditBlock> current = blocks.get(issuance);
      if (current == null) {
        throw LedgerRules.mismatch("issuance " + issuance + " is not minted");
      }
      LedgerRules.requireFits(apply, current::get);
      apply.change().removed().forEach(b -> current.remove(b.range().first()));
      apply.change().added().forEach(b -> current.put(b.range().first(), b));
    }
  }

  @Override
  public synchronized Optional<LedgerEntry> find(String commandId) {
    return Optional.ofNullable(byCommandId.get(commandId));
  }

  @Override
  public synchronized List<LedgerEntry> entries(long fromSequence, int limit) {
    return Pages.slice(entries, fromSequence, limit);
  }

  /** The ledger's current blocks of an issuance, in serial order. */
  public synchronized List<CreditBlock> blocks(IssuanceId issuance) {
    return List.copyOf(blocks.getOrDefault(issuance, new TreeMap<>()).values());
  }
}
