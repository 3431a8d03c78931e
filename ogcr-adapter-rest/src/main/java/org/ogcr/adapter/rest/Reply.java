package org.ogcr.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.port.model.RecordedResponse;

/**
 * What an operation answers: status, media type, body and extra headers. A value, so a write's
 * reply can be recorded for {@code Idempotency-Key} repeats and replayed byte for byte.
 */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonNode body) {
    return new Reply(status, JSON, write(body), Map.of());
  }

  static Reply ok(JsonNode body) {
    return json(200, body);
  }

  /** 201 with the new resource's location. */
  static Reply created(String location, JsonNode body) {
    return new Reply(201, JSON, write(body), Map.of("Location", location));
  }

  static Reply noContent() {
    return new Reply(204, "", "", Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }

  Reply withStatus(int other) {
    return new Reply(other, contentType, body, headers);
  }

  RecordedResponse recorded() {
    return new RecordedResponse(status, contentType, body, headers);
  }

  static Reply of(RecordedResponse r) {
    return new Reply(r.status(), r.contentType(), r.body(), r.headers());
  }

  static String write(JsonNode node) {
    try {
      return StrictJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // a tree of nodes always serialises
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
