package org.ogcr.adapter.json.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * JSON values for properties, and the many texts of one value: members in any order, any
 * insignificant whitespace, optional escapes, several spellings of each number.
 */
final class JsonValues {

  private static final long MAX_EXACT_INTEGER = 1L << 53;
  private static final String[] WHITESPACE = {"", "", " ", "\n", "\t", "\r\n  "};

  private JsonValues() {}

  /** A JSON value: the model the properties generate, mutate and render. */
  sealed interface Json permits Obj, Arr, Str, Num, Lit {}

  /** Member names are unique; the map keeps the generated order. */
  record Obj(Map<String, Json> members) implements Json {}

  record Arr(List<Json> items) implements Json {}

  record Str(String value) implements Json {}

  /** A number; {@code integral} ones are within ±2^53 and may be written as integers. */
  record Num(double value, boolean integral) implements Json {}

  record Lit(String token) implements Json {}

  static Arbitrary<Json> values() {
    return Arbitraries.recursive(JsonValues::leaves, JsonValues::containersOf, 0, 4);
  }

  static Arbitrary<Double> finiteDoubles() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.doubles(),
        Arbitraries.integers().between(-1_000_000, 1_000_000).map(i -> i / 1000.0));
  }

  static Arbitrary<String> strings(int maxLength) {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.integers().between(0, 0x1F)),
            Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
            Tuple.of(2, Arbitraries.integers().between(0x7F, 0xD7FF)),
            Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return codePoints
        .list()
        .ofMaxSize(maxLength)
        .map(
            cps -> {
              StringBuilder s = new StringBuilder();
              cps.forEach(s::appendCodePoint);
              return s.toString();
            });
  }

  private static Arbitrary<Json> leaves() {
    return Arbitraries.oneOf(
        strings(8).map(Str::new),
        Arbitraries.longs()
            .between(-MAX_EXACT_INTEGER, MAX_EXACT_INTEGER)
            .map(n -> new Num(n, true)),
        finiteDoubles().map(d -> new Num(d, false)),
        Arbitraries.of("true", "false", "null").map(Lit::new));
  }

  private static Arbitrary<Json> containersOf(Arbitrary<Json> inner) {
    Arbitrary<Json> arrays = inner.list().ofMaxSize(4).map(Arr::new);
    Arbitrary<Json> objects =
        Arbitraries.maps(strings(5), inner).ofMaxSize(4).map(m -> new Obj(new LinkedHashMap<>(m)));
    return Arbitraries.oneOf(inner, arrays, objects);
  }

  /** The same value with its first leaf (depth first, in member order) changed. */
  static Json changed(Json value) {
    if (value instanceof Obj obj) {
      Map<String, Json> members = new LinkedHashMap<>(obj.members());
      if (members.isEmpty()) {
        members.put("x", new Lit("null"));
      } else {
        Map.Entry<String, Json> first = members.entrySet().iterator().next();
        members.put(first.getKey(), changed(first.getValue()));
      }
      return new Obj(members);
    }
    if (value instanceof Arr arr) {
      List<Json> items = new ArrayList<>(arr.items());
      if (items.isEmpty()) {
        items.add(new Lit("null"));
      } else {
        items.set(0, changed(items.get(0)));
      }
      return new Arr(items);
    }
    if (value instanceof Str str) {
      return new Str(str.value() + "!");
    }
    if (value instanceof Num num) {
      if (num.integral()) {
        long n = (long) num.value();
        return new Num(n == MAX_EXACT_INTEGER ? n - 1 : n + 1, true);
      }
      return new Num(num.value() == 0 ? 1 : -num.value(), false);
    }
    String token = ((Lit) value).token();
    return new Lit(token.equals("true") ? "false" : token.equals("false") ? "null" : "true");
  }

  /** One of the texts of {@code value}, chosen by {@code random}. */
  static String render(Json value, Random random) {
    StringBuilder out = new StringBuilder();
    write(value, random, out);
    return space(random) + out + space(random);
  }

  private static void write(Json value, Random random, StringBuilder out) {
    if (value instanceof Obj obj) {
      List<Map.Entry<String, Json>> members = new ArrayList<>(obj.members().entrySet());
      Collections.shuffle(members, random);
      out.append('{').append(space(random));
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(space(random)).append(',').append(space(random));
        }
        string(members.get(i).getKey(), random, out);
        out.append(space(random)).append(':').append(space(random));
        write(members.get(i).getValue(), random, out);
      }
      out.append(space(random)).append('}');
    } else if (value instanceof Arr arr) {
      out.append('[').append(space(random));
      for (int i = 0; i < arr.items().size(); i++) {
        if (i > 0) {
          out.append(space(random)).append(',').append(space(random));
        }
        write(arr.items().get(i), random, out);
      }
      out.append(space(random)).append(']');
    } else if (value instanceof Str str) {
      string(str.value(), random, out);
    } else if (value instanceof Num num) {
      out.append(number(num, random));
    } else {
      out.append(((Lit) value).token());
    }
  }

  private static String number(Num num, Random random) {
    double d = num.value();
    if (num.integral()) {
      long n = (long) d;
      switch (random.nextInt(3)) {
        case 0:
          return Long.toString(n);
        case 1:
          return n + ".0";
        default:
          return n + "e0";
      }
    }
    String canonical = CanonicalNumbers.format(d);
    switch (random.nextInt(3)) {
      case 0:
        return canonical;
      case 1:
        // the same digits in another notation: plain where that stays short, else 1.5E+30 style
        BigDecimal value = new BigDecimal(canonical);
        int exponent = value.precision() - value.scale() - 1;
        return Math.abs(exponent) < 30 ? value.toPlainString() : value.toString();
      default:
        // 17 significant digits always name the double again; keep it a fraction or an exponent
        // form, since an integer literal beyond 2^53 must already be canonical
        String text = new BigDecimal(d).round(new MathContext(17)).toString();
        return text.contains(".") || text.contains("E") ? text : text + ".0";
    }
  }

  private static void string(String value, Random random, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      i += Character.charCount(codePoint);
      boolean mustEscape = codePoint < 0x20 || codePoint == '"' || codePoint == '\\';
      if (!mustEscape && random.nextInt(8) != 0) {
        out.appendCodePoint(codePoint);
        continue;
      }
      String shortForm = codePoint < 0x80 ? shortEscape((char) codePoint) : null;
      if (shortForm != null && random.nextBoolean()) {
        out.append(shortForm);
        continue;
      }
      // outside the basic plane both surrogates are escaped: an escaped high surrogate followed by
      // a raw low one is not JSON text (the raw one is alone in the text)
      for (char unit : Character.toChars(codePoint)) {
        String hex = String.format("%04x", (int) unit);
        out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
      }
    }
    out.append('"');
  }

  private static String shortEscape(char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '/':
        return "\\/";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return null;
    }
  }

  private static String space(Random random) {
    return WHITESPACE[random.nextInt(WHITESPACE.length)];
  }
}
