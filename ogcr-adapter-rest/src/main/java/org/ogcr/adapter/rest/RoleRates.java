package org.ogcr.adapter.rest;

import java.util.Collection;
import org.ogcr.port.in.Role;

/**
 * The rate limit a client gets from its roles when nobody set one for it: a credential issued
 * without {@code ratePerMinute}, or an external issuer's token. The most generous of the client's
 * roles applies. Operators and administrators run the registry's bulk work; officers, validators
 * and verifiers decide one document at a time.
 */
final class RoleRates {

  /** Requests per minute of a client that holds no role: it can only read. */
  static final int WITHOUT_ROLE = 60;

  private RoleRates() {}

  /** The default requests per minute of a client holding {@code roles}. */
  static int of(Collection<Role> roles) {
    return roles.stream().mapToInt(RoleRates::of).max().orElse(WITHOUT_ROLE);
  }

  /** Every role has one: a new role does not compile until it is given its rate. */
  static int of(Role role) {
    return switch (role) {
      case ADMINISTRATOR, OPERATOR -> 600;
      case DEVELOPER, HOLDER, AUDITOR -> 300;
      case VALIDATOR, VERIFIER, OFFICER -> 120;
    };
  }
}
