package org.ogcr.domain.methodology;

/**
 * Risk tiers of the buffer-pool parameter table, from lowest to highest reversal risk (registry
 * function spec: "Risk-tier rate criteria are parametric, not discretionary").
 */
public enum RiskTier {
  LOW,
  MODERATE,
  HIGH,
  FRONTIER
}
