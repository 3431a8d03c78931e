package org.ogcr.adapter.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.adapter.evm.contracts.AnchorRegistry;
import org.ogcr.adapter.evm.contracts.CreditToken;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerRules;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The ledger port over the registry's contracts on an EVM network (OGCR 5): an {@code Anchor}
 * becomes {@code AnchorRegistry.anchor}, a {@code Mint} {@code CreditToken.mintIssuance} (one token
 * per block), an {@code Apply} {@code CreditToken.applyChange} on the tokens of the removed blocks.
 *
 * <p>Every registry string goes on chain as the keccak-256 of its UTF-8 text, the command id
 * included, and the contracts record each command id with the digest of its call: a retry of a
 * command the chain applied is a no-op, another command under a used id is refused ({@code
 * ledger_command_conflict}), and a change that does not fit the chain's tokens is refused by the
 * contract ({@code ledger_state_mismatch}). Each call is first simulated ({@code eth_call}), so a
 * refusal costs no transaction and is read from the contract's custom error; any other failure
 * (node down, registry paused, the relay's account without its role) is thrown as is, for the relay
 * to retry later.
 *
 * <p>The entries: the chain holds hashes, not the commands' text, so this ledger keeps a journal of
 * the commands it had applied, in the order the chain applied them, each with its block; an entry
 * is confirmed once {@code confirmations} blocks (its own included) are on top of it and its block
 * is still the chain's block at that height. The journal is this instance's memory: after a
 * restart, each command the relay sends again is found applied on chain and journaled anew.
 * Submissions are serialised, so one relay's transactions go out one after another in queue order.
 */
public final class EvmCreditLedger implements CreditLedger {

  /** How many times a transaction's receipt is asked for before the submission fails. */
  private static final int RECEIPT_ATTEMPTS = 600;

  private final Web3j web3j;
  private final EvmLedgerSettings settings;
  private final String from;
  private final CreditToken token;
  private final AnchorRegistry anchors;

  private final List<Journaled> journal = new ArrayList<>();
  private final Map<String, Journaled> byId = new HashMap<>();

  /** A command as the chain applied it. */
  private record Journaled(LedgerEntry entry, BigInteger block, String blockHash) {}

  public EvmCreditLedger(Web3j web3j, Credentials relay, EvmLedgerSettings settings) {
    this.web3j = Require.nonNull("web3j", web3j);
    this.settings = Require.nonNull("settings", settings);
    this.from = Require.nonNull("relay", relay).getAddress();
    RawTransactionManager tx =
        new RawTransactionManager(
            web3j,
            relay,
            settings.chainId(),
            new PollingTransactionReceiptProcessor(
                web3j, settings.receiptPolling().toMillis(), RECEIPT_ATTEMPTS));
    ContractGasProvider gas =
        settings
            .maxPriorityFee()
            .<ContractGasProvider>map(
                tip ->
                    new StaticEIP1559GasProvider(
                        settings.chainId(), settings.gasPrice(), tip, settings.gasLimit()))
            .orElseGet(() -> new StaticGasProvider(settings.gasPrice(), settings.gasLimit()));
    this.token = CreditToken.load(settings.tokenAddress(), web3j, tx, gas);
    this.anchors = AnchorRegistry.load(settings.anchorAddress(), web3j, tx, gas);
  }

  @Override
  public synchronized LedgerEntry submit(LedgerCommand command) {
    Require.nonNull("command", command);
    Journaled known = byId.get(command.id());
    if (known != null) {
      if (!known.entry().command().equals(command)) {
        throw new LedgerRefusedException(
            ChainRefusals.CONFLICT,
            "command id " + command.id() + " records another command on this ledger");
      }
      return withConfirmation(known);
    }
    try {
      byte[] id = key(command.id());
      if (applied(command, id)) {
        // applied before (by this relay before a restart, or by another relay)
        return journal(command, sameCommandAppliedAt(command, id));
      }
      Optional<LedgerRefusedException> refused;
      Call call = null;
      try {
        call = callOf(command, id);
        refused = refusal(call);
      } catch (LedgerRefusedException noLiveToken) {
        refused = Optional.of(noLiveToken);
      }
      if (refused.isPresent()) {
        if (refused.get().code().equals(ChainRefusals.MISMATCH) && applied(command, id)) {
          // the state moved because a transaction of an earlier attempt, mined late, applied
          // this very command: no refusal
          return journal(command, sameCommandAppliedAt(command, id));
        }
        throw refused.get();
      }
      TransactionReceipt receipt = call.write().send();
      return journal(command, receipt.getBlockNumber());
    } catch (RuntimeException e) {
      // refusals, and the failures the relay retries
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "the EVM node did not take command " + command.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<LedgerEntry> find(String commandId) {
    return Optional.ofNullable(byId.get(commandId)).map(this::withConfirmation);
  }

  @Override
  public synchronized List<LedgerEntry> entries(long fromSequence, int limit) {
    Require.positive("fromSequence", fromSequence);
    Require.positive("limit", limit);
    List<LedgerEntry> page = new ArrayList<>();
    Optional<BigInteger> latest = latestBlock();
    for (long s = fromSequence; s <= journal.size() && page.size() < limit; s++) {
      page.add(withConfirmation(journal.get((int) s - 1), latest));
    }
    return page;
  }

  // ----- the calls

  /** A command as a contract call: the contract's address and the call. */
  private record Call(String address, RemoteFunctionCall<TransactionReceipt> write) {}

  /** Whether the contract that takes {@code command} applied its id. */
  private boolean applied(LedgerCommand command, byte[] id) throws Exception {
    return command instanceof LedgerCommand.Anchor
        ? anchors.isApplied(id).send()
        : token.isApplied(id).send();
  }

  /**
   * Where the chain applied the command's id, once it is sure the chain applied this command: the
   * contract keeps the keccak of the calldata that applied the id, and the same anchor or mint
   * makes the same calldata. A block change applied before cannot be rebuilt (its tokens are closed
   * by now), so there the blocks the applying transaction minted ({@code CRUMinted} under the id)
   * must be the change's added blocks.
   */
  private BigInteger sameCommandAppliedAt(LedgerCommand command, byte[] id) throws Exception {
    if (command instanceof LedgerCommand.Apply apply) {
      org.web3j.protocol.core.methods.response.Log applied =
          appliedLog(token.getContractAddress(), id);
      List<ChainBlock> minted = mintedBy(applied.getTransactionHash(), id);
      List<ChainBlock> added =
          apply.change().added().stream()
              .map(ChainBlock::of)
              .sorted(Comparator.comparingLong(ChainBlock::first))
              .toList();
      if (!minted.equals(added)) {
        throw new LedgerRefusedException(
            ChainRefusals.CONFLICT,
            "command id "
                + command.id()
                + " was applied on chain to another change: it minted "
                + minted
                + ", not "
                + added);
      }
      return applied.getBlockNumber();
    }
    Call call = callOf(command, id);
    byte[] mine = Hash.sha3(Numeric.hexStringToByteArray(call.write().encodeFunctionCall()));
    byte[] applied =
        command instanceof LedgerCommand.Anchor
            ? anchors.commandDigest(id).send()
            : token.commandDigest(id).send();
    if (!java.util.Arrays.equals(mine, applied)) {
      throw new LedgerRefusedException(
          ChainRefusals.CONFLICT,
          "command id "
              + command.id()
              + " was applied on chain to another call (digest "
              + Numeric.toHexString(applied)
              + ")");
    }
    return appliedAt(call.address(), id);
  }

  /**
   * The call that applies a command. A block change's tokens are looked up on chain, so only a
   * change not applied yet can be built.
   */
  private Call callOf(LedgerCommand command, byte[] id) throws Exception {
    if (command instanceof LedgerCommand.Anchor a) {
      return new Call(
          anchors.getContractAddress(), anchors.anchor(id, key(a.kind()), a.hash().bytes()));
    }
    if (command instanceof LedgerCommand.Mint m) {
      CreditToken.IssuanceHeader header =
          new CreditToken.IssuanceHeader(
              key(m.issuance().value()),
              key(m.project().value()),
              key(m.report().value()),
              BigInteger.valueOf(m.vintageYear()));
      return new Call(
          token.getContractAddress(), token.mintIssuance(id, header, blocks(m.blocks())));
    }
    LedgerCommand.Apply apply = (LedgerCommand.Apply) command;
    List<BigInteger> removed = tokensOf(apply.change().removed());
    return new Call(
        token.getContractAddress(),
        token.applyChange(
            id, key(apply.operation()), removed, blocks(apply.change().added()), reason(apply)));
  }

  /**
   * The live token of each removed block, in serial order; a block without one does not fit the
   * chain: {@code ledger_state_mismatch}, before any transaction.
   */
  private List<BigInteger> tokensOf(List<CreditBlock> removed) throws Exception {
    // a BlockChange holds its blocks in serial order, as the contract wants them
    List<BigInteger> ids = new ArrayList<>();
    Map<String, List<CreditToken.TokenView>> live = new HashMap<>();
    for (CreditBlock b : removed) {
      List<CreditToken.TokenView> tokens = live.get(b.issuance().value());
      if (tokens == null) {
        tokens = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<BigInteger> idsOfIssuance =
            (List<BigInteger>) token.liveTokensOfIssuance(key(b.issuance().value())).send();
        for (BigInteger t : idsOfIssuance) {
          tokens.add(token.tokenData(t).send());
        }
        live.put(b.issuance().value(), tokens);
      }
      ids.add(
          tokens.stream()
              .filter(t -> matches(t, b))
              .map(t -> t.tokenId)
              .findFirst()
              .orElseThrow(
                  () ->
                      new LedgerRefusedException(
                          ChainRefusals.MISMATCH, "block " + b + " is not a live token on chain")));
    }
    return ids;
  }

  private static boolean matches(CreditToken.TokenView t, CreditBlock b) {
    return !t.closed
        && t.first.longValue() == b.range().first()
        && t.last.longValue() == b.range().last()
        && java.util.Arrays.equals(t.account, key(b.owner().value()))
        && t.status.intValue() == b.status().ordinal()
        && java.util.Arrays.equals(t.replacementFor, replacementFor(b));
  }

  /**
   * Blocks as the contract takes them, in serial order: a mint tiles its issuance in any order the
   * port allows, the contract wants them sorted.
   */
  private static List<CreditToken.Block> blocks(List<CreditBlock> blocks) {
    return blocks.stream()
        .sorted(Comparator.comparingLong(b -> b.range().first()))
        .map(
            b ->
                new CreditToken.Block(
                    BigInteger.valueOf(b.range().first()),
                    BigInteger.valueOf(b.range().last()),
                    key(b.owner().value()),
                    BigInteger.valueOf(b.status().ordinal()),
                    replacementFor(b)))
        .toList();
  }

  private static byte[] replacementFor(CreditBlock b) {
    return b.provenance().replacementFor().map(DocumentHash::bytes).orElse(new byte[32]);
  }

  /**
   * The reason code of children that are retired or invalidated: the registry's attestation of the
   * decision when the command names it ({@code apply-<receipt>}), else the operation's name.
   */
  private static byte[] reason(LedgerCommand.Apply apply) {
    boolean needed =
        apply.change().added().stream()
            .anyMatch(
                b -> b.status() == CreditStatus.RETIRED || b.status() == CreditStatus.INVALIDATED);
    if (!needed) {
      return new byte[32];
    }
    String id = apply.id();
    if (id.startsWith("apply-") && id.substring(6).matches("[0-9a-f]{64}")) {
      return new DocumentHash(id.substring(6)).bytes();
    }
    return key(apply.operation());
  }

  /**
   * The contract's refusal of the call, simulated with the gas limit the transaction would carry
   * (so a call that would run out of gas fails here, not on chain); empty when it would go through.
   */
  private Optional<LedgerRefusedException> refusal(Call call) throws IOException {
    EthCall result =
        web3j
            .ethCall(
                new Transaction(
                    from,
                    null,
                    null,
                    settings.gasLimit(),
                    call.address(),
                    null,
                    call.write().encodeFunctionCall()),
                DefaultBlockParameterName.LATEST)
            .send();
    if (!result.isReverted() && !result.hasError()) {
      return Optional.empty();
    }
    // the revert's return data: the error's data (a JSON string, quoted), else the call's value
    String data = result.hasError() ? String.valueOf(result.getError().getData()) : "";
    data = data.replace("\"", "").trim();
    if (data.equals("null") || data.isEmpty()) {
      data = result.getValue() == null ? "" : result.getValue();
    }
    ChainRefusals.Revert revert = new ChainRefusals.Revert(data);
    Optional<String> code = revert.code();
    if (code.isEmpty()) {
      throw new IllegalStateException(
          "the contract at " + call.address() + " reverts: " + revert.describe());
    }
    return Optional.of(
        new LedgerRefusedException(code.get(), "the chain refuses it: " + revert.describe()));
  }

  /** The most blocks one {@code eth_getLogs} of {@link #appliedAt} asks for. */
  private static final long LOG_WINDOW = 1000;

  /**
   * The block in which the contract at {@code address} applied {@code id}, from its {@code
   * CommandApplied} event. The search walks back from the newest block in windows of {@value
   * #LOG_WINDOW} blocks, within providers' range caps: the commands a restarted relay sends again
   * are its last ones, found in the first windows.
   */
  private BigInteger appliedAt(String address, byte[] id) throws IOException {
    return appliedLog(address, id).getBlockNumber();
  }

  /** The blocks transaction {@code tx} minted under command {@code id}, in serial order. */
  private List<ChainBlock> mintedBy(String tx, byte[] id) throws IOException {
    TransactionReceipt receipt =
        web3j
            .ethGetTransactionReceipt(tx)
            .send()
            .getTransactionReceipt()
            .orElseThrow(() -> new IOException("no receipt for transaction " + tx));
    List<ChainBlock> minted = new ArrayList<>();
    for (CreditToken.CRUMintedEventResponse e : CreditToken.getCRUMintedEvents(receipt)) {
      if (java.util.Arrays.equals(e.commandId, id)) {
        minted.add(
            new ChainBlock(
                e.first.longValue(),
                e.last.longValue(),
                CreditStatus.values()[e.status.intValue()],
                Numeric.toHexString(e.account),
                Numeric.toHexString(e.replacementFor)));
      }
    }
    minted.sort(Comparator.comparingLong(ChainBlock::first));
    return minted;
  }

  /** The {@code CommandApplied} event of {@code id} at the contract at {@code address}. */
  private org.web3j.protocol.core.methods.response.Log appliedLog(String address, byte[] id)
      throws IOException {
    long to = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    while (to >= 0) {
      long from = Math.max(0, to - LOG_WINDOW + 1);
      org.web3j.protocol.core.methods.request.EthFilter filter =
          new org.web3j.protocol.core.methods.request.EthFilter(
              DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
              DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
              address);
      filter.addSingleTopic(org.web3j.abi.EventEncoder.encode(CreditToken.COMMANDAPPLIED_EVENT));
      filter.addSingleTopic(org.web3j.utils.Numeric.toHexString(id));
      var response = web3j.ethGetLogs(filter).send();
      if (response.hasError()) {
        throw new IOException(
            "eth_getLogs of blocks " + from + "-" + to + ": " + response.getError().getMessage());
      }
      var logs = response.getLogs();
      if (!logs.isEmpty()) {
        return (org.web3j.protocol.core.methods.response.Log) logs.get(0).get();
      }
      to = from - 1;
    }
    throw new IllegalStateException("the chain says the command was applied, yet logs no event");
  }

  // ----- the journal

  private LedgerEntry journal(LedgerCommand command, BigInteger block) throws IOException {
    DocumentHash previous =
        journal.isEmpty() ? LedgerRules.GENESIS : journal.get(journal.size() - 1).entry().hash();
    LedgerEntry recorded = LedgerRules.entry(journal.size() + 1L, command, previous);
    Journaled j = new Journaled(recorded, block, blockHash(block));
    journal.add(j);
    byId.put(command.id(), j);
    return withConfirmation(j);
  }

  private LedgerEntry withConfirmation(Journaled j) {
    return withConfirmation(j, latestBlock());
  }

  /**
   * The entry, confirmed once {@code confirmations} blocks up to {@code latest} stand on it and its
   * block is still the chain's; not confirmed while the node cannot tell (the relay asks again).
   */
  private LedgerEntry withConfirmation(Journaled j, Optional<BigInteger> latest) {
    boolean confirmed;
    try {
      confirmed =
          latest.isPresent()
              && latest
                      .get()
                      .subtract(j.block())
                      .add(BigInteger.ONE)
                      .compareTo(BigInteger.valueOf(settings.confirmations()))
                  >= 0
              && j.blockHash().equals(blockHash(j.block()));
    } catch (IOException | RuntimeException e) {
      confirmed = false;
    }
    LedgerEntry e = j.entry();
    return new LedgerEntry(e.sequence(), e.command(), e.previous(), e.hash(), confirmed);
  }

  /** The chain's newest block, or empty when the node cannot tell now. */
  private Optional<BigInteger> latestBlock() {
    try {
      return Optional.of(web3j.ethBlockNumber().send().getBlockNumber());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private String blockHash(BigInteger block) throws IOException {
    EthBlock.Block b =
        web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(block), false).send().getBlock();
    return b == null ? "" : b.getHash();
  }

  // ----- reorganisations

  /**
   * Finds the journaled commands a chain reorganisation took away and applies them again, in the
   * journal's order, so that the chain again holds what the ledger recorded; commands the new chain
   * holds in other blocks are re-dated. Run it periodically, or when a block hash changed: until
   * then the entries of dropped blocks read as unconfirmed, so the relay does not count on them.
   *
   * @return the ids of the commands applied again
   */
  public synchronized List<String> resync() {
    List<String> reapplied = new ArrayList<>();
    try {
      int first = firstMoved();
      for (int i = first; i < journal.size(); i++) {
        Journaled j = journal.get(i);
        LedgerCommand command = j.entry().command();
        byte[] id = key(command.id());
        BigInteger block;
        if (applied(command, id)) {
          block = sameCommandAppliedAt(command, id);
        } else {
          Call call = callOf(command, id);
          Optional<LedgerRefusedException> refused = refusal(call);
          if (refused.isPresent()) {
            throw new IllegalStateException(
                "command "
                    + command.id()
                    + " no longer fits the chain after a reorganisation: "
                    + refused.get().getMessage());
          }
          block = call.write().send().getBlockNumber();
          reapplied.add(command.id());
        }
        Journaled moved = new Journaled(j.entry(), block, blockHash(block));
        journal.set(i, moved);
        byId.put(command.id(), moved);
      }
      return reapplied;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot resync with the chain: " + e.getMessage(), e);
    }
  }

  /**
   * The index of the first journaled command whose block is no longer the chain's. A reorganisation
   * replaces the chain's last blocks, so the scan goes back from the newest entry and stops at the
   * first one whose block stands: one request when nothing moved.
   */
  private int firstMoved() throws IOException {
    for (int i = journal.size() - 1; i >= 0; i--) {
      Journaled j = journal.get(i);
      if (j.blockHash().equals(blockHash(j.block()))) {
        return i + 1;
      }
    }
    return 0;
  }

  // ----- reconciliation

  /**
   * A credit block as the chain holds it: its serials, status, the keccak-256 of its account and
   * the attestation its credits replace (zero for original credits), in hex.
   */
  public record ChainBlock(
      long first, long last, CreditStatus status, String account, String replacementFor) {

    /** How the chain holds a registry block. */
    public static ChainBlock of(CreditBlock b) {
      return new ChainBlock(
          b.range().first(),
          b.range().last(),
          b.status(),
          Numeric.toHexString(key(b.owner().value())),
          Numeric.toHexString(EvmCreditLedger.replacementFor(b)));
    }
  }

  /** The live tokens of an issuance, as blocks, in serial order. */
  public List<ChainBlock> liveBlocks(IssuanceId issuance) {
    return liveBlocks(issuance, DefaultBlockParameterName.LATEST);
  }

  /** The live tokens of an issuance as they stood at block {@code number}, in serial order. */
  public List<ChainBlock> liveBlocks(IssuanceId issuance, long number) {
    return liveBlocks(issuance, DefaultBlockParameter.valueOf(BigInteger.valueOf(number)));
  }

  private synchronized List<ChainBlock> liveBlocks(IssuanceId issuance, DefaultBlockParameter at) {
    token.setDefaultBlockParameter(at);
    try {
      @SuppressWarnings("unchecked")
      List<BigInteger> ids =
          (List<BigInteger>) token.liveTokensOfIssuance(key(issuance.value())).send();
      List<ChainBlock> blocks = new ArrayList<>();
      for (BigInteger id : ids) {
        CreditToken.TokenView t = token.tokenData(id).send();
        blocks.add(
            new ChainBlock(
                t.first.longValue(),
                t.last.longValue(),
                CreditStatus.values()[t.status.intValue()],
                Numeric.toHexString(t.account),
                Numeric.toHexString(t.replacementFor)));
      }
      blocks.sort(Comparator.comparingLong(ChainBlock::first));
      return blocks;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read issuance " + issuance + " from the chain", e);
    } finally {
      token.setDefaultBlockParameter(DefaultBlockParameterName.LATEST);
    }
  }

  /**
   * Every difference between the registry's blocks of an issuance and the chain's live tokens: each
   * block only the registry has, and each token only the chain has. Empty when they agree.
   */
  public List<String> differences(IssuanceId issuance, List<CreditBlock> registry) {
    List<ChainBlock> expected = registry.stream().map(ChainBlock::of).toList();
    List<ChainBlock> onChain = liveBlocks(issuance);
    List<String> found = new ArrayList<>();
    expected.stream()
        .filter(b -> !onChain.contains(b))
        .forEach(b -> found.add("only in the registry: " + issuance + " " + b));
    onChain.stream()
        .filter(b -> !expected.contains(b))
        .forEach(b -> found.add("only on chain: " + issuance + " " + b));
    return found;
  }

  /** A registry string as the contracts know it: the keccak-256 of its UTF-8 text. */
  public static byte[] key(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }
}
