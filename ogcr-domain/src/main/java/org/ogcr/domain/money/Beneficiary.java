package org.ogcr.domain.money;

import org.ogcr.domain.common.Require;

/**
 * A named party of a {@link TreasuryTemplate} and its share of the treasury net.
 *
 * @param name how the template names the beneficiary, non-blank; unique within a template
 * @param share its percentage of the net routed to the property's treasury
 */
public record Beneficiary(String name, Percent share) {

  public Beneficiary {
    Require.matches("name", name, Payee.NAME, Payee.NAME_RULE);
    Require.nonNull("share", share);
  }

  public Payee payee() {
    return Payee.beneficiary(name);
  }
}
