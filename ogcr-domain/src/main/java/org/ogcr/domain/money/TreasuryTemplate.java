package org.ogcr.domain.money;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * How a property's wrapper LLC treasury distributes the net proceeds of a sale ("Revenue routing",
 * ogcr-spec 002, per the Economics module): beneficiaries by template percentages, a stewardship
 * reserve, the Landseed protocol fee, and the LLC treasury keeps the residual.
 *
 * <p>The percentages together are at most 100; {@link #residualPercent()} is what is left for the
 * residual party ({@link Payee#TREASURY_RESIDUAL}), which also receives the rounding remainder.
 *
 * @param beneficiaries the named beneficiaries with distinct names; may be empty
 * @param stewardshipReserve the stewardship reserve's percentage of the net
 * @param protocolFee the Landseed protocol fee's percentage of the net
 */
public record TreasuryTemplate(
    List<Beneficiary> beneficiaries, Percent stewardshipReserve, Percent protocolFee) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public TreasuryTemplate {
    beneficiaries = List.copyOf(Require.noNulls("beneficiaries", beneficiaries));
    Require.nonNull("stewardshipReserve", stewardshipReserve);
    Require.nonNull("protocolFee", protocolFee);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < beneficiaries.size(); i++) {
      String name = beneficiaries.get(i).name();
      if (!names.add(name)) {
        throw new InvalidValueException(
            "beneficiaries[" + i + "].name", name, "must name each beneficiary once");
      }
    }
    BigDecimal sum = sumOf(beneficiaries, stewardshipReserve, protocolFee);
    if (sum.compareTo(HUNDRED) > 0) {
      throw new InvalidValueException(
          "beneficiaries + stewardshipReserve + protocolFee", sum, "must be at most 100");
    }
  }

  /** The sum of every percentage the template names; at most 100. */
  public Percent allocatedPercent() {
    return new Percent(sumOf(beneficiaries, stewardshipReserve, protocolFee));
  }

  /** {@code 100 − allocatedPercent()}: the residual party's nominal share before rounding. */
  public Percent residualPercent() {
    return new Percent(HUNDRED.subtract(allocatedPercent().value()));
  }

  private static BigDecimal sumOf(
      List<Beneficiary> beneficiaries, Percent stewardshipReserve, Percent protocolFee) {
    BigDecimal sum = stewardshipReserve.value().add(protocolFee.value());
    for (Beneficiary beneficiary : beneficiaries) {
      sum = sum.add(beneficiary.share().value());
    }
    return sum;
  }
}
