package org.ogcr.port.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * The response a write sent with an {@code Idempotency-Key} got the first time, kept so that a
 * repeat of the request gets the same answer without running it again.
 *
 * @param status the HTTP status, 100 to 599
 * @param contentType the media type of {@code body}; empty when there is no body
 * @param body the response body as text; empty when there is none
 * @param headers the response headers a repeat must see again (for example {@code Location}), by
 *     name, in name order
 */
public record RecordedResponse(
    int status, String contentType, String body, Map<String, String> headers) {

  public RecordedResponse {
    Require.between("status", status, 100, 599);
    Require.nonNull("contentType", contentType);
    Require.nonNull("body", body);
    Require.nonNull("headers", headers);
    TreeMap<String, String> sorted = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          if (name == null || name.isBlank() || value == null) {
            throw new InvalidValueException(
                "headers", name, "must map each non-blank header name to a value");
          }
          sorted.put(name, value);
        });
    headers = Collections.unmodifiableMap(sorted);
  }

  /** A response with a body and no headers. */
  public static RecordedResponse of(int status, String contentType, String body) {
    return new RecordedResponse(status, contentType, body, Map.of());
  }
}
