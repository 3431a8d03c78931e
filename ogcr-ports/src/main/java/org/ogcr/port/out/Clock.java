package org.ogcr.port.out;

import java.time.Instant;

/**
 * The registry's only source of time. The domain never reads the wall clock; services ask this port
 * and pass the instant in, so tests and replays control time.
 */
public interface Clock {

  Instant now();
}
