package org.ogcr.adapter.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.Clock;

/** A clock that moves only when told to: for tests, simulations and replays. Thread-safe. */
public final class ManualClock implements Clock {

  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(Require.nonNull("start", start));
  }

  @Override
  public Instant now() {
    return now.get();
  }

  /** Moves time forward; never backwards. */
  public Instant advance(Duration step) {
    Require.nonNull("step", step);
    if (step.isNegative()) {
      throw new InvalidValueException(
          "step", step, "must not be negative: time does not run backwards");
    }
    return now.updateAndGet(t -> t.plus(step));
  }
}
