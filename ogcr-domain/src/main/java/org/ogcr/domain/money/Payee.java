package org.ogcr.domain.money;

import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * A party that receives money: a {@link PayeeRole}, plus a name for a {@link PayeeRole#BENEFICIARY}
 * (the template's parties are told apart by name). Every other role is a single party per
 * distribution and carries the empty name; use the constants, for example {@link #REGISTRY}.
 *
 * @param role what the party receives money as
 * @param name the beneficiary's name; empty for every other role
 */
public record Payee(PayeeRole role, String name) {

  /** Non-blank, on one line, without leading or trailing spaces. */
  static final Pattern NAME = Pattern.compile("\\S(.*\\S)?");

  static final String NAME_RULE = "must be non-blank text on one line without surrounding spaces";

  public static final Payee REGISTRY = new Payee(PayeeRole.REGISTRY, "");
  public static final Payee EXCHANGE = new Payee(PayeeRole.EXCHANGE, "");
  public static final Payee PROPERTY_TREASURY = new Payee(PayeeRole.PROPERTY_TREASURY, "");
  public static final Payee STEWARDSHIP_RESERVE = new Payee(PayeeRole.STEWARDSHIP_RESERVE, "");
  public static final Payee PROTOCOL = new Payee(PayeeRole.PROTOCOL, "");
  public static final Payee TREASURY_RESIDUAL = new Payee(PayeeRole.TREASURY_RESIDUAL, "");
  public static final Payee SELLER = new Payee(PayeeRole.SELLER, "");

  public Payee {
    Require.nonNull("role", role);
    Require.nonNull("name", name);
    if (role == PayeeRole.BENEFICIARY) {
      Require.matches("name", name, NAME, NAME_RULE);
    } else if (!name.isEmpty()) {
      throw new InvalidValueException("name", name, "must be empty for role " + role);
    }
  }

  public static Payee beneficiary(String name) {
    return new Payee(PayeeRole.BENEFICIARY, name);
  }

  /**
   * The party of a role that has no name; {@link PayeeRole#BENEFICIARY} needs {@link #beneficiary}.
   */
  public static Payee of(PayeeRole role) {
    return new Payee(role, "");
  }

  /** {@code REGISTRY}, or {@code BENEFICIARY(Nulhegan Land Trust)}. */
  @Override
  public String toString() {
    return name.isEmpty() ? role.name() : role.name() + "(" + name + ")";
  }
}
