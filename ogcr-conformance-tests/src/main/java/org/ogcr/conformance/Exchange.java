package org.ogcr.conformance;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response, as a report shows them. Credentials are masked: a report may
 * be published.
 */
public record Exchange(
    String method,
    String url,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody) {

  /** The longest body a report shows. */
  private static final int SHOWN = 4000;

  /** The exchange as text: the request line, headers and body, then the response's. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(url).append('\n');
    requestHeaders.forEach(
        (k, v) -> sb.append(k).append(": ").append(String.join(", ", v)).append('\n'));
    if (!requestBody.isEmpty()) {
      sb.append('\n').append(clip(requestBody)).append('\n');
    }
    sb.append("\n-> ").append(status).append('\n');
    responseHeaders.forEach(
        (k, v) -> sb.append(k).append(": ").append(String.join(", ", v)).append('\n'));
    if (!responseBody.isEmpty()) {
      sb.append('\n').append(clip(responseBody)).append('\n');
    }
    return sb.toString();
  }

  private static String clip(String body) {
    return body.length() <= SHOWN
        ? body
        : body.substring(0, SHOWN) + "… (" + body.length() + " characters)";
  }
}
