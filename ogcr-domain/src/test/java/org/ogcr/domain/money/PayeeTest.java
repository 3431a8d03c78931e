package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayeeTest {

  @Test
  void givenName_beneficiary_isNamedPayee() {
    Payee trust = Payee.beneficiary("Nulhegan Land Trust");
    assertThat(trust.role()).isEqualTo(PayeeRole.BENEFICIARY);
    assertThat(trust).isEqualTo(Payee.beneficiary("Nulhegan Land Trust"));
    assertThat(trust).isNotEqualTo(Payee.beneficiary("Another Trust"));
    assertThat(trust).hasToString("BENEFICIARY(Nulhegan Land Trust)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " Alice", "Alice ", "Al\nice"})
  void givenBlankOrPaddedName_beneficiary_isRefused(String name) {
    assertInvalidValue(() -> Payee.beneficiary(name), "name", "\"" + name + "\"");
  }

  @Test
  void givenNullName_beneficiary_isRefused() {
    assertInvalidValue(() -> Payee.beneficiary(null), "name", "null");
  }

  @Test
  void givenNullRole_construct_isRefused() {
    assertInvalidValue(() -> new Payee(null, ""), "role", "null");
  }

  @Test
  void givenNameOnUnnamedRole_construct_isRefused() {
    assertInvalidValue(() -> new Payee(PayeeRole.REGISTRY, "Landseed"), "name", "\"Landseed\"");
  }

  @Test
  void givenBeneficiaryRole_of_isRefusedForWantOfAName() {
    assertInvalidValue(() -> Payee.of(PayeeRole.BENEFICIARY), "name", "\"\"");
  }

  @ParameterizedTest
  @EnumSource(value = PayeeRole.class, names = "BENEFICIARY", mode = EnumSource.Mode.EXCLUDE)
  void givenUnnamedRole_of_isTheConstantPrintedAsTheRole(PayeeRole role) {
    Payee payee = Payee.of(role);
    assertThat(payee.name()).isEmpty();
    assertThat(payee).hasToString(role.name());
  }

  @Test
  void givenConstants_of_matchesThem() {
    assertThat(Payee.of(PayeeRole.REGISTRY)).isEqualTo(Payee.REGISTRY);
    assertThat(Payee.of(PayeeRole.EXCHANGE)).isEqualTo(Payee.EXCHANGE);
    assertThat(Payee.of(PayeeRole.PROPERTY_TREASURY)).isEqualTo(Payee.PROPERTY_TREASURY);
    assertThat(Payee.of(PayeeRole.STEWARDSHIP_RESERVE)).isEqualTo(Payee.STEWARDSHIP_RESERVE);
    assertThat(Payee.of(PayeeRole.PROTOCOL)).isEqualTo(Payee.PROTOCOL);
    assertThat(Payee.of(PayeeRole.TREASURY_RESIDUAL)).isEqualTo(Payee.TREASURY_RESIDUAL);
  }
}
