package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.port.out.ChainProjection.BlockRef;
import org.ogcr.port.out.ChainProjection.Closing;
import org.ogcr.port.out.ChainProjection.Log;
import org.ogcr.port.out.ChainProjection.Token;
import org.ogcr.port.out.ChainProjection.Window;

/** What every {@link ChainProjection} must do; adapters' tests extend it unchanged. */
public abstract class ChainProjectionContract {

  /** A projection with nothing read. */
  protected abstract ChainProjection emptyProjection();

  static final String ISSUANCE = hex('a');
  static final String OTHER = hex('b');
  static final String ZERO = "0x" + "0".repeat(64);

  static String hex(char c) {
    return "0x" + String.valueOf(c).repeat(64);
  }

  static BlockRef block(long n) {
    return new BlockRef(n, "0x" + String.format("%064x", n * 7919));
  }

  static BlockRef forked(long n) {
    return new BlockRef(n, "0x" + String.format("%064x", n * 104729));
  }

  static Log log(BlockRef b, int tx, int index, String event) {
    return new Log(
        b,
        "0x" + String.format("%064x", tx),
        index,
        "0x" + "1".repeat(40),
        event,
        hex('c'),
        "tokenId=" + tx);
  }

  static Token token(String id, String issuance, long first, long last, String parent, long in) {
    return new Token(
        id,
        issuance,
        hex('d'),
        first,
        last,
        CreditStatus.HELD,
        ZERO,
        parent,
        in,
        OptionalLong.empty());
  }

  /** Block 10 mints tokens 1 (serials 1-400) and 2 (401-429) of ISSUANCE, 3 of OTHER. */
  static Window issuanceAt10() {
    BlockRef b = block(10);
    return new Window(
        Optional.empty(),
        b,
        List.of(block(5), b),
        List.of(
            log(b, 1, 0, "IssuanceMinted"), log(b, 1, 1, "CRUMinted"), log(b, 1, 2, "CRUMinted")),
        List.of(
            token("1", ISSUANCE, 1, 400, "0", 10),
            token("2", ISSUANCE, 401, 429, "0", 10),
            token("3", OTHER, 1, 10, "0", 10)),
        List.of());
  }

  /** Block 20 closes token 1 and mints its children 4 (1-100) and 5 (101-400). */
  static Window splitAt20() {
    BlockRef b = block(20);
    return new Window(
        Optional.of(block(10)),
        b,
        List.of(b),
        List.of(log(b, 2, 0, "BlockClosed"), log(b, 2, 1, "CRUMinted"), log(b, 2, 2, "CRUMinted")),
        List.of(token("4", ISSUANCE, 1, 100, "1", 20), token("5", ISSUANCE, 101, 400, "1", 20)),
        List.of(new Closing("1", 20)));
  }

  @Test
  void givenNothingRead_everyReadIsEmpty() {
    ChainProjection p = emptyProjection();
    assertThat(p.head()).isEmpty();
    assertThat(p.issuances()).isEmpty();
    assertThat(p.liveTokens(ISSUANCE)).isEmpty();
    assertThat(p.logs(0, 10)).isEmpty();
    assertThat(p.blocks(100, 10)).isEmpty();
  }

  @Test
  void givenWindows_recordMovesTheHead_andTheReadsFollowTheEvents() {
    ChainProjection p = emptyProjection();
    assertThat(p.record(issuanceAt10())).isEqualTo(3);
    assertThat(p.head()).contains(block(10));
    assertThat(p.record(splitAt20())).isEqualTo(3);
    assertThat(p.head()).contains(block(20));

    assertThat(p.issuances()).containsExactly(ISSUANCE, OTHER);
    assertThat(p.liveTokens(ISSUANCE))
        .extracting(Token::tokenId, Token::first, Token::last, Token::parent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("4", 1L, 100L, "1"),
            org.assertj.core.groups.Tuple.tuple("5", 101L, 400L, "1"),
            org.assertj.core.groups.Tuple.tuple("2", 401L, 429L, "0"));
    assertThat(p.liveTokens(ISSUANCE)).allMatch(Token::live);
    assertThat(p.liveTokens(ISSUANCE).stream().mapToLong(Token::amount).sum()).isEqualTo(429);
    assertThat(p.logs(0, 100))
        .extracting(Log::event)
        .containsExactly(
            "IssuanceMinted", "CRUMinted", "CRUMinted", "BlockClosed", "CRUMinted", "CRUMinted");
    assertThat(p.logs(20, 2)).extracting(Log::logIndex).containsExactly(0, 1);
    assertThat(p.logs(0, 1).get(0)).isEqualTo(log(block(10), 1, 0, "IssuanceMinted"));
    assertThat(p.blocks(20, 10)).containsExactly(block(20), block(10), block(5));
    assertThat(p.blocks(19, 1)).containsExactly(block(10));
  }

  @Test
  void givenLogsAndTokensRecordedBefore_recordSkipsThem() {
    ChainProjection p = emptyProjection();
    p.record(issuanceAt10());
    BlockRef b = block(11);
    Window again =
        new Window(
            Optional.of(block(10)),
            b,
            List.of(b),
            List.of(log(block(10), 1, 2, "CRUMinted"), log(b, 9, 0, "DocumentAnchored")),
            List.of(token("3", OTHER, 1, 10, "0", 10)),
            List.of());
    assertThat(p.record(again)).isEqualTo(1);
    assertThat(p.logs(0, 100)).hasSize(4);
    assertThat(p.liveTokens(OTHER)).hasSize(1);
  }

  @Test
  void givenAWindowReadOnAnotherHead_recordRefusesIt_andChangesNothing() {
    ChainProjection p = emptyProjection();
    p.record(issuanceAt10());
    // another indexer recorded block 20 meanwhile: a window read after block 10 does not follow
    p.record(splitAt20());
    BlockRef b = block(30);
    Window stale =
        new Window(
            Optional.of(block(10)),
            b,
            List.of(b),
            List.of(log(b, 3, 0, "DocumentAnchored")),
            List.of(),
            List.of());
    assertThatThrownBy(() -> p.record(stale))
        .isInstanceOfSatisfying(
            ChainProjection.HeadMovedException.class,
            e -> assertThat(e.code()).isEqualTo("chain_index_head_moved"));
    assertThat(p.head()).contains(block(20));
    assertThat(p.logs(30, 10)).isEmpty();
    // nor does a first window once there is a head
    assertThatThrownBy(() -> p.record(issuanceAt10()))
        .isInstanceOf(ChainProjection.HeadMovedException.class);
  }

  @Test
  void givenAClosingOfAnUnknownToken_recordRefusesTheWholeWindow() {
    ChainProjection p = emptyProjection();
    BlockRef b = block(10);
    Window bad =
        new Window(
            Optional.empty(),
            b,
            List.of(b),
            List.of(log(b, 1, 0, "CRUMinted")),
            List.of(token("7", ISSUANCE, 1, 10, "0", 10)),
            List.of(new Closing("99", 10)));
    assertThatThrownBy(() -> p.record(bad))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("99");
    assertThat(p.head()).isEmpty();
    assertThat(p.logs(0, 10)).isEmpty();
    assertThat(p.liveTokens(ISSUANCE)).isEmpty();
  }

  @Test
  void givenAReorganisation_rollbackForgetsWhatWasReadAbove_andTheClosedTokensLiveAgain() {
    ChainProjection p = emptyProjection();
    p.record(issuanceAt10());
    p.record(splitAt20());
    p.rollback(15);
    assertThat(p.head()).contains(block(10));
    assertThat(p.liveTokens(ISSUANCE)).extracting(Token::tokenId).containsExactly("1", "2");
    assertThat(p.logs(0, 100)).hasSize(3);
    assertThat(p.blocks(100, 10)).containsExactly(block(10), block(5));

    // the new branch: the same transaction, mined in another block 20, is recorded again
    BlockRef b = forked(20);
    Window rebranched =
        new Window(
            Optional.of(block(10)),
            b,
            List.of(b),
            List.of(log(b, 2, 0, "BlockClosed")),
            List.of(token("4", ISSUANCE, 1, 400, "1", 20)),
            List.of(new Closing("1", 20)));
    assertThat(p.record(rebranched)).isEqualTo(1);
    assertThat(p.head()).contains(forked(20));
    assertThat(p.liveTokens(ISSUANCE)).extracting(Token::tokenId).containsExactly("4", "2");

    p.rollback(4);
    assertThat(p.head()).isEmpty();
    assertThat(p.issuances()).isEmpty();
    assertThat(p.logs(0, 100)).isEmpty();
  }
}
