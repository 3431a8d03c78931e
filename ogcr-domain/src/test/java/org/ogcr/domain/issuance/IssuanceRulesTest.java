package org.ogcr.domain.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;

class IssuanceRulesTest {

  static final DocumentHash RECORD = DocumentHash.sha256("NRD-lite record of NULHEGAN");

  @Test
  void givenAllPrerequisitesMet_requireMet_passes() {
    IssuancePrerequisites facts = new IssuancePrerequisites(RECORD, RECORD, true, true, 0);
    assertThat(facts.unmet()).isEmpty();
    facts.requireMet();
  }

  @Test
  void givenEveryPrerequisiteUnmet_requireMet_listsThemAllAtOnce() {
    IssuancePrerequisites facts =
        new IssuancePrerequisites(RECORD, DocumentHash.sha256("another record"), false, false, 2);
    assertThatThrownBy(facts::requireMet)
        .isInstanceOfSatisfying(
            IssuancePrerequisites.PrerequisitesUnmetException.class,
            e -> {
              assertThat(e.code()).isEqualTo("issuance_prerequisites_unmet");
              assertThat(e.unmet())
                  .containsExactly(
                      "registration_hash_mismatch",
                      "wrapper_entity_not_operational",
                      "beneficiaries_not_kyc_attested",
                      "open_compliance_issues");
            })
        .hasMessageContaining("registered " + RECORD.hex())
        .hasMessageContaining("2 open compliance issue(s)");
  }

  @Test
  void givenAssessmentAlreadyIssued_secondFullIssuance_isRefused() {
    AnnualAssessment y2026 = new AnnualAssessment("NULHEGAN", 2026);
    y2026.requireNotYetIssued(List.of(new AnnualAssessment("NULHEGAN", 2025)));
    assertThatThrownBy(
            () -> y2026.requireNotYetIssued(Set.of(new AnnualAssessment("NULHEGAN", 2026))))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("annual_issuance_exhausted"))
        .hasMessageContaining("NULHEGAN already had its full issuance for the 2026");
  }
}
