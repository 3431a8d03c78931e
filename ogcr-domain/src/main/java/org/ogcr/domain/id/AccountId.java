package org.ogcr.domain.id;

/** A registry account that holds credits: a property's treasury, a buyer, the buffer pool. */
public record AccountId(String value) {

  public AccountId {
    Identifiers.require("accountId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
