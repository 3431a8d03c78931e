package org.ogcr.domain.money;

/**
 * Who receives a share of a payment, by the role the spec gives it ("Revenue routing", ogcr-spec
 * 002). Level 1 splits the sale price between {@link #REGISTRY}, {@link #EXCHANGE} and {@link
 * #PROPERTY_TREASURY}; level 2 splits that treasury net between {@link #BENEFICIARY}, {@link
 * #STEWARDSHIP_RESERVE}, {@link #PROTOCOL} and {@link #TREASURY_RESIDUAL}.
 */
public enum PayeeRole {
  /** Landseed PBC's registry service fee, a percentage of sale proceeds. */
  REGISTRY,
  /** The exchange's fee, only when the sale was executed through the exchange. */
  EXCHANGE,
  /**
   * The property's wrapper LLC treasury: receives the net of a sale, and its rounding remainder.
   */
  PROPERTY_TREASURY,
  /** A named beneficiary of the treasury template. */
  BENEFICIARY,
  /** The stewardship reserve of the treasury template. */
  STEWARDSHIP_RESERVE,
  /** The Landseed protocol fee of the treasury template. */
  PROTOCOL,
  /**
   * What the LLC treasury keeps after the template's shares, including the rounding remainder of
   * the treasury distribution.
   */
  TREASURY_RESIDUAL,
  /**
   * The holder who resells credits it bought: a secondary sale pays the registry and exchange fees
   * and the net to the seller, never to the issuing property's treasury.
   */
  SELLER
}
