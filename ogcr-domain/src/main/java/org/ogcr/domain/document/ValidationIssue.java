package org.ogcr.domain.document;

import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;

/**
 * One reason a document is refused (OGCR 4.4): where, by which rule, what is wrong and how to fix
 * it. Every stage of validation (schema, geometry, business rules) speaks this type, so a client
 * gets all its errors at once in one shape.
 *
 * @param pointer RFC 6901 JSON pointer into the document ({@code ""} is the whole document)
 * @param code stable rule code, for example {@code geometry_ring_not_closed} (docs/documents.md)
 * @param message what is wrong, with the offending values
 * @param fix how to make the document acceptable
 */
public record ValidationIssue(String pointer, String code, String message, String fix)
    implements Comparable<ValidationIssue> {

  // possessive quantifiers: no backtracking, so no recursion per character on long member names
  private static final Pattern POINTER = Pattern.compile("(?:/(?:[^~/]|~[01])*+)*+");
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern TEXT = Pattern.compile("(?s).*\\S.*");

  public ValidationIssue {
    Require.matches("pointer", pointer, POINTER, "must be an RFC 6901 JSON pointer");
    Require.matches("code", code, CODE, "must be a snake_case rule code");
    Require.matches("message", message, TEXT, "must say what is wrong");
    Require.matches("fix", fix, TEXT, "must say how to fix it");
  }

  /**
   * Escapes one reference token for a JSON pointer ({@code ~} → {@code ~0}, {@code /} → {@code
   * ~1}).
   */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Appends reference tokens to a pointer: {@code child("/geometry", "coordinates", 0)}. */
  public static String child(String pointer, Object... tokens) {
    StringBuilder sb = new StringBuilder(pointer);
    for (Object token : tokens) {
      sb.append('/').append(escape(String.valueOf(token)));
    }
    return sb.toString();
  }

  /** Document order: by pointer, then code. */
  @Override
  public int compareTo(ValidationIssue other) {
    int c = pointer.compareTo(other.pointer);
    return c != 0 ? c : code.compareTo(other.code);
  }
}
