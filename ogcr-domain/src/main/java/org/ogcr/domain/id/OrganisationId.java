package org.ogcr.domain.id;

/** An organisation actors belong to; ownership and conflict-of-interest rules compare these. */
public record OrganisationId(String value) {

  public OrganisationId {
    Identifiers.require("organisationId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
