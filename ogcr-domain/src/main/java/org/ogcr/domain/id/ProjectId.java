package org.ogcr.domain.id;

/** A project, as registered by its PDD (OGCR 4.2.1). */
public record ProjectId(String value) {

  public ProjectId {
    Identifiers.require("projectId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
