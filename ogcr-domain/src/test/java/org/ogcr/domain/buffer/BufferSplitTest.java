package org.ogcr.domain.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.RiskTier;

class BufferSplitTest {

  @Test
  void givenTotalAndRate_split_roundsTheBufferUp() {
    BufferSplit split = BufferSplit.of(429, BufferRate.of("0.05"));
    assertThat(split.buffer()).isEqualTo(22); // ceil(21.45)
    assertThat(split.owner()).isEqualTo(407);
  }

  @Test
  void givenExactProduct_split_takesExactlyTheRate() {
    assertThat(BufferSplit.of(1000, BufferRate.of("0.14")).buffer()).isEqualTo(140);
  }

  @Test
  void givenOneCredit_split_sendsItToThePool() {
    BufferSplit split = BufferSplit.of(1, BufferRate.of("0.05"));
    assertThat(split.buffer()).isEqualTo(1);
    assertThat(split.owner()).isZero();
  }

  @Test
  void givenRateOutsideFiveToFourteenPercent_bufferRate_isRefused() {
    assertThatThrownBy(() -> BufferRate.of("0.15"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("bufferRate must be between 0.05 and 0.14; was 0.15");
    assertThatThrownBy(() -> BufferRate.of("0.049"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("was 0.049");
  }

  @Test
  void givenTableMissingATier_table_isRefusedNamingTheTier() {
    Map<RiskTier, BufferRate> rates = new EnumMap<>(RiskTier.class);
    rates.put(RiskTier.LOW, BufferRate.of("0.05"));
    assertThatThrownBy(() -> new BufferRateTable(rates))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("bufferRates.moderate is required; was null");
  }

  @Test
  void givenRiskierTierWithLowerRate_table_isRefused() {
    assertThatThrownBy(() -> BufferRateTable.of("0.05", "0.10", "0.08", "0.14"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "bufferRates.high must not be below the rate of the safer tier (10 %); was 8 %");
  }

  @Test
  void givenForgedSplit_constructor_refusesAShortBuffer() {
    assertThatThrownBy(() -> new BufferSplit(100, BufferRate.of("0.05"), 96, 4))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("buffer must be ceil(100 × 0.05); was 4");
    assertThatThrownBy(() -> new BufferSplit(100, BufferRate.of("0.05"), 96, 5))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("owner plus buffer 5 must equal total 100; was 96");
  }

  @Test
  void givenRateByTier_tableLookup_isMechanical() {
    BufferRateTable table = BufferRateTable.of("0.05", "0.08", "0.11", "0.14");
    assertThat(table.rateFor(RiskTier.HIGH).fraction())
        .isEqualByComparingTo(new BigDecimal("0.11"));
  }
}
