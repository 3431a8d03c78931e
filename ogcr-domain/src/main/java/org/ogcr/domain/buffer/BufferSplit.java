package org.ogcr.domain.buffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.methodology.BufferRate;

/**
 * The atomic split of an issuance: {@code owner + buffer = total}, {@code buffer = ceil(total ×
 * rate)}, so the pool never receives less than the rate asks. Buffer credits go to the buffer pool
 * account and are never the property's; the split is recorded at issuance and never unwound.
 */
public record BufferSplit(long total, BufferRate rate, long owner, long buffer) {

  public BufferSplit {
    Require.positive("total", total);
    Require.nonNull("rate", rate);
    Require.nonNegative("owner", owner);
    Require.nonNegative("buffer", buffer);
    if (owner + buffer != total) {
      throw new InvalidValueException(
          "owner", owner, "plus buffer " + buffer + " must equal total " + total);
    }
    if (buffer != bufferFor(total, rate)) {
      throw new InvalidValueException(
          "buffer", buffer, "must be ceil(" + total + " × " + rate.fraction() + ")");
    }
  }

  /** Splits {@code total} units at {@code rate}. */
  public static BufferSplit of(long total, BufferRate rate) {
    Require.positive("total", total);
    Require.nonNull("rate", rate);
    long buffer = bufferFor(total, rate);
    return new BufferSplit(total, rate, total - buffer, buffer);
  }

  private static long bufferFor(long total, BufferRate rate) {
    return BigDecimal.valueOf(total)
        .multiply(rate.fraction())
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }
}
