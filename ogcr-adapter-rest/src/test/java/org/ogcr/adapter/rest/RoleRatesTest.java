package org.ogcr.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ogcr.port.in.Role;

/** A client's default rate limit comes from the most generous of its roles. */
class RoleRatesTest {

  @Test
  void theMostGenerousRoleDecides() {
    assertThat(RoleRates.of(List.of())).isEqualTo(RoleRates.WITHOUT_ROLE).isEqualTo(60);
    assertThat(RoleRates.of(List.of(Role.VERIFIER))).isEqualTo(120);
    assertThat(RoleRates.of(List.of(Role.VERIFIER, Role.HOLDER))).isEqualTo(300);
    assertThat(RoleRates.of(List.of(Role.OFFICER, Role.OPERATOR))).isEqualTo(600);
    assertThat(RoleRates.of(EnumSet.allOf(Role.class))).isEqualTo(600);
  }

  @Test
  void everyRoleHasARateAboveTheRolelessOne() {
    for (Role r : Role.values()) {
      assertThat(RoleRates.of(r)).as(r.token()).isGreaterThan(RoleRates.WITHOUT_ROLE);
    }
  }
}
