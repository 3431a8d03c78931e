package org.ogcr.domain.methodology;

import java.time.Instant;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/** Who approved a methodology version under the registry's governance, and when. */
public record ApprovalRecord(ActorId approvedBy, Instant approvedAt) {

  public ApprovalRecord {
    Require.nonNull("approvedBy", approvedBy);
    Require.nonNull("approvedAt", approvedAt);
  }
}
