package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link Clock} must do: answer, and never run backwards. */
public abstract class ClockContract {

  protected abstract Clock clock();

  /** Lets time pass, as the adapter lets it (a manual clock advances, a system clock sleeps). */
  protected abstract void letTimePass(Clock clock);

  @Test
  void nowIsNeverNullAndNeverRunsBackwards() {
    Clock clock = clock();
    Instant first = clock.now();
    assertThat(first).isNotNull();
    letTimePass(clock);
    Instant second = clock.now();
    assertThat(second).isAfterOrEqualTo(first);
    letTimePass(clock);
    assertThat(clock.now()).isAfterOrEqualTo(second);
  }
}
