package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditStatus;

/**
 * What an indexer has read of the registry's contracts on a chain, kept beside the registry's
 * record so that reconciliation and auditors read it without asking a node: the contracts' event
 * logs in chain order, the credit blocks as the token contract holds them, and the hashes of the
 * chain blocks read, by which the indexer finds a reorganisation and rolls back.
 *
 * <p>A system of its own, like the ledger: every call commits on its own, never in a use case's
 * {@link UnitOfWork}. Hashes and ids are lower-case hex with {@code 0x}, as a node gives them.
 */
public interface ChainProjection {

  /** A chain block the indexer read: its number and hash. */
  record BlockRef(long number, String hash) {
    public BlockRef {
      Require.nonNegative("number", number);
      Require.nonNull("hash", hash);
    }
  }

  /**
   * One event log, identified by its transaction's hash and its index in the block.
   *
   * @param event the event's name ({@code CRUMinted}, {@code DocumentAnchored}…)
   * @param commandId the registry command that emitted it (the keccak-256 of its id), or empty
   * @param data what the event says, as {@code name=value} pairs in the event's order
   */
  record Log(
      BlockRef block,
      String transaction,
      int logIndex,
      String contract,
      String event,
      String commandId,
      String data) {
    public Log {
      Require.nonNull("block", block);
      Require.nonNull("transaction", transaction);
      Require.nonNegative("logIndex", logIndex);
      Require.nonNull("contract", contract);
      Require.nonNull("event", event);
      Require.nonNull("commandId", commandId);
      Require.nonNull("data", data);
    }
  }

  /**
   * A block token as its events left it.
   *
   * @param tokenId the token's id, in decimal
   * @param issuance the keccak-256 of the issuance id
   * @param account the keccak-256 of the holding account's id
   * @param replacementFor the attestation its credits replace, zero for original credits
   * @param parent the id of the token it was split from, {@code 0} for a token minted at issuance
   * @param mintedIn the chain block that minted it
   * @param closedIn the chain block that closed it (a change replaced it with children), if any
   */
  record Token(
      String tokenId,
      String issuance,
      String account,
      long first,
      long last,
      CreditStatus status,
      String replacementFor,
      String parent,
      long mintedIn,
      OptionalLong closedIn) {
    public Token {
      Require.nonNull("tokenId", tokenId);
      Require.nonNull("issuance", issuance);
      Require.nonNull("account", account);
      Require.positive("first", first);
      if (last < first) {
        throw new InvalidValueException("last", String.valueOf(last), "must be >= first " + first);
      }
      Require.nonNull("status", status);
      Require.nonNull("replacementFor", replacementFor);
      Require.nonNull("parent", parent);
      Require.nonNegative("mintedIn", mintedIn);
      Require.nonNull("closedIn", closedIn);
    }

    public long amount() {
      return last - first + 1;
    }

    public boolean live() {
      return closedIn.isEmpty();
    }
  }

  /** A token a change replaced with children, and the chain block that did it. */
  record Closing(String tokenId, long block) {
    public Closing {
      Require.nonNull("tokenId", tokenId);
      Require.nonNegative("block", block);
    }
  }

  /**
   * What the indexer read from the block after {@code after} up to {@code to}: the hashes of the
   * blocks it read (at least {@code to}'s), the logs in chain order, the tokens the logs minted and
   * closed.
   *
   * @param after the head the window was read on, empty for the first window; the window follows it
   *     without a gap, and is recorded only while it is still the head
   */
  record Window(
      Optional<BlockRef> after,
      BlockRef to,
      List<BlockRef> blocks,
      List<Log> logs,
      List<Token> minted,
      List<Closing> closed) {
    public Window {
      Require.nonNull("after", after);
      Require.nonNull("to", to);
      if (after.isPresent() && to.number() <= after.get().number()) {
        throw new InvalidValueException(
            "to", String.valueOf(to.number()), "must be above " + after.get().number());
      }
      blocks = List.copyOf(Require.noNulls("blocks", blocks));
      logs = List.copyOf(Require.noNulls("logs", logs));
      minted = List.copyOf(Require.noNulls("minted", minted));
      closed = List.copyOf(Require.noNulls("closed", closed));
      for (BlockRef b : blocks) {
        if (b.number() > to.number()) {
          throw new InvalidValueException(
              "blocks",
              String.valueOf(b.number()),
              "must not pass the window's end " + to.number());
        }
      }
    }
  }

  /** The newest block read, or empty before the first window. */
  Optional<BlockRef> head();

  /**
   * Records a window, all of it or nothing, and makes {@code window.to()} the head. A log recorded
   * before (same transaction hash and log index) is skipped, and so is a token minted before.
   *
   * @return how many logs were new
   * @throws HeadMovedException when the head is no longer {@code window.after()} (another indexer
   *     recorded or rolled back meanwhile); nothing is recorded
   * @throws InvalidValueException when a closing names a token never minted
   */
  int record(Window window);

  /** The head moved since the window was read: read again from the new head. */
  final class HeadMovedException extends org.ogcr.domain.common.DomainException {
    public HeadMovedException(Optional<BlockRef> expected, Optional<BlockRef> head) {
      super(
          "chain_index_head_moved",
          "the window was read after "
              + expected.map(BlockRef::toString).orElse("no block")
              + " but the head is now "
              + head.map(BlockRef::toString).orElse("no block")
              + "; read again from the head");
    }
  }

  /** The blocks read at or below {@code number}, newest first, at most {@code limit}. */
  List<BlockRef> blocks(long atOrBelow, int limit);

  /**
   * Forgets everything read above block {@code number}: its logs, the tokens it minted, the
   * closings it recorded (those tokens are live again) and the block hashes; the head becomes the
   * newest block read at or below {@code number}, or none.
   */
  void rollback(long number);

  /** The live tokens of an issuance (the keccak-256 of its id), in serial order. */
  List<Token> liveTokens(String issuance);

  /** Every issuance with a token, in the order of the keccak-256 of their ids. */
  List<String> issuances();

  /** Logs in chain order from block {@code fromBlock} on, at most {@code limit}. */
  List<Log> logs(long fromBlock, int limit);
}
