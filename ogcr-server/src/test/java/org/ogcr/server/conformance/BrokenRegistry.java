package org.ogcr.server.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately broken registry: the reference server behind a proxy on 127.0.0.1 that breaks one
 * requirement the way a faulty implementation would, so that the conformance kit can be shown to
 * catch it.
 */
final class BrokenRegistry implements AutoCloseable {

  /** A request as the proxy forwards it; a defect may change it. */
  record Request(String method, String path, Map<String, String> headers, byte[] body) {

    /** The same request with header {@code name} set to {@code value}, or removed when null. */
    Request withHeader(String name, String value) {
      Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.putAll(headers);
      if (value == null) {
        h.remove(name);
      } else {
        h.put(name, value);
      }
      return new Request(method, path, h, body);
    }
  }

  /** A response as the proxy returns it; a defect may change it. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {

    /** The same response with header {@code name} set to {@code value}, or removed when null. */
    Response withHeader(String name, String value) {
      Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.putAll(headers);
      if (value == null) {
        h.remove(name);
      } else {
        h.put(name, List.of(value));
      }
      return new Response(status, h, body);
    }
  }

  /** One way of being broken. */
  interface Defect {
    default Request request(Request r) {
      return r;
    }

    default Response response(Request request, Response r) {
      return r;
    }

    /** A defect in what reaches the registry only. */
    static Defect onRequest(java.util.function.UnaryOperator<Request> change) {
      return new Defect() {
        @Override
        public Request request(Request r) {
          return change.apply(r);
        }
      };
    }

    /** A defect in what the registry answers only. */
    static Defect onResponse(java.util.function.BiFunction<Request, Response, Response> change) {
      return new Defect() {
        @Override
        public Response response(Request request, Response r) {
          return change.apply(request, r);
        }
      };
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "transfer-encoding", "host", "upgrade", "keep-alive");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  BrokenRegistry(String upstream, Defect defect) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            forward(upstream, defect, exchange);
          } catch (Exception e) {
            byte[] body = ("proxy error: " + e).getBytes();
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(String upstream, Defect defect, HttpExchange exchange) throws Exception {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
    Request request =
        defect.request(
            new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                headers,
                exchange.getRequestBody().readAllBytes()));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(upstream + request.path()))
            .method(
                request.method(),
                request.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (k, v) -> {
              if (!HOP_BY_HOP.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                b.header(k, v);
              }
            });
    HttpResponse<byte[]> upstreamResponse =
        client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    Response response =
        defect.response(
            request,
            new Response(
                upstreamResponse.statusCode(),
                headers(upstreamResponse.headers()),
                upstreamResponse.body()));
    response
        .headers()
        .forEach(
            (k, v) -> {
              if (!HOP_BY_HOP.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                exchange.getResponseHeaders().put(k, v);
              }
            });
    boolean empty = response.body().length == 0;
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static Map<String, List<String>> headers(HttpHeaders h) {
    Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.map().forEach((k, v) -> m.put(k, List.copyOf(v)));
    m.remove(":status");
    return m;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
