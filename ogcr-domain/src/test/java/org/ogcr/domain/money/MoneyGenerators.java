package org.ogcr.domain.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators shared by the money properties. Percentages are generated as whole ten-thousandths of
 * a percent (0 … 1,000,000 is 0 % … 100 %), the finest a {@link Percent} holds, so an oracle can
 * compute every share with integer arithmetic independent of the code under test.
 */
final class MoneyGenerators {

  /** 100 % in ten-thousandths of a percent. */
  static final int HUNDRED_PERCENT = 1_000_000;

  private MoneyGenerators() {}

  static Arbitrary<Currency> currencies() {
    return Arbitraries.of("USD", "EUR", "JPY", "KWD").map(Currency::getInstance);
  }

  /** 0 … 10^12 minor units (ten billion dollars in cents). */
  static Arbitrary<Long> payments() {
    return Arbitraries.longs().between(0, 1_000_000_000_000L);
  }

  static Arbitrary<Integer> scaledPercents() {
    return Arbitraries.integers().between(0, HUNDRED_PERCENT);
  }

  static Percent percentOf(int tenThousandthsOfAPercent) {
    return new Percent(BigDecimal.valueOf(tenThousandthsOfAPercent, 4));
  }

  static int scaledOf(Percent percent) {
    return percent.value().movePointRight(4).intValueExact();
  }

  /** Fee schedules whose two sale fees together stay within 100 %. */
  static Arbitrary<FeeSchedule> feeSchedules() {
    Arbitrary<Money> perCredit =
        Combinators.combine(Arbitraries.longs().between(0, 10_000), currencies()).as(Money::new);
    Arbitrary<int[]> saleFees =
        scaledPercents()
            .flatMap(
                sale ->
                    Arbitraries.integers()
                        .between(0, HUNDRED_PERCENT - sale)
                        .map(exchange -> new int[] {sale, exchange}));
    return Combinators.combine(perCredit, saleFees)
        .as((fee, pair) -> new FeeSchedule(fee, percentOf(pair[0]), percentOf(pair[1])));
  }

  /**
   * Templates of 0 … 6 beneficiaries whose percentages, with the stewardship reserve and protocol
   * fee, sum to at most 100 %: the gaps between sorted cut points below a random bound, so the sum
   * ranges from 0 to exactly 100 %.
   */
  static Arbitrary<TreasuryTemplate> templates() {
    return Arbitraries.integers()
        .between(0, 6)
        .flatMap(
            beneficiaries ->
                scaledPercents()
                    .flatMap(
                        bound ->
                            Arbitraries.integers()
                                .between(0, bound)
                                .list()
                                .ofSize(beneficiaries + 2)
                                .map(cuts -> templateFromCuts(cuts))));
  }

  private static TreasuryTemplate templateFromCuts(List<Integer> cuts) {
    List<Integer> sorted = new ArrayList<>(cuts);
    sorted.sort(null);
    List<Percent> gaps = new ArrayList<>();
    int previous = 0;
    for (int cut : sorted) {
      gaps.add(percentOf(cut - previous));
      previous = cut;
    }
    List<Beneficiary> beneficiaries = new ArrayList<>();
    for (int i = 0; i < gaps.size() - 2; i++) {
      beneficiaries.add(new Beneficiary("beneficiary " + (i + 1), gaps.get(i)));
    }
    return new TreasuryTemplate(
        beneficiaries, gaps.get(gaps.size() - 2), gaps.get(gaps.size() - 1));
  }
}
