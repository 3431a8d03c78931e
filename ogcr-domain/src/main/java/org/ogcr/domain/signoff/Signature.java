package org.ogcr.domain.signoff;

import java.time.Instant;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/** One recorded signature: who signed, in which capacity, and when (time is an input). */
public record Signature(ActorId signer, SignOffRole capacity, Instant signedAt) {

  public Signature {
    Require.nonNull("signer", signer);
    Require.nonNull("capacity", capacity);
    Require.nonNull("signedAt", signedAt);
  }
}
