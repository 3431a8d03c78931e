package org.ogcr.domain.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;

class MethodologyCatalogTest {

  static final MethodologyParameters PARAMS =
      new MethodologyParameters(
          MethodologyParameters.Z_90_PERCENT,
          BigDecimal.ONE,
          BufferRateTable.of("0.05", "0.08", "0.11", "0.14"));
  static final ApprovalRecord APPROVAL =
      new ApprovalRecord(new ActorId("stewards"), Instant.parse("2026-01-15T00:00:00Z"));

  static Methodology ecm(String version) {
    return Methodology.draft(
        MethodologyRef.of("EC-M", version), "ecm", Set.of("forest_conservation"), PARAMS);
  }

  @Test
  void givenDraft_approve_recordsWhoAndWhen_andRetireIsFinal() {
    Methodology approved = ecm("1.1.0").approve(APPROVAL);
    assertThat(approved.isApproved()).isTrue();
    assertThat(approved.approval()).contains(APPROVAL);
    Methodology retired = approved.retire();
    assertThat(retired.status()).isEqualTo(MethodologyStatus.RETIRED);
    assertThatThrownBy(() -> retired.approve(APPROVAL))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("illegal_transition"));
  }

  @Test
  void givenPreReleaseVersion_approve_isRefused() {
    assertThatThrownBy(() -> ecm("2.0.0-rc.1").approve(APPROVAL))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("version must be a release");
  }

  @Test
  void givenApprovalOfARegisteredDraft_catalog_replacesTheEntry() {
    MethodologyCatalog catalog = MethodologyCatalog.of(java.util.List.of(ecm("1.1.0")));
    catalog = catalog.with(ecm("1.1.0").approve(APPROVAL));
    assertThat(catalog.find(MethodologyRef.of("EC-M", "1.1.0")))
        .hasValueSatisfying(m -> assertThat(m.isApproved()).isTrue());
    assertThat(catalog.find(MethodologyRef.of("EC-M", "1.2.0"))).isEmpty();
  }

  @Test
  void givenChangedParametersUnderTheSameVersion_catalog_refusesThem() {
    MethodologyCatalog catalog = MethodologyCatalog.empty().with(ecm("1.1.0"));
    Methodology changed =
        Methodology.draft(
            MethodologyRef.of("EC-M", "1.1.0"),
            "ecm",
            Set.of("forest_conservation", "grassland"),
            PARAMS);
    assertThatThrownBy(() -> catalog.with(changed))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("methodology_version_exists"))
        .hasMessageContaining("publish them as a new version");
    assertThat(
            catalog
                .with(
                    Methodology.draft(
                        MethodologyRef.of("EC-M", "1.2.0"), "ecm", Set.of("grassland"), PARAMS))
                .all())
        .hasSize(2);
  }

  @Test
  void givenBadProjectType_methodology_isRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                Methodology.draft(
                    MethodologyRef.of("X", "1.0.0"), "x", Set.of("Forest Conservation"), PARAMS))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "projectTypes must be snake_case, for example biochar; was \"Forest Conservation\"");
  }
}
