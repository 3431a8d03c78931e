package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.domain.common.InvalidValueException;

class CanonicalJsonTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // ---- the canonical form

  @Test
  void givenTheDocumentedExample_canonicalize_givesItsCanonicalForm() {
    assertThat(text("{\"b\": 2.50, \"a\": [1E2]}")).isEqualTo("{\"a\":[100],\"b\":2.5}");
  }

  @Test
  void givenObject_canonicalize_sortsMembersAndDropsWhitespace() {
    assertThat(text(" { \"b\" : 2.50 ,\n\t\"a\" : [ 1E2 , true , null ] } "))
        .isEqualTo("{\"a\":[100,true,null],\"b\":2.5}");
  }

  @Test
  void givenNamesOutsideTheBasicPlane_canonicalize_sortsByUtf16CodeUnits() {
    // U+1F600 is the surrogate pair D83D DE00, so it sorts before U+FB33 although its code point
    // is larger (RFC 8785 section 3.2.3)
    assertThat(text("{\"\\ufb33\":1,\"\\ud83d\\ude00\":2,\"\\u00f6\":3,\"\\r\":4}"))
        .isEqualTo("{\"\\r\":4,\"\u00f6\":3,\"\ud83d\ude00\":2,\"\ufb33\":1}");
  }

  @Test
  void givenEscapes_canonicalize_keepsOnlyTheRequiredOnes() {
    assertThat(text("\"\\u0041\\/\\u00e9\\u001f\\u007f\\b\\f\\n\\r\\t\\\"\\\\\""))
        .isEqualTo("\"A/\u00e9\\u001f\u007f\\b\\f\\n\\r\\t\\\"\\\\\"");
  }

  @Test
  void givenSurrogatePair_canonicalize_writesFourUtf8Bytes() {
    assertThat(CanonicalJson.canonicalize("\"\\ud83d\\ude02\""))
        .containsExactly('"', 0xF0, 0x9F, 0x98, 0x82, '"');
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false", "null", "0", "\"\"", "[]", "{}"})
  void givenScalarOrEmptyRoot_canonicalize_acceptsIt(String json) {
    assertThat(text(" " + json + " ")).isEqualTo(json);
  }

  // ---- refusals: each with the code json_not_canonicalizable and a reason

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"a\":2}",
        "{\"x\":{\"a\":1,\"b\":2,\"a\":1}}",
        "[{\"id\":1},{\"id\":2,\"id\":2}]"
      })
  void givenDuplicateMemberName_canonicalize_isRefused(String json) {
    assertRefused(json).hasMessageContaining("Duplicate field");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"a\":1,}",
        "[1,]",
        "{'a':1}",
        "{a:1}",
        "[01]",
        "[.5]",
        "[1.]",
        "[+1]",
        "[NaN]",
        "[Infinity]",
        "// comment\n[1]",
        "[\"tab\tinside\"]",
        "[\"\\x\"]",
        "[1] [2]",
        "{\"a\":1} x",
        "[1e999999999999]",
        "tru"
      })
  void givenMalformedJson_canonicalize_isRefused(String json) {
    assertRefused(json).hasMessageContaining("not valid JSON");
  }

  @Test
  void givenMalformedJson_refusal_namesLineAndColumn() {
    assertRefused("{\n  \"a\": 1,\n}").hasMessageContaining("at line 3, column 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "-1e309", "1.8e308", "[1E400]", "{\"q\":-2e308}"})
  void givenNumberBeyondDoubleRange_canonicalize_isRefused(String json) {
    assertRefused(json).hasMessageContaining("beyond the range of an IEEE-754 double");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-400", "-2e-324", "[1e-999]"})
  void givenNumberBelowSmallestDouble_canonicalize_isRefused(String json) {
    assertRefused(json).hasMessageContaining("closer to zero than the smallest IEEE-754 double");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3.141592653589793238462643383279",
        "123456789012345678901234567890",
        "0.123456789012345678",
        "1.00000000000000000001"
      })
  void givenNumberWithMoreThan17SignificantDigits_canonicalize_isRefused(String json) {
    assertRefused(json).hasMessageContaining("more than the 17 an IEEE-754 double holds");
  }

  @Test
  void givenJava17EighteenDigitSpellingOfADouble_canonicalize_isRefused() {
    // Double.toString(2.4393383966365738E17) on Java 17; Java 19+ and JavaScript write
    // 243933839663657380
    assertRefused("2.43933839663657376E17")
        .hasMessageContaining("has 18 significant digits")
        .hasMessageEndingWith("round it to 243933839663657380");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9007199254740993", "-9007199254740993", "12345678901234567"})
  void givenIntegerADoubleCannotHold_canonicalize_isRefused(String json) {
    assertRefused(json).hasMessageContaining("integer beyond 2^53");
  }

  @Test
  void givenNumberRefusal_message_namesValuePointerAndCanonicalText() {
    assertRefused("{\"credits\":[1, 9007199254740993]}")
        .hasMessage(
            "JSON cannot be canonicalized (RFC 8785): number 9007199254740993 at \"/credits/1\""
                + " is an integer beyond 2^53 that an IEEE-754 double cannot hold exactly;"
                + " canonical form would change it to 9007199254740992");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[\"\\ud800\"]",
        "[\"\\udc00x\"]",
        "[\"a\\ud83d\"]",
        "{\"\\ude00\":1}",
        "[\"\ud800\"]"
      })
  void givenLoneSurrogate_canonicalize_isRefused(String json) {
    // Jackson refuses a lone surrogate in a member name itself; ours catches it in values
    assertRefused(json).hasMessageContaining("surrogate");
  }

  @Test
  void givenLoneSurrogate_refusal_pointsAtTheMemberAndIndex() {
    assertRefused("{\"a/b\":{\"c~\":\"xy\\udfff\"}}")
        .hasMessageContaining("string at \"/a~1b/c~0\" holds a lone surrogate U+DFFF at index 2");
  }

  @Test
  void givenNullText_canonicalize_isRefusedAsMissingValue() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize((String) null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("json is required; was null");
  }

  // ---- JsonNode input: the canonical form of the text Jackson writes for the tree

  @Test
  void givenTreeWithDecimals_canonicalize_writesTheirValues() {
    ObjectNode node = NODES.objectNode();
    node.put("scientific", new BigDecimal("1E+2"));
    node.put("trailingZeros", new BigDecimal("4.500"));
    node.put("float", 0.1f);
    node.put("double", -0.0);
    node.put("long", Long.MAX_VALUE >> 11);

    assertThat(text(node))
        .isEqualTo(
            "{\"double\":0,\"float\":0.1,\"long\":4503599627370495,\"scientific\":100,"
                + "\"trailingZeros\":4.5}");
  }

  @Test
  void givenTreeReadByAnyMapper_canonicalize_equalsCanonicalizeOfTheText() throws Exception {
    String json = "{\"z\":[1,2.50,\"\\u00e9\"],\"a\":{\"n\":null,\"t\":true,\"e\":1e-7}}";
    JsonNode node = new ObjectMapper().readTree(json);

    assertThat(CanonicalJson.canonicalize(node)).isEqualTo(CanonicalJson.canonicalize(json));
  }

  @Test
  void givenTreeWithDoubleJava17WritesWith18Digits_canonicalize_writesItsShortestForm() {
    assertThat(text(NODES.numberNode(2.43933839663657376E17))).isEqualTo("243933839663657380");
  }

  @Test
  void givenTreeWithHugeDecimal_canonicalize_isRefusedAsBeyondRange() {
    ObjectNode node = NODES.objectNode().put("x", new BigDecimal("1E+10000"));

    assertRefused(node).hasMessageContaining("beyond the range of an IEEE-754 double");
  }

  @Test
  void givenTreeWithIntegerBeyondDoublePrecision_canonicalize_isRefused() {
    ObjectNode node = NODES.objectNode().put("x", new BigInteger("9007199254740993"));

    assertRefused(node).hasMessageContaining("integer beyond 2^53");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void givenTreeWithNonFiniteDouble_canonicalize_isRefused(double value) {
    ObjectNode node = NODES.objectNode();
    node.putArray("xs").add(1).add(value);

    assertRefused(node).hasMessageContaining("at \"/xs/1\" is not a JSON number");
  }

  @Test
  void givenTreeWithNonFiniteFloat_canonicalize_isRefused() {
    assertRefused(NODES.numberNode(Float.NaN)).hasMessageContaining("is not a JSON number");
  }

  @Test
  void givenMissingNode_canonicalize_isRefused() {
    assertRefused(MissingNode.getInstance()).hasMessageContaining("missing node");
    ObjectNode node = NODES.objectNode();
    node.set("gone", MissingNode.getInstance());
    assertRefused(node).hasMessageContaining("\"/gone\" is a missing node");
  }

  @Test
  void givenTreeWithLoneSurrogate_canonicalize_isRefused() {
    assertRefused(NODES.objectNode().put("s", "\ud800")).hasMessageContaining("lone surrogate");
  }

  @Test
  void givenTreeWithPojo_canonicalize_writesItAsJackson() {
    ObjectNode node = NODES.objectNode();
    node.putPOJO("pojo", Map.of("k", 1.50));

    assertThat(text(node)).isEqualTo("{\"pojo\":{\"k\":1.5}}");
  }

  @Test
  void givenPojoHoldingNaN_canonicalize_isRefusedNotTurnedIntoAString() {
    ObjectNode node = NODES.objectNode();
    node.putPOJO("pojo", Map.of("k", Double.NaN));

    assertRefused(node).hasMessageContaining("not valid JSON");
  }

  @Test
  void givenNullTree_canonicalize_isRefusedAsMissingValue() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize((JsonNode) null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("node is required; was null");
  }

  private static String text(String json) {
    return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
  }

  private static String text(JsonNode node) {
    return new String(CanonicalJson.canonicalize(node), StandardCharsets.UTF_8);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String json) {
    return assertThatThrownBy(() -> CanonicalJson.canonicalize(json))
        .isInstanceOfSatisfying(
            CanonicalizationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("json_not_canonicalizable");
              assertThat(e.getMessage())
                  .startsWith("JSON cannot be canonicalized (RFC 8785): ")
                  .endsWith(e.reason());
            });
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(JsonNode node) {
    return assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOfSatisfying(
            CanonicalizationException.class,
            e -> assertThat(e.code()).isEqualTo("json_not_canonicalizable"));
  }
}
