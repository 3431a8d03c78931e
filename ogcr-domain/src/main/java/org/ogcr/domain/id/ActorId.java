package org.ogcr.domain.id;

/** A person or machine that acts on the registry: developer, verifier, officer, auditor… */
public record ActorId(String value) {

  public ActorId {
    Identifiers.require("actorId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
