package org.ogcr.domain.methodology;

import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * A reference to one version of a registered methodology (OGCR 6.1.1), for example {@code
 * EC-M@1.1.0}. Documents cite a methodology only this way: an id alone is not enough, because rules
 * and parameters change only by a new version.
 */
public record MethodologyRef(String id, SemanticVersion version) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public MethodologyRef {
    Require.matches(
        "methodologyId",
        id,
        ID,
        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    Require.nonNull("methodologyVersion", version);
  }

  public static MethodologyRef of(String id, String version) {
    return new MethodologyRef(id, SemanticVersion.parse(version));
  }

  /** Parses {@code EC-M@1.1.0}; the inverse of {@link #toString()}. */
  public static MethodologyRef parse(String text) {
    Require.nonNull("methodology", text);
    int at = text.lastIndexOf('@');
    if (at < 0) {
      throw new InvalidValueException(
          "methodology", text, "must be ID@VERSION, for example EC-M@1.1.0");
    }
    return of(text.substring(0, at), text.substring(at + 1));
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
