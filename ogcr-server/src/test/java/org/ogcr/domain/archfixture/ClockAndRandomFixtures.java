package org.ogcr.domain.archfixture;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Fixtures: domain classes with a hidden input, one way each. */
public final class ClockAndRandomFixtures {

  public static final class CallingInstantNow {
    public Instant stamp() {
      return Instant.now();
    }
  }

  public static final class ReferencingInstantNow {
    public Supplier<Instant> stamper() {
      return Instant::now;
    }
  }

  public static final class CallingZonedDateTimeNowWithZone {
    public ZonedDateTime stamp() {
      return ZonedDateTime.now(ZoneOffset.UTC);
    }
  }

  public static final class UsingClock {
    public Instant stamp(Clock clock) {
      return clock.instant();
    }
  }

  public static final class UsingInstantSource {
    public Instant stamp() {
      return InstantSource.system().instant();
    }
  }

  public static final class CallingCurrentTimeMillis {
    public long stamp() {
      return System.currentTimeMillis();
    }
  }

  public static final class CallingNanoTime {
    public long stamp() {
      return System.nanoTime();
    }
  }

  public static final class UsingRandom {
    public int draw() {
      return new Random().nextInt();
    }
  }

  public static final class UsingSecureRandom {
    public int draw() {
      return new SecureRandom().nextInt();
    }
  }

  public static final class UsingThreadLocalRandom {
    public int draw() {
      return ThreadLocalRandom.current().nextInt();
    }
  }

  public static final class UsingSplittableRandom {
    public int draw() {
      return new SplittableRandom().nextInt();
    }
  }

  public static final class UsingRandomGenerator {
    public int draw() {
      return RandomGenerator.getDefault().nextInt();
    }
  }

  public static final class CallingRandomUuid {
    public UUID newId() {
      return UUID.randomUUID();
    }
  }

  public static final class CallingMathRandom {
    public double draw() {
      return Math.random();
    }
  }

  public static final class CallingStrictMathRandom {
    public double draw() {
      return StrictMath.random();
    }
  }

  private ClockAndRandomFixtures() {}
}
