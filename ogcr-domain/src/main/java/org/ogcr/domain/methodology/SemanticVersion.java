package org.ogcr.domain.methodology;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;

/**
 * A Semantic Versioning 2.0.0 version without build metadata: {@code MAJOR.MINOR.PATCH} with an
 * optional pre-release, for example {@code 1.1.0} or {@code 2.0.0-rc.1}. OGCR 6.1.1: every change
 * to a methodology's rules or parameters is a new version.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease)
    implements Comparable<SemanticVersion> {

  // semver.org's grammar, less build metadata: numbers without leading zeros.
  private static final String NUMBER = "0|[1-9]\\d{0,8}";
  private static final String IDENTIFIER = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern PRE_RELEASE =
      Pattern.compile(IDENTIFIER + "(?:\\." + IDENTIFIER + ")*");
  private static final Pattern SYNTAX =
      Pattern.compile(
          "(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")(?:-(" + PRE_RELEASE + "))?");

  public SemanticVersion {
    Require.nonNull("preRelease", preRelease);
    // the same bound as the grammar: at most 9 digits, so every version parses back
    Require.between("version.major", major, 0, 999_999_999);
    Require.between("version.minor", minor, 0, 999_999_999);
    Require.between("version.patch", patch, 0, 999_999_999);
    if (!preRelease.isEmpty()) {
      Require.matches(
          "preRelease",
          preRelease,
          PRE_RELEASE,
          "must be dot-separated alphanumeric identifiers without leading zeros");
    }
  }

  public static SemanticVersion of(int major, int minor, int patch) {
    return new SemanticVersion(major, minor, patch, "");
  }

  /** Parses {@code 1.1.0}; the inverse of {@link #toString()}. */
  public static SemanticVersion parse(String text) {
    Matcher m =
        SYNTAX.matcher(
            Require.matches(
                "version",
                text,
                SYNTAX,
                "must be a semantic version MAJOR.MINOR.PATCH[-PRERELEASE], for example 1.1.0"));
    m.matches();
    return new SemanticVersion(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        m.group(4) == null ? "" : m.group(4));
  }

  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  /** Precedence per semver.org section 11. */
  @Override
  public int compareTo(SemanticVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, other.patch);
    }
    if (c != 0) {
      return c;
    }
    if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
      // a release ranks above any of its pre-releases
      return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
    }
    return comparePreRelease(preRelease.split("\\."), other.preRelease.split("\\."));
  }

  private static int comparePreRelease(String[] a, String[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean aNumeric = a[i].chars().allMatch(Character::isDigit);
      boolean bNumeric = b[i].chars().allMatch(Character::isDigit);
      int c;
      if (aNumeric && bNumeric) {
        c = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
      } else if (aNumeric != bNumeric) {
        c = aNumeric ? -1 : 1;
      } else {
        c = a[i].compareTo(b[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
