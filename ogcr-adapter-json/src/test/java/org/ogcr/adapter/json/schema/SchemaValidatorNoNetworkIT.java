package org.ogcr.adapter.json.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.json.schema.Examples.Refusal;
import org.ogcr.domain.document.ValidationIssue;

/**
 * Nothing is fetched from the network: a {@code $ref} to a schema that a local HTTP server would
 * happily serve is refused, and the server never sees a request. If this fails, check the
 * registry's schema loader (fetchRemoteResources, the allow predicate) in {@link SchemaValidator}.
 */
class SchemaValidatorNoNetworkIT {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/schema+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void givenRefToAServedSchema_register_refusesIt_withoutARequest() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/habitat.schema.json";
    JsonNode extension =
        Examples.JSON.readTree(
            "{\"properties\": {\"properties\": {\"properties\": {\"ecm:habitatSurvey\":"
                + " {\"$ref\": \""
                + url
                + "\"}}}}}");

    List<ValidationIssue> issues =
        new SchemaValidator()
            .registerExtension("EC-M", "1.1.0", "ecm", SchemaValidator.PDD, extension);

    assertThat(Examples.errors(issues))
        .containsExactly(new Refusal("", SchemaValidator.EXTENSION_INVALID_SCHEMA));
    assertThat(issues.get(0).message()).contains(url);
    assertThat(requests.get()).as("requests the server received").isZero();
  }
}
