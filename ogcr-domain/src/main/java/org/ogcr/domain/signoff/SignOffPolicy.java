package org.ogcr.domain.signoff;

import org.ogcr.domain.common.Require;

/**
 * How many distinct signatures an issuance needs in each capacity. The registry function spec's
 * Year 1 governance is the minimum: "at least two designated officers + one external auditor"; a
 * registry may require more, never fewer.
 */
public record SignOffPolicy(int officers, int auditors) {

  public static final SignOffPolicy TWO_OFFICERS_ONE_AUDITOR = new SignOffPolicy(2, 1);

  public SignOffPolicy {
    Require.between("officers", officers, 2, 10);
    Require.between("auditors", auditors, 1, 10);
  }

  public int required(SignOffRole role) {
    return role == SignOffRole.OFFICER ? officers : auditors;
  }
}
