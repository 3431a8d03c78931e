package org.ogcr.domain.methodology;

import java.math.BigDecimal;
import org.ogcr.domain.common.Require;

/**
 * The share of an issuance held back in the buffer pool, as a fraction: the registry function spec
 * allows 5 % to 14 % ({@code 0.05} to {@code 0.14}) and nothing outside that.
 */
public record BufferRate(BigDecimal fraction) {

  public static final BigDecimal MIN = new BigDecimal("0.05");
  public static final BigDecimal MAX = new BigDecimal("0.14");

  public BufferRate {
    Require.between("bufferRate", fraction, MIN, MAX);
    Require.maxScale("bufferRate", fraction, 6);
  }

  public static BufferRate of(String fraction) {
    return new BufferRate(Require.decimal("bufferRate", fraction));
  }

  @Override
  public String toString() {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }
}
