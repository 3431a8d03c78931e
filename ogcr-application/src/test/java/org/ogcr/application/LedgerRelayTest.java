package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.inmemory.InMemoryCreditLedger;
import org.ogcr.adapter.inmemory.InMemoryLedgerOutbox;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerOutbox;

class LedgerRelayTest {

  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  final InMemoryLedgerOutbox outbox = new InMemoryLedgerOutbox();
  final InMemoryCreditLedger real = new InMemoryCreditLedger();

  /**
   * A ledger that fails the next {@code failures} calls for {@code failing} (any command when
   * null), optionally after recording them; or answers unconfirmed while {@code unconfirmed} > 0.
   */
  static final class Flaky implements CreditLedger {
    final CreditLedger inner;
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger unconfirmed = new AtomicInteger();
    boolean recordThenFail;
    String failing;

    Flaky(CreditLedger inner) {
      this.inner = inner;
    }

    @Override
    public LedgerEntry submit(LedgerCommand command) {
      if (unconfirmed.get() > 0) {
        unconfirmed.decrementAndGet();
        LedgerEntry e = inner.submit(command);
        return new LedgerEntry(e.sequence(), e.command(), e.previous(), e.hash(), false);
      }
      boolean targeted = failing == null || failing.equals(command.id());
      if (targeted && failures.get() > 0) {
        failures.decrementAndGet();
        if (recordThenFail) {
          inner.submit(command); // recorded, but the answer is lost
        }
        throw new IllegalStateException("ledger unreachable");
      }
      return inner.submit(command);
    }

    @Override
    public Optional<LedgerEntry> find(String commandId) {
      return inner.find(commandId);
    }

    @Override
    public List<LedgerEntry> entries(long fromSequence, int limit) {
      return inner.entries(fromSequence, limit);
    }
  }

  static LedgerCommand anchor(int i) {
    return new LedgerCommand.Anchor("doc-" + i, "pdd", DocumentHash.sha256("doc " + i));
  }

  LedgerRelay relay(CreditLedger ledger) {
    return new LedgerRelay(outbox, ledger, clock, Duration.ofSeconds(1), Duration.ofMinutes(5));
  }

  @Test
  void givenQueuedCommands_relay_sendsThemInOrder() {
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(anchor(i), T0);
    }
    assertThat(relay(real).relayDue(10)).isEqualTo(new LedgerRelay.Round(3, 0, 0));
    assertThat(real.entries(1, 10))
        .extracting(e -> e.command().id())
        .containsExactly("doc-0", "doc-1", "doc-2");
    assertThat(outbox.find("doc-1").orElseThrow().state()).isEqualTo(LedgerOutbox.State.RELAYED);
    assertThat(relay(real).relayDue(10)).isEqualTo(new LedgerRelay.Round(0, 0, 0));
  }

  @Test
  void givenLedgerDown_relay_backsOffExponentially_andKeepsTheOrder() {
    Flaky flaky = new Flaky(real);
    flaky.failures.set(3);
    flaky.failing = "doc-0"; // doc-1 would go through: only the relay's order holds it back
    outbox.enqueue(anchor(0), T0);
    outbox.enqueue(anchor(1), T0);
    LedgerRelay relay = relay(flaky);

    assertThat(relay.relayDue(10)).isEqualTo(new LedgerRelay.Round(0, 0, 1));
    assertThat(real.entries(1, 10)).as("doc-1 never overtakes doc-0").isEmpty();
    LedgerOutbox.Item first = outbox.find("doc-0").orElseThrow();
    assertThat(first.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(first.lastError()).contains("ledger unreachable");

    assertThat(relay.relayDue(10).relayed()).as("not yet due").isZero();
    clock.advance(Duration.ofSeconds(1));
    relay.relayDue(10);
    assertThat(outbox.find("doc-0").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(1 + 2));
    clock.advance(Duration.ofSeconds(2));
    relay.relayDue(10);
    assertThat(outbox.find("doc-0").orElseThrow().nextAttemptAt())
        .isEqualTo(T0.plusSeconds(1 + 2 + 4));
    clock.advance(Duration.ofSeconds(4));
    assertThat(relay.relayDue(10)).isEqualTo(new LedgerRelay.Round(2, 0, 0));
    assertThat(real.entries(1, 10))
        .extracting(e -> e.command().id())
        .containsExactly("doc-0", "doc-1");
  }

  @Test
  void givenAnswerLostAfterRecording_retry_recordsNothingTwice() {
    Flaky flaky = new Flaky(real);
    flaky.failures.set(1);
    flaky.recordThenFail = true;
    outbox.enqueue(anchor(7), T0);
    relay(flaky).relayDue(10);
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay(flaky).relayDue(10).relayed()).isEqualTo(1);
    assertThat(real.entries(1, 10)).hasSize(1);
  }

  @Test
  void givenCommandTheLedgerRefuses_relay_marksItForReconciliation_andGoesOn() {
    real.submit(new LedgerCommand.Anchor("doc-0", "pdd", DocumentHash.sha256("another")));
    outbox.enqueue(anchor(0), T0);
    outbox.enqueue(anchor(1), T0);
    assertThat(relay(real).relayDue(10)).isEqualTo(new LedgerRelay.Round(1, 1, 0));
    LedgerOutbox.Item refused = outbox.find("doc-0").orElseThrow();
    assertThat(refused.state()).isEqualTo(LedgerOutbox.State.REFUSED);
    assertThat(refused.lastError())
        .hasValueSatisfying(e -> assertThat(e).startsWith("ledger_command_conflict"));
  }

  @Test
  void givenUnconfirmedEntry_relay_keepsItPendingUntilConfirmed() {
    Flaky flaky = new Flaky(real);
    flaky.unconfirmed.set(1);
    outbox.enqueue(anchor(0), T0);
    outbox.enqueue(anchor(1), T0);
    assertThat(relay(flaky).relayDue(10)).isEqualTo(new LedgerRelay.Round(0, 0, 0));
    assertThat(outbox.find("doc-0").orElseThrow().state()).isEqualTo(LedgerOutbox.State.PENDING);
    assertThat(outbox.find("doc-0").orElseThrow().lastError()).contains("awaiting confirmation");
    assertThat(outbox.find("doc-0").orElseThrow().attempts())
        .as("waiting for confirmation is no failed attempt")
        .isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay(flaky).relayDue(10)).isEqualTo(new LedgerRelay.Round(2, 0, 0));
    assertThat(real.entries(1, 10)).hasSize(2);
  }

  @Test
  void givenRelayThatLostTheRace_reportingLate_changesNothing() {
    outbox.enqueue(anchor(0), T0);
    LedgerOutbox.Item item = outbox.due(T0, 1).get(0);
    relay(real).relayDue(10); // another relay wins
    outbox.markFailed(item.command().id(), "timeout", T0.plusSeconds(1));
    assertThat(outbox.find("doc-0").orElseThrow().state()).isEqualTo(LedgerOutbox.State.RELAYED);
  }

  @Test
  void givenCapBeyondADay_relay_isRefusedNamingMaxBackoff() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new LedgerRelay(
                    outbox, real, clock, Duration.ofSeconds(1), Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageStartingWith("maxBackoff must be at most");
  }

  @Test
  void givenManyFailures_backoff_isCapped() {
    LedgerRelay relay = relay(real);
    assertThat(relay.backoff(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(relay.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(relay.backoff(60)).isEqualTo(Duration.ofMinutes(5));
  }
}
