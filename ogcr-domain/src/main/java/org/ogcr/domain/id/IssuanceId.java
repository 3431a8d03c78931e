package org.ogcr.domain.id;

/** One issuance: one contiguous serial range from one verified report or assessment. */
public record IssuanceId(String value) {

  public IssuanceId {
    Identifiers.require("issuanceId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
