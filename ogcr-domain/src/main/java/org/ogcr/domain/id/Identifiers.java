package org.ogcr.domain.id;

import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;

/**
 * The one syntax every registry identifier shares: 1 to 128 characters, starting with a letter or
 * digit, then letters, digits, '.', '_', ':' or '-'. Wide enough for UUIDs, URNs and human-chosen
 * slugs; narrow enough to be safe in a URL path segment and a log line.
 */
final class Identifiers {

  static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private Identifiers() {}

  static String require(String field, String value) {
    return Require.matches(
        field,
        value,
        SYNTAX,
        "must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-', starting with a"
            + " letter or digit");
  }
}
