package org.ogcr.domain.signoff;

import java.time.Instant;
import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/** A signer's request for additional review, for example of an anomalous issuance volume. */
public record Hold(ActorId by, String reason, Instant at) {

  private static final Pattern REASON = Pattern.compile("(?s).*\\S.*");

  public Hold {
    Require.nonNull("by", by);
    Require.matches("reason", reason, REASON, "must say why the issuance is held");
    Require.nonNull("at", at);
  }
}
