package org.ogcr.domain.issuance;

import java.util.ArrayList;
import java.util.List;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.Require;

/**
 * What the registry verifies before it calculates a volume (registry function spec, "Issuance
 * review process", step 1): the property is registered and its record hash matches the one the
 * attestation cites, the wrapper entity is operational, the beneficiaries are KYC attested, and no
 * compliance issue is open. The facts are inputs; this record only judges them.
 *
 * @param registeredRecordHash the hash of the property's registration record (NRD-lite) on file
 * @param attestedRecordHash the registration record hash the attestation receipt cites
 * @param wrapperEntityOperational a signed operating agreement of the wrapper entity is on file
 * @param beneficiariesKycAttested a compliance officer attested the beneficiaries' KYC
 * @param openComplianceIssues compliance issues still open for the property
 */
public record IssuancePrerequisites(
    DocumentHash registeredRecordHash,
    DocumentHash attestedRecordHash,
    boolean wrapperEntityOperational,
    boolean beneficiariesKycAttested,
    int openComplianceIssues) {

  public IssuancePrerequisites {
    Require.nonNull("registeredRecordHash", registeredRecordHash);
    Require.nonNull("attestedRecordHash", attestedRecordHash);
    Require.nonNegative("openComplianceIssues", openComplianceIssues);
  }

  /** Every unmet prerequisite, each as a stable code; empty when issuance may proceed. */
  public List<String> unmet() {
    List<String> unmet = new ArrayList<>(4);
    if (!registeredRecordHash.equals(attestedRecordHash)) {
      unmet.add("registration_hash_mismatch");
    }
    if (!wrapperEntityOperational) {
      unmet.add("wrapper_entity_not_operational");
    }
    if (!beneficiariesKycAttested) {
      unmet.add("beneficiaries_not_kyc_attested");
    }
    if (openComplianceIssues > 0) {
      unmet.add("open_compliance_issues");
    }
    return List.copyOf(unmet);
  }

  /**
   * @throws PrerequisitesUnmetException listing every unmet prerequisite at once
   */
  public void requireMet() {
    List<String> unmet = unmet();
    if (!unmet.isEmpty()) {
      throw new PrerequisitesUnmetException(unmet, this);
    }
  }

  /** Issuance may not proceed; {@link #unmet()} names each reason. */
  public static final class PrerequisitesUnmetException extends DomainException {
    private final List<String> unmet;

    PrerequisitesUnmetException(List<String> unmet, IssuancePrerequisites facts) {
      super(
          "issuance_prerequisites_unmet",
          "issuance cannot proceed: "
              + unmet
              + (unmet.contains("registration_hash_mismatch")
                  ? " (registered "
                      + facts.registeredRecordHash()
                      + ", attested "
                      + facts.attestedRecordHash()
                      + ")"
                  : "")
              + (facts.openComplianceIssues() > 0
                  ? " (" + facts.openComplianceIssues() + " open compliance issue(s))"
                  : ""));
      this.unmet = unmet;
    }

    public List<String> unmet() {
      return unmet;
    }
  }
}
