package org.ogcr.domain.project;

import java.time.Instant;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/** One kept version of a project's PDD: its number (from 1), identity, and who recorded it when. */
public record PddVersion(int number, DocumentHash hash, Instant recordedAt, ActorId recordedBy) {

  public PddVersion {
    Require.between("number", number, 1, Integer.MAX_VALUE);
    Require.nonNull("hash", hash);
    Require.nonNull("recordedAt", recordedAt);
    Require.nonNull("recordedBy", recordedBy);
  }
}
