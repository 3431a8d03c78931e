package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.domain.money.Amounts.pct;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreasuryTemplateTest {

  @Test
  void givenBlankName_beneficiary_isRefused() {
    assertInvalidValue(() -> new Beneficiary("  ", pct("10")), "name", "\"  \"");
  }

  @Test
  void givenNullName_beneficiary_isRefused() {
    assertInvalidValue(() -> new Beneficiary(null, pct("10")), "name", "null");
  }

  @Test
  void givenNullShare_beneficiary_isRefused() {
    assertInvalidValue(() -> new Beneficiary("Alice", null), "share", "null");
  }

  @Test
  void givenBeneficiary_payee_isTheNamedBeneficiary() {
    assertThat(new Beneficiary("Alice", pct("10")).payee()).isEqualTo(Payee.beneficiary("Alice"));
  }

  @Test
  void givenDuplicateBeneficiaryName_construct_isRefusedNamingTheSecond() {
    List<Beneficiary> twice =
        List.of(
            new Beneficiary("Alice", pct("10")),
            new Beneficiary("Bob", pct("10")),
            new Beneficiary("Alice", pct("5")));
    assertInvalidValue(
        () -> new TreasuryTemplate(twice, pct("10"), pct("5")),
        "beneficiaries[2].name",
        "\"Alice\"");
  }

  @Test
  void givenPercentsAboveHundred_construct_isRefusedNamingTheSum() {
    List<Beneficiary> generous =
        List.of(new Beneficiary("Alice", pct("60")), new Beneficiary("Bob", pct("30.5")));
    assertInvalidValue(
        () -> new TreasuryTemplate(generous, pct("10"), pct("5")),
        "beneficiaries + stewardshipReserve + protocolFee",
        "105.5");
  }

  @Test
  void givenNullBeneficiaries_construct_isRefused() {
    assertInvalidValue(
        () -> new TreasuryTemplate(null, pct("10"), pct("5")), "beneficiaries", "null");
  }

  @Test
  void givenNullBeneficiaryInList_construct_isRefused() {
    List<Beneficiary> withNull = Arrays.asList(new Beneficiary("Alice", pct("10")), null);
    assertInvalidValue(
        () -> new TreasuryTemplate(withNull, pct("10"), pct("5")),
        "beneficiaries",
        String.valueOf(withNull));
  }

  @Test
  void givenNullStewardshipReserve_construct_isRefused() {
    assertInvalidValue(
        () -> new TreasuryTemplate(List.of(), null, pct("5")), "stewardshipReserve", "null");
  }

  @Test
  void givenNullProtocolFee_construct_isRefused() {
    assertInvalidValue(
        () -> new TreasuryTemplate(List.of(), pct("10"), null), "protocolFee", "null");
  }

  @Test
  void givenTemplate_residualPercent_isWhatTheSharesLeave() {
    TreasuryTemplate template =
        new TreasuryTemplate(
            List.of(new Beneficiary("Alice", pct("30")), new Beneficiary("Bob", pct("20"))),
            pct("10"),
            pct("5"));
    assertThat(template.allocatedPercent()).isEqualTo(pct("65"));
    assertThat(template.residualPercent()).isEqualTo(pct("35"));
  }

  @Test
  void givenPercentsOfExactlyHundred_construct_isAcceptedWithNoResidual() {
    TreasuryTemplate template =
        new TreasuryTemplate(List.of(new Beneficiary("Alice", pct("85"))), pct("10"), pct("5"));
    assertThat(template.residualPercent()).isEqualTo(Percent.ZERO);
  }

  @Test
  void givenNoBeneficiaries_construct_isAccepted() {
    TreasuryTemplate template = new TreasuryTemplate(List.of(), pct("10"), pct("5"));
    assertThat(template.beneficiaries()).isEmpty();
  }

  @Test
  void givenMutableList_construct_keepsItsOwnCopy() {
    List<Beneficiary> list = new ArrayList<>(List.of(new Beneficiary("Alice", pct("10"))));
    TreasuryTemplate template = new TreasuryTemplate(list, pct("10"), pct("5"));
    list.add(new Beneficiary("Bob", pct("90")));
    assertThat(template.beneficiaries()).hasSize(1);
  }
}
