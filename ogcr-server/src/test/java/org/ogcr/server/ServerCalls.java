package org.ogcr.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Requests to a server under test as its clients send them; redirects are not followed. */
final class ServerCalls {

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String url;

  ServerCalls(String url) {
    this.url = url;
  }

  /** A request with these headers and, when not null, a body. */
  HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON request (or none, when {@code json} is null) with an API key. */
  HttpResponse<String> withKey(String method, String path, String apiKey, String json) {
    return withHeader("X-API-Key", apiKey, method, path, json);
  }

  /** A JSON request (or none) with an {@code Authorization} header. */
  HttpResponse<String> withAuthorization(
      String method, String path, String authorization, String json) {
    return withHeader("Authorization", authorization, method, path, json);
  }

  private HttpResponse<String> withHeader(
      String name, String value, String method, String path, String json) {
    return send(
        method,
        path,
        json == null
            ? Map.of(name, value)
            : Map.of(name, value, "Content-Type", "application/json"),
        json);
  }

  /** A form post, with a {@code Cookie} header when {@code cookie} is not null. */
  HttpResponse<String> form(String path, Map<String, String> form, String cookie) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        "POST",
        path,
        cookie == null
            ? Map.of("Content-Type", "application/x-www-form-urlencoded")
            : Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie),
        body.toString());
  }
}
