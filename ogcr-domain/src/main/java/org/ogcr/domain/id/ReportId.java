package org.ogcr.domain.id;

/** A monitoring report (MRV) of one project (OGCR 4.2.2). */
public record ReportId(String value) {

  public ReportId {
    Identifiers.require("reportId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
