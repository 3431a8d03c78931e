package org.ogcr.port.model;

import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;

/** A credit block with what identifies it publicly: its issuance code, project and report. */
public record CreditView(CreditBlock block, IssuanceCode code, ProjectId project, ReportId report) {

  public CreditView {
    Require.nonNull("block", block);
    Require.nonNull("code", code);
    Require.nonNull("project", project);
    Require.nonNull("report", report);
  }

  /** The first serial number, for example {@code EC-2026-0001-NULHEGAN-001}. */
  public String firstSerial() {
    return code.serial(block.range().first()).toString();
  }

  public String lastSerial() {
    return code.serial(block.range().last()).toString();
  }
}
