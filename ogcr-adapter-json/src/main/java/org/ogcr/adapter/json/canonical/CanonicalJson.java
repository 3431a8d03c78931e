package org.ogcr.adapter.json.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.Require;

/**
 * RFC 8785 (JSON Canonicalization Scheme) canonical bytes of a JSON text or tree: members sorted by
 * UTF-16 code units, no insignificant whitespace, strings escaped as ECMAScript does, numbers
 * written as ECMAScript writes their double, UTF-8. For example {@code {"b": 2.50, "a": [1E2]}}
 * becomes {@code {"a":[100],"b":2.5}}.
 *
 * <p>Refused with {@link CanonicalizationException} ({@code json_not_canonicalizable}):
 *
 * <ul>
 *   <li>text that is not RFC 8259 JSON, no text at all, or trailing content after the value;
 *   <li>a duplicate member name in any object (RFC 8785 section 3.1, I-JSON);
 *   <li>a lone surrogate in a string or member name (I-JSON section 2.1);
 *   <li>a number the canonical form would silently change, that is one which
 *       <ol>
 *         <li>is beyond the range of a double ({@code 1e309}),
 *         <li>is not zero but closer to zero than the smallest double ({@code 1e-400}),
 *         <li>has more than 17 significant digits ({@code 3.141592653589793238}), or
 *         <li>is written as an integer and the canonical text would name another integer ({@code
 *             9007199254740993}, which a double holds as 9007199254740992).
 *       </ol>
 * </ul>
 *
 * <p>Everything else follows RFC 8785 even where it rounds: a fraction with at most 17 significant
 * digits becomes the shortest text of its nearest double ({@code 333333333.33333329} becomes {@code
 * 333333333.3333333}, RFC 8785's own test vector), and {@code -0} becomes {@code 0}. Numbers that
 * must stay exact beyond these limits belong in JSON strings. Writers that print a double's
 * shortest digits (JavaScript, Python's repr, Java 19+, Jackson with {@code
 * USE_FAST_DOUBLE_WRITER}) never meet rule 3; Java 17's {@code Double.toString} writes a few
 * doubles between 1e17 and 1e19 with 18 digits ({@code 2.43933839663657376E17}), which are refused
 * as text; as a {@code JsonNode} the same double is accepted.
 */
public final class CanonicalJson {

  // Reading and writing as StrictJson does: strict RFC 8259, duplicates and trailing tokens
  // refused, numbers exact; writing (for JsonNode input) with the shortest digits of each double
  // (Schubfach), where Java 17's Double.toString writes some with 18, and NaN left bare, for the
  // re-read to refuse.
  private static final JsonMapper MAPPER = StrictJson.MAPPER;

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes of a JSON text; any JSON value may be the root. */
  public static byte[] canonicalize(String json) {
    Require.nonNull("json", json);
    return CanonicalWriter.write(parse(json));
  }

  /**
   * The canonical UTF-8 bytes of a Jackson tree, defined as those of the JSON text Jackson writes
   * for it, so a tree and its text always share one identity. A {@code DecimalNode} is written as
   * {@link java.math.BigDecimal#toString()} (maybe {@code 1E+2}); the canonical form depends only
   * on the value, so plain notation is not needed, and scientific notation keeps a number such as
   * {@code 1E+10000} short enough to reach the range check. NaN, infinities and missing nodes are
   * refused.
   */
  public static byte[] canonicalize(JsonNode node) {
    Require.nonNull("node", node);
    refuseWhatTextCannotHold(node, "");
    String text;
    try {
      text = MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new CanonicalizationException(
          "the tree cannot be written as JSON: " + e.getOriginalMessage());
    }
    return canonicalize(text);
  }

  private static JsonNode parse(String json) {
    try {
      return StrictJson.read(json);
    } catch (StrictJson.MalformedJsonException e) {
      throw new CanonicalizationException(e.getMessage());
    }
  }

  /** What Jackson would write as a string, as null or not at all, instead of refusing. */
  private static void refuseWhatTextCannotHold(JsonNode node, String pointer) {
    if (node.isMissingNode()) {
      throw new CanonicalizationException(
          CanonicalWriter.where(pointer) + " is a missing node, which is not a JSON value");
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      throw new CanonicalizationException(
          "number "
              + node.doubleValue()
              + " at "
              + CanonicalWriter.where(pointer)
              + " is not a JSON number (RFC 8259 has no NaN or Infinity)");
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        refuseWhatTextCannotHold(
            member.getValue(), CanonicalWriter.child(pointer, member.getKey()));
      }
    } else if (node.isArray()) {
      Iterator<JsonNode> items = node.elements();
      for (int i = 0; items.hasNext(); i++) {
        refuseWhatTextCannotHold(items.next(), CanonicalWriter.child(pointer, Integer.toString(i)));
      }
    }
  }
}
