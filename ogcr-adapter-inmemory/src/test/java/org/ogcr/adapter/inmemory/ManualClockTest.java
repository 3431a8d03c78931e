package org.ogcr.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.ClockContract;

class ManualClockTest extends ClockContract {

  @Override
  protected Clock clock() {
    return new ManualClock(Instant.parse("2027-03-01T00:00:00Z"));
  }

  @Override
  protected void letTimePass(Clock clock) {
    ((ManualClock) clock).advance(Duration.ofSeconds(1));
  }

  @Test
  void standsStillUntilAdvanced() {
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T00:00:00Z"));
    assertThat(clock.now()).isEqualTo(clock.now());
    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(Instant.parse("2027-03-01T02:00:00Z"));
  }

  @Test
  void givenManualClock_advance_movesTimeForwardOnly() {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.advance(Duration.ofDays(1))).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("step must not be negative");
  }
}
