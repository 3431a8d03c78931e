package org.ogcr.port.model;

import org.ogcr.domain.common.InvalidValueException;

/**
 * Offset paging (OGCR 4.5.2): skip {@code offset} items, return at most {@code limit}.
 *
 * @param limit 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(long offset, int limit) {

  public static final int MAX_LIMIT = 1000;
  public static final PageRequest FIRST = new PageRequest(0, 100);

  public PageRequest {
    if (offset < 0) {
      throw new InvalidValueException("offset", offset, "must be zero or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit", limit, "must be between 1 and " + MAX_LIMIT);
    }
  }
}
