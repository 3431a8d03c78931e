package org.ogcr.domain.signoff;

/**
 * The capacities in which a person signs an issuance (registry function spec, "Multi-key signoff").
 */
public enum SignOffRole {
  /** A designated officer of the registry operator. */
  OFFICER,
  /** A member of the audit committee. */
  AUDITOR
}
