package org.ogcr.port.in;

import java.util.Locale;

/** What a principal may do (ARCHITECTURE.md, "Access"). */
public enum Role {
  /** Registers and edits its organisation's projects and reports. */
  DEVELOPER,
  /** Validates or rejects projects of other organisations. */
  VALIDATOR,
  /** Verifies or rejects monitoring reports of other organisations. */
  VERIFIER,
  /** Runs the registry: property files, issuance requests, invalidations, exchange execution. */
  OPERATOR,
  /** Holds credits in its organisation's accounts and moves them. */
  HOLDER,
  /**
   * Governs the registry: methodologies, credentials, the directory, subrogation; files property
   * records, attests KYC and invalidates credits as an operator does. Requesting an issuance and
   * recording an exchange's sale stay the operator's: the first registry credential holds both
   * roles.
   */
  ADMINISTRATOR,
  /** Signs issuances as an officer. */
  OFFICER,
  /** Signs issuances as an audit committee member and releases holds. */
  AUDITOR;

  /** The role's name as tokens and documents write it, for example {@code developer}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
