package org.ogcr.port.in;

import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.Require;

/** The result of a state transition and the attestation that records it. */
public record Receipted<T>(T value, Attestation attestation) {

  public Receipted {
    Require.nonNull("value", value);
    Require.nonNull("attestation", attestation);
  }
}
