package org.ogcr.adapter.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.ogcr.adapter.evm.contracts.AnchorRegistry;
import org.ogcr.adapter.evm.contracts.CreditToken;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.port.out.ChainProjection;
import org.ogcr.port.out.ChainProjection.BlockRef;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.Contract;
import org.web3j.utils.Numeric;

/**
 * Reads the events of the registry's contracts into a {@link ChainProjection}: {@code eth_getLogs}
 * in windows of blocks, up to the newest block with {@code confirmations} blocks on it (its own
 * included), each log once (transaction hash and log index), each window recorded whole.
 *
 * <p>Reorganisations are found by block hash: each round first compares the hash the projection
 * holds for its head with the chain's. When they differ it walks back through the blocks it read,
 * newest first, to the newest one the chain still has, rolls the projection back to it and reads
 * forward again, so the dropped blocks' logs and tokens go and the new branch's come in. A window's
 * logs are recorded only if every block they came from, its last block and the head it follows are
 * still the chain's when the window is checked, so a reorganisation during a read, or between two
 * windows, is not taken in; and only if the projection's head is still the one it was read on, so
 * two indexers over one database never leave a gap.
 *
 * <p>Not thread-safe for concurrent rounds on one instance ({@link #poll} is synchronized); several
 * servers may index into one database, whose projection serialises their writes.
 */
public final class EvmChainIndexer {

  /**
   * What to read and how.
   *
   * @param contracts the addresses whose logs are read (the token and the anchor registry)
   * @param startBlock the first block to read: the contracts' deployment block
   * @param confirmations blocks on top of a block, its own included, before it is read: 1 reads the
   *     newest block
   * @param window the most blocks one {@code eth_getLogs} asks for (providers cap the range)
   */
  public record Settings(List<String> contracts, long startBlock, int confirmations, int window) {
    public Settings {
      contracts =
          List.copyOf(Require.nonEmpty("contracts", contracts)).stream()
              .map(a -> a.toLowerCase(java.util.Locale.ROOT))
              .toList();
      Require.nonNegative("startBlock", startBlock);
      Require.between("confirmations", confirmations, 1, 10_000);
      Require.between("window", window, 1, 100_000);
    }

    /** The token and anchor registry of a ledger's settings. */
    public static Settings of(EvmLedgerSettings ledger, long startBlock, int window) {
      return new Settings(
          List.of(ledger.tokenAddress(), ledger.anchorAddress()),
          startBlock,
          ledger.confirmations(),
          window);
    }
  }

  /**
   * What one round did.
   *
   * @param rolledBackTo the block the projection was rolled back to after a reorganisation (-1: all
   *     of it), if one was found
   * @param head the projection's head after the round, if it read anything
   * @param logs how many logs were new
   */
  public record Round(OptionalLong rolledBackTo, Optional<BlockRef> head, int logs) {}

  /** An event of the contracts, with its parameters' names in declaration order. */
  private record Known(String name, Event event, List<String> parameters) {}

  private static final Map<String, Known> EVENTS = new HashMap<>();

  static {
    known(
        "IssuanceMinted",
        CreditToken.ISSUANCEMINTED_EVENT,
        "issuanceKey",
        "projectId",
        "reportId",
        "vintage",
        "totalCredits",
        "blockCount",
        "commandId");
    known(
        "CRUMinted",
        CreditToken.CRUMINTED_EVENT,
        "tokenId",
        "issuanceKey",
        "account",
        "first",
        "last",
        "status",
        "parentTokenId",
        "replacementFor",
        "commandId");
    known("BlockClosed", CreditToken.BLOCKCLOSED_EVENT, "tokenId", "issuanceKey", "commandId");
    known(
        "CRURetired",
        CreditToken.CRURETIRED_EVENT,
        "tokenId",
        "issuanceKey",
        "account",
        "amount",
        "reasonCode",
        "commandId");
    known(
        "CRUInvalidated",
        CreditToken.CRUINVALIDATED_EVENT,
        "tokenId",
        "issuanceKey",
        "account",
        "amount",
        "reasonCode",
        "commandId");
    known(
        "BlockChangeApplied",
        CreditToken.BLOCKCHANGEAPPLIED_EVENT,
        "commandId",
        "issuanceKey",
        "operation",
        "removedTokenIds",
        "addedTokenIds");
    known(
        "CommandApplied",
        CreditToken.COMMANDAPPLIED_EVENT,
        "commandId",
        "calldataDigest",
        "sender");
    known("Transfer", CreditToken.TRANSFER_EVENT, "from", "to", "tokenId");
    known("Approval", CreditToken.APPROVAL_EVENT, "owner", "approved", "tokenId");
    known("ApprovalForAll", CreditToken.APPROVALFORALL_EVENT, "owner", "operator", "approved");
    known(
        "DocumentAnchored",
        AnchorRegistry.DOCUMENTANCHORED_EVENT,
        "documentHash",
        "kind",
        "anchoredBy",
        "timestamp",
        "commandId");
    known(
        "BatchAnchored",
        AnchorRegistry.BATCHANCHORED_EVENT,
        "root",
        "kind",
        "anchoredBy",
        "leafCount",
        "timestamp",
        "commandId");
  }

  private static void known(String name, Event event, String... parameters) {
    if (event.getParameters().size() != parameters.length) {
      throw new IllegalStateException("event " + name + " does not have the parameters named");
    }
    EVENTS.put(EventEncoder.encode(event), new Known(name, event, List.of(parameters)));
  }

  private final Web3j web3j;
  private final ChainProjection projection;
  private final Settings settings;

  public EvmChainIndexer(Web3j web3j, ChainProjection projection, Settings settings) {
    this.web3j = Require.nonNull("web3j", web3j);
    this.projection = Require.nonNull("projection", projection);
    this.settings = Require.nonNull("settings", settings);
  }

  /**
   * One round: finds and rolls back a reorganisation, then reads every window up to the newest
   * confirmed block.
   *
   * @throws IllegalStateException when the node cannot be read; the projection keeps every window
   *     recorded before, and the next round goes on from there
   */
  public synchronized Round poll() {
    try {
      OptionalLong rolledBack = OptionalLong.empty();
      Optional<BlockRef> head = projection.head();
      if (head.isPresent() && !standing(head.get())) {
        long to = forkPoint(head.get());
        projection.rollback(to);
        rolledBack = OptionalLong.of(to);
      }
      long safe =
          web3j.ethBlockNumber().send().getBlockNumber().longValueExact()
              - settings.confirmations()
              + 1;
      Optional<BlockRef> after = projection.head();
      long from = after.map(b -> b.number() + 1).orElse(settings.startBlock());
      int logs = 0;
      while (from <= safe) {
        long to = Math.min(safe, from + settings.window() - 1);
        Optional<ChainProjection.Window> window = window(after, from, to);
        if (window.isEmpty()) {
          break; // a reorganisation under the read: the next round finds it
        }
        try {
          logs += projection.record(window.get());
        } catch (ChainProjection.HeadMovedException anotherIndexer) {
          break; // another indexer over the same database moved the head: the next round goes on
        }
        after = Optional.of(window.get().to());
        from = to + 1;
      }
      return new Round(rolledBack, projection.head(), logs);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the chain's logs: " + e.getMessage(), e);
    }
  }

  /** The newest block read that the chain still has, or {@code startBlock - 1}. */
  private long forkPoint(BlockRef head) throws IOException {
    long at = head.number();
    while (true) {
      List<BlockRef> read = projection.blocks(at, 256);
      if (read.isEmpty()) {
        return settings.startBlock() - 1;
      }
      for (BlockRef b : read) {
        if (standing(b)) {
          return b.number();
        }
      }
      at = read.get(read.size() - 1).number() - 1;
    }
  }

  private boolean standing(BlockRef b) throws IOException {
    return b.hash().equals(hashAt(b.number()).orElse(""));
  }

  /**
   * The chain's hash at {@code number}; empty when the chain is shorter (a reorganisation shortened
   * it). An error, or a node that has not got a block below its newest, is an I/O failure, never a
   * reorganisation: the projection is not rolled back because a node is unwell.
   */
  private Optional<String> hashAt(long number) throws IOException {
    EthBlock response =
        web3j
            .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
            .send();
    if (response.hasError()) {
      throw new IOException(
          "eth_getBlockByNumber " + number + ": " + response.getError().getMessage());
    }
    if (response.getBlock() != null) {
      return Optional.of(response.getBlock().getHash());
    }
    long newest = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    if (number <= newest) {
      throw new IOException(
          "the node has no block "
              + number
              + " though its newest is "
              + newest
              + "; still syncing?");
    }
    return Optional.empty();
  }

  /**
   * The logs of blocks {@code from..to}, read on the head {@code after}; empty when that head, or a
   * block they came from, is gone already.
   */
  private Optional<ChainProjection.Window> window(Optional<BlockRef> after, long from, long to)
      throws IOException {
    Optional<String> toHash = hashAt(to);
    if (toHash.isEmpty()) {
      return Optional.empty();
    }
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            settings.contracts());
    EthLog response = web3j.ethGetLogs(filter).send();
    if (response.hasError()) {
      throw new IOException(
          "eth_getLogs of blocks "
              + from
              + "-"
              + to
              + ": "
              + response.getError().getMessage()
              + " (a provider's range cap? lower --evm-log-window)");
    }
    List<ChainProjection.Log> logs = new ArrayList<>();
    List<ChainProjection.Token> minted = new ArrayList<>();
    List<ChainProjection.Closing> closed = new ArrayList<>();
    Map<Long, BlockRef> blocks = new LinkedHashMap<>();
    for (EthLog.LogResult<?> result : response.getLogs()) {
      Log log = (Log) result.get();
      if (log.isRemoved()) {
        continue;
      }
      BlockRef block = new BlockRef(log.getBlockNumber().longValueExact(), log.getBlockHash());
      blocks.putIfAbsent(block.number(), block);
      read(log, block, logs, minted, closed);
    }
    // every block the logs came from must still be the chain's, `to` included
    for (BlockRef b : blocks.values()) {
      if (!standing(b)) {
        return Optional.empty();
      }
    }
    BlockRef end = new BlockRef(to, toHash.get());
    // the window follows the head without a gap only while the head still stands
    if (!standing(end) || (after.isPresent() && !standing(after.get()))) {
      return Optional.empty();
    }
    return Optional.of(
        new ChainProjection.Window(after, end, List.copyOf(blocks.values()), logs, minted, closed));
  }

  private static void read(
      Log log,
      BlockRef block,
      List<ChainProjection.Log> logs,
      List<ChainProjection.Token> minted,
      List<ChainProjection.Closing> closed) {
    String topic = log.getTopics().isEmpty() ? "" : log.getTopics().get(0);
    Known known = EVENTS.get(topic);
    Map<String, Object> values = new LinkedHashMap<>();
    String name;
    if (known == null) {
      name = topic.isEmpty() ? "anonymous" : topic;
      values.put("topics", String.join(",", log.getTopics()));
      values.put("data", log.getData());
    } else {
      name = known.name();
      values = values(known, log);
    }
    Object command = values.get("commandId");
    logs.add(
        new ChainProjection.Log(
            block,
            log.getTransactionHash(),
            log.getLogIndex().intValueExact(),
            log.getAddress().toLowerCase(java.util.Locale.ROOT),
            name,
            command == null ? "" : command.toString(),
            values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "))));
    if (name.equals("CRUMinted")) {
      minted.add(
          new ChainProjection.Token(
              values.get("tokenId").toString(),
              values.get("issuanceKey").toString(),
              values.get("account").toString(),
              Long.parseLong(values.get("first").toString()),
              Long.parseLong(values.get("last").toString()),
              CreditStatus.values()[Integer.parseInt(values.get("status").toString())],
              values.get("replacementFor").toString(),
              values.get("parentTokenId").toString(),
              block.number(),
              OptionalLong.empty()));
    } else if (name.equals("BlockClosed")) {
      closed.add(new ChainProjection.Closing(values.get("tokenId").toString(), block.number()));
    }
  }

  /** The event's parameters by name, as text: numbers in decimal, bytes and addresses in hex. */
  private static Map<String, Object> values(Known known, Log log) {
    EventValues decoded = Contract.staticExtractEventParameters(known.event(), log);
    if (decoded == null) {
      throw new InvalidValueException(
          "log",
          log.getTransactionHash() + "/" + log.getLogIndex(),
          "must decode as " + known.name());
    }
    Map<String, Object> values = new LinkedHashMap<>();
    int indexed = 0;
    int plain = 0;
    List<TypeReference<Type>> parameters = known.event().getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      Type<?> value =
          parameters.get(i).isIndexed()
              ? decoded.getIndexedValues().get(indexed++)
              : decoded.getNonIndexedValues().get(plain++);
      values.put(known.parameters().get(i), text(value.getValue()));
    }
    return values;
  }

  private static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return Numeric.toHexString(bytes);
    }
    if (value instanceof List<?> list) {
      return list.stream()
          .map(v -> v instanceof Type<?> t ? text(t.getValue()) : text(v))
          .collect(Collectors.joining(",", "[", "]"));
    }
    return String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
  }
}
