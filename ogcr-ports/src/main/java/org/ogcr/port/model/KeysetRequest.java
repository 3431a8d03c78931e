package org.ogcr.port.model;

import java.util.Optional;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * Cursor (keyset) paging (OGCR 4.5.2): the items after {@code after}, at most {@code limit}. A
 * cursor is the opaque {@link KeysetPage#next()} of the previous page; unlike an offset it stays
 * right while items are added, and the store finds the next page through an index.
 *
 * @param after the cursor of the previous page; empty for the first page
 * @param limit 1 to {@value PageRequest#MAX_LIMIT}
 */
public record KeysetRequest(Optional<String> after, int limit) {

  public KeysetRequest {
    Require.nonNull("after", after);
    after.ifPresent(
        a -> {
          if (a.isEmpty() || a.length() > 512) {
            throw new InvalidValueException(
                "cursor", a, "must be a cursor returned as next by the previous page");
          }
        });
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw new InvalidValueException(
          "limit", limit, "must be between 1 and " + PageRequest.MAX_LIMIT);
    }
  }

  public static KeysetRequest first(int limit) {
    return new KeysetRequest(Optional.empty(), limit);
  }
}
