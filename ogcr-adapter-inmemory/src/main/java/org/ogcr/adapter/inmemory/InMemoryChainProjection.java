package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.ChainProjection;

/** The chain projection in memory; every method holds the projection's lock. */
public final class InMemoryChainProjection implements ChainProjection {

  private final TreeMap<Long, BlockRef> blocks = new TreeMap<>();
  private final List<Log> logs = new ArrayList<>();
  private final Set<String> logIds = new HashSet<>();
  private final Map<String, Token> tokens = new LinkedHashMap<>();
  private BlockRef head;

  @Override
  public synchronized Optional<BlockRef> head() {
    return Optional.ofNullable(head);
  }

  @Override
  public synchronized int record(Window window) {
    Require.nonNull("window", window);
    if (!window.after().equals(Optional.ofNullable(head))) {
      throw new HeadMovedException(window.after(), Optional.ofNullable(head));
    }
    Map<String, Token> minted = new LinkedHashMap<>();
    for (Token t : window.minted()) {
      if (!tokens.containsKey(t.tokenId())) {
        minted.put(t.tokenId(), t);
      }
    }
    for (Closing c : window.closed()) {
      if (!tokens.containsKey(c.tokenId()) && !minted.containsKey(c.tokenId())) {
        throw new InvalidValueException(
            "closed", c.tokenId(), "must name a token minted before or in this window");
      }
    }
    tokens.putAll(minted);
    for (Closing c : window.closed()) {
      Token t = tokens.get(c.tokenId());
      if (t.live()) {
        tokens.put(c.tokenId(), closed(t, OptionalLong.of(c.block())));
      }
    }
    int added = 0;
    for (Log l : window.logs()) {
      if (logIds.add(l.transaction() + "/" + l.logIndex())) {
        logs.add(l);
        added++;
      }
    }
    logs.sort(
        Comparator.comparingLong((Log l) -> l.block().number()).thenComparingInt(Log::logIndex));
    for (BlockRef b : window.blocks()) {
      blocks.put(b.number(), b);
    }
    blocks.put(window.to().number(), window.to());
    head = window.to();
    return added;
  }

  private static Token closed(Token t, OptionalLong in) {
    return new Token(
        t.tokenId(),
        t.issuance(),
        t.account(),
        t.first(),
        t.last(),
        t.status(),
        t.replacementFor(),
        t.parent(),
        t.mintedIn(),
        in);
  }

  @Override
  public synchronized List<BlockRef> blocks(long atOrBelow, int limit) {
    Require.between("limit", limit, 1, 10_000);
    return blocks.headMap(atOrBelow, true).descendingMap().values().stream().limit(limit).toList();
  }

  @Override
  public synchronized void rollback(long number) {
    blocks.tailMap(number, false).clear();
    logs.removeIf(
        l -> {
          boolean above = l.block().number() > number;
          if (above) {
            logIds.remove(l.transaction() + "/" + l.logIndex());
          }
          return above;
        });
    tokens.values().removeIf(t -> t.mintedIn() > number);
    tokens.replaceAll(
        (id, t) ->
            t.closedIn().isPresent() && t.closedIn().getAsLong() > number
                ? closed(t, OptionalLong.empty())
                : t);
    head = blocks.isEmpty() ? null : blocks.lastEntry().getValue();
  }

  @Override
  public synchronized List<Token> liveTokens(String issuance) {
    return tokens.values().stream()
        .filter(t -> t.issuance().equals(issuance) && t.live())
        .sorted(Comparator.comparingLong(Token::first))
        .toList();
  }

  @Override
  public synchronized List<String> issuances() {
    return tokens.values().stream().map(Token::issuance).distinct().sorted().toList();
  }

  @Override
  public synchronized List<Log> logs(long fromBlock, int limit) {
    Require.between("limit", limit, 1, 10_000);
    return logs.stream().filter(l -> l.block().number() >= fromBlock).limit(limit).toList();
  }
}
