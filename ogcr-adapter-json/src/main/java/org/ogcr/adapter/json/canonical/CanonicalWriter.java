package org.ogcr.adapter.json.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a strictly parsed tree in RFC 8785 form. */
final class CanonicalWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalWriter() {}

  static byte[] write(JsonNode root) {
    StringBuilder out = new StringBuilder();
    value(root, "", out);
    // lone surrogates were refused, so this encoding replaces nothing
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON pointer (RFC 6901) for messages; the root pointer is the empty string. */
  static String where(String pointer) {
    return pointer.isEmpty() ? "the root" : "\"" + pointer + "\"";
  }

  /** The pointer of member {@code name} (or of an array index) below {@code pointer}. */
  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  private static void value(JsonNode node, String pointer, StringBuilder out) {
    if (node.isObject()) {
      object(node, pointer, out);
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(node.get(i), child(pointer, Integer.toString(i)), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), pointer, out);
    } else if (node.isNumber()) {
      out.append(CanonicalNumbers.canonical(node, pointer));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNull()) {
      out.append("null");
    } else {
      throw new CanonicalizationException(
          where(pointer) + " holds " + node.getNodeType() + ", which is not a JSON value", pointer);
    }
  }

  private static void object(JsonNode node, String pointer, StringBuilder out) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    // RFC 8785 section 3.2.3: names compared as arrays of UTF-16 code units, which is exactly
    // String.compareTo; no locale, no normalization
    members.sort(Map.Entry.comparingByKey());
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : members) {
      if (!first) {
        out.append(',');
      }
      first = false;
      String memberPointer = child(pointer, member.getKey());
      string(member.getKey(), memberPointer, out);
      out.append(':');
      value(member.getValue(), memberPointer, out);
    }
    out.append('}');
  }

  /** RFC 8785 section 3.2.2.2 (the ECMAScript JSON.stringify rules for strings). */
  private static void string(String text, String pointer, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        // I-JSON (RFC 7493 section 2.1): strings are Unicode; a lone surrogate has no UTF-8 form
        throw new CanonicalizationException(
            String.format(
                "string at %s holds a lone surrogate U+%04X at index %d",
                where(pointer), (int) c, i),
            pointer);
      } else {
        escaped(c, out);
      }
    }
    out.append('"');
  }

  private static void escaped(char c, StringBuilder out) {
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (c < 0x20) {
          // the other controls as a six-character escape: backslash, u, 00, two lowercase hex
          // digits
          out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
          out.append(c);
        }
    }
  }
}
