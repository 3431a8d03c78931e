package org.ogcr.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way this project reads JSON: RFC 8259 only (Jackson's defaults: no comments, NaN, leading
 * zeros, single quotes or trailing commas), plus duplicate member names refused, trailing content
 * refused, every number kept exact as {@link java.math.BigDecimal}, and nesting at most {@value
 * #MAX_DEPTH} levels deep. Writing uses the shortest digits of each double. Canonical hashing and
 * document validation both read through here, so a document is judged and hashed as the same value.
 */
public final class StrictJson {

  /** Deeper documents are refused before they can exhaust the stack. */
  public static final int MAX_DEPTH = 128;

  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(
              DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
              DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
              DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

  private StrictJson() {}

  /** Text that is not strict JSON; the message says why and where. */
  public static final class MalformedJsonException extends Exception {
    MalformedJsonException(String message) {
      super(message);
    }
  }

  /**
   * Reads one JSON value.
   *
   * @throws MalformedJsonException naming the problem and its line and column
   */
  public static JsonNode read(String json) throws MalformedJsonException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(
          "not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
    } catch (NumberFormatException e) {
      // Jackson reports a number its BigDecimal cannot hold (1e999999999999) this way
      throw new MalformedJsonException("not valid JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedJsonException("not valid JSON: the text holds no value");
    }
    return root;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
