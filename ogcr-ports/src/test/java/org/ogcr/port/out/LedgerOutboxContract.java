package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.port.out.LedgerOutbox.State;

/** What every {@link LedgerOutbox} must do; adapters' tests extend it unchanged. */
public abstract class LedgerOutboxContract {

  protected static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** An outbox with nothing queued. */
  protected abstract LedgerOutbox emptyOutbox();

  protected static LedgerCommand anchor(int i) {
    return new LedgerCommand.Anchor("doc-" + i, "pdd", DocumentHash.sha256("doc " + i));
  }

  static LedgerEntry entry(LedgerCommand c) {
    return new LedgerEntry(1, c, DocumentHash.sha256("prev"), DocumentHash.sha256("hash"), true);
  }

  @Test
  void givenQueuedCommands_due_returnsThemOldestFirst_andQueuingTwiceChangesNothing() {
    LedgerOutbox outbox = emptyOutbox();
    outbox.enqueue(anchor(1), T0);
    outbox.enqueue(anchor(2), T0);
    outbox.enqueue(anchor(1), T0);
    assertThat(outbox.due(T0, 10))
        .extracting(i -> i.command().id())
        .containsExactly("doc-1", "doc-2");
    assertThat(outbox.due(T0, 1)).hasSize(1);
  }

  @Test
  void givenIdQueuedForAnotherCommand_enqueue_isRefused() {
    LedgerOutbox outbox = emptyOutbox();
    outbox.enqueue(anchor(1), T0);
    assertThatThrownBy(
            () ->
                outbox.enqueue(
                    new LedgerCommand.Anchor("doc-1", "mrv", DocumentHash.sha256("x")), T0))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("ledger_command_conflict"));
  }

  @Test
  void givenFailedHead_due_holdsBackEverythingQueuedAfterIt() {
    LedgerOutbox outbox = emptyOutbox();
    outbox.enqueue(anchor(1), T0);
    outbox.enqueue(anchor(2), T0);
    outbox.markFailed("doc-1", "ledger unreachable", T0.plusSeconds(10));
    assertThat(outbox.due(T0.plusSeconds(5), 10)).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(10), 10))
        .extracting(i -> i.command().id())
        .containsExactly("doc-1", "doc-2");
    LedgerOutbox.Item failed = outbox.find("doc-1").orElseThrow();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("ledger unreachable");
  }

  @Test
  void givenAwaitingConfirmation_theCommandWaitsInItsPlace_withoutCountingAFailedAttempt() {
    LedgerOutbox outbox = emptyOutbox();
    outbox.enqueue(anchor(1), T0);
    outbox.enqueue(anchor(2), T0);
    outbox.markFailed("doc-1", "ledger unreachable", T0.plusSeconds(1));
    outbox.markAwaiting("doc-1", T0.plusSeconds(2));
    outbox.markAwaiting("doc-1", T0.plusSeconds(3));
    assertThat(outbox.due(T0.plusSeconds(2), 10)).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(3), 10))
        .extracting(i -> i.command().id())
        .containsExactly("doc-1", "doc-2");
    LedgerOutbox.Item waiting = outbox.find("doc-1").orElseThrow();
    assertThat(waiting.state()).isEqualTo(LedgerOutbox.State.PENDING);
    assertThat(waiting.attempts()).as("only the failure counts").isEqualTo(1);
    assertThat(waiting.lastError()).contains(LedgerOutbox.AWAITING);
  }

  @Test
  void givenRelayedOrRefused_commandLeavesTheQueue_andCannotBeMarkedAgain() {
    LedgerOutbox outbox = emptyOutbox();
    outbox.enqueue(anchor(1), T0);
    outbox.enqueue(anchor(2), T0);
    outbox.markRelayed("doc-1", entry(anchor(1)));
    outbox.markRefused("doc-2", "ledger_state_mismatch: not minted");
    assertThat(outbox.due(T0, 10)).isEmpty();
    assertThat(outbox.find("doc-1").orElseThrow().state()).isEqualTo(State.RELAYED);
    assertThat(outbox.find("doc-1").orElseThrow().entry()).isPresent();
    assertThat(outbox.find("doc-2").orElseThrow().state()).isEqualTo(State.REFUSED);
    // a relay that lost the race reports late: the relayed outcome stands
    outbox.markFailed("doc-1", "late", T0);
    assertThat(outbox.find("doc-1").orElseThrow().state()).isEqualTo(State.RELAYED);
    assertThatThrownBy(() -> outbox.markFailed("doc-2", "late", T0))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_value"));
    assertThatThrownBy(() -> outbox.markRelayed("doc-9", entry(anchor(9))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_value"));
    assertThat(outbox.find("doc-9")).isEmpty();
  }
}
