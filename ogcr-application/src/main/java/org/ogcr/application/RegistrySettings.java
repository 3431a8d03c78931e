package org.ogcr.application;

import java.util.Currency;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.money.FeeSchedule;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.domain.signoff.SignOffPolicy;

/**
 * What an operator configures: the serial prefix, the credit unit, the fee schedule, the buffer
 * pool account and the organisation that holds it, and the sign-off policy.
 *
 * @param serialPrefix the prefix of every issuance code, for example {@code EC}
 * @param registryOrganisation the organisation that holds the buffer pool in trust
 */
public record RegistrySettings(
    String serialPrefix,
    CreditUnit unit,
    FeeSchedule fees,
    AccountId bufferPool,
    OrganisationId registryOrganisation,
    SignOffPolicy signOff) {

  public RegistrySettings {
    Require.matches(
        "serialPrefix",
        serialPrefix,
        java.util.regex.Pattern.compile("[A-Z]{2,8}"),
        "must be 2 to 8 capital letters");
    Require.nonNull("unit", unit);
    Require.nonNull("fees", fees);
    Require.nonNull("bufferPool", bufferPool);
    Require.nonNull("registryOrganisation", registryOrganisation);
    Require.nonNull("signOff", signOff);
  }

  /**
   * The registry function spec's proposed rates: $0.50 per credit issued, 1.5 % per sale, 2 %
   * exchange fee; prefix {@code EC}, one credit per tonne (or per unit of the ECI formula), two
   * officers and one auditor.
   */
  public static RegistrySettings defaults() {
    Currency usd = Currency.getInstance("USD");
    return new RegistrySettings(
        "EC",
        CreditUnit.TONNE,
        new FeeSchedule(Money.of("0.50", usd), Percent.of("1.5"), Percent.of("2")),
        new AccountId("buffer-pool"),
        new OrganisationId("registry"),
        SignOffPolicy.TWO_OFFICERS_ONE_AUDITOR);
  }
}
