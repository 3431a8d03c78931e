package org.ogcr.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kit's HTTP client: every exchange of the running test is kept, so that a failure shows the
 * requests and responses that led to it.
 */
public final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON mapper the kit reads and writes with. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** A response, its body read as JSON when it is JSON. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    /** The body as JSON; a missing node for a body that is not JSON. */
    public JsonNode json() {
      try {
        return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
      } catch (IOException e) {
        return JSON.missingNode();
      }
    }
  }

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final List<Exchange> exchanges = new ArrayList<>();
  private final java.util.Set<String> secrets = new java.util.HashSet<>();

  /** The most 429 answers one request waits out before it is taken as the answer. */
  private static final int PATIENCE = 3;

  public Http(String base) {
    this.base = base.replaceAll("/+$", "");
  }

  public String base() {
    return base;
  }

  /** Secrets never to show: every credential of the run. */
  public void redact(java.util.Collection<String> secrets) {
    secrets.forEach(
        v -> {
          if (v.length() >= 8) {
            this.secrets.add(v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7) : v);
          }
        });
  }

  /** {@code text} with every secret of the run replaced by an ellipsis. */
  public String redacted(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "…");
    }
    return out;
  }

  private Map<String, List<String>> redacted(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new TreeMap<>();
    headers.forEach((k, v) -> out.put(k, v.stream().map(this::redacted).toList()));
    return out;
  }

  /**
   * Like {@link #send}, but a 429 is waited out ({@code Retry-After}, at most 30 s each, {@value
   * #PATIENCE} times): a test's verdict never hangs on the registry's rate limit.
   */
  public Response send(
      Optional<Credentials.Role> as, String method, String path, String body, String... headers) {
    Response r = sendOnce(as, method, path, body, headers);
    for (int i = 0; i < PATIENCE && r.status() == 429; i++) {
      long wait =
          r.header("Retry-After").filter(v -> v.matches("\\d+")).map(Long::parseLong).orElse(5L);
      try {
        Thread.sleep(Math.min(30, Math.max(1, wait)) * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CannotTell("interrupted while waiting out a rate limit");
      }
      r = sendOnce(as, method, path, body, headers);
    }
    return r;
  }

  /** Forgets the exchanges of the test before. */
  public void startTest() {
    exchanges.clear();
  }

  /** The exchanges of the running test, oldest first. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /**
   * A request, sent once: who sends it (empty: anonymous), method, path under the base URL, body,
   * headers.
   */
  public Response sendOnce(
      Optional<Credentials.Role> as, String method, String path, String body, String... headers) {
    URI uri = URI.create(path.startsWith("http") ? path : base + path);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    Map<String, List<String>> shown = new LinkedHashMap<>();
    if (body != null) {
      b.header("Content-Type", "application/json");
      shown.put("Content-Type", List.of("application/json"));
    }
    b.header("Accept", "application/json, application/geo+json, application/problem+json");
    if (as.isPresent()) {
      String secret = as.get().secret();
      if (secret.regionMatches(true, 0, "Bearer ", 0, 7)) {
        b.header("Authorization", secret);
        shown.put("Authorization", List.of("Bearer … (" + as.get().name() + ")"));
      } else {
        b.header("X-API-Key", secret);
        shown.put("X-API-Key", List.of("… (" + as.get().name() + ")"));
      }
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      shown.put(headers[i], List.of(redacted(headers[i + 1])));
    }
    try {
      HttpResponse<String> r =
          client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, List<String>> responseHeaders = new TreeMap<>(r.headers().map());
      responseHeaders.remove(":status");
      exchanges.add(
          new Exchange(
              method,
              uri.toString(),
              shown,
              body == null ? "" : redacted(body),
              r.statusCode(),
              redacted(responseHeaders),
              redacted(r.body())));
      return new Response(r.statusCode(), responseHeaders, r.body());
    } catch (IOException e) {
      throw new CannotTell(method + " " + uri + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CannotTell("interrupted during " + method + " " + uri);
    }
  }
}
