package org.ogcr.domain.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/**
 * The attestation receipt of one state transition (registry function spec: "each state transition
 * is cryptographically attested"): what happened, to what, when and by whom, with the facts of the
 * transition. Its {@link #receipt()} is the SHA-256 of its RFC 8785 canonical JSON ({@link
 * #canonicalJson()}), so anyone holding the published payload can recompute it.
 *
 * @param kind the transition, for example {@code project.validated}
 * @param subject what changed, for example {@code project/nulhegan-forest}
 * @param facts the transition's facts as text (quantities, serial ranges, hashes), keyed by name
 */
public record Attestation(
    String kind, String subject, Instant at, ActorId actor, SortedMap<String, String> facts) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  public Attestation {
    Require.matches("kind", kind, KIND, "must be a dotted lower-case transition name");
    Require.nonNull("subject", subject);
    at = Require.nonNull("at", at).truncatedTo(ChronoUnit.MICROS);
    Require.nonNull("actor", actor);
    Require.nonNull("facts", facts);
    SortedMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : facts.entrySet()) {
      Require.matches("facts", e.getKey(), KEY, "keys must be identifiers");
      String value = Require.nonNull("facts." + e.getKey(), e.getValue());
      requireWellFormed("facts." + e.getKey(), value);
      copy.put(e.getKey(), value);
    }
    requireWellFormed("subject", subject);
    facts = java.util.Collections.unmodifiableSortedMap(copy);
  }

  public static Attestation of(
      String kind, String subject, Instant at, ActorId actor, Map<String, String> facts) {
    return new Attestation(kind, subject, at, actor, new TreeMap<>(facts));
  }

  /**
   * The RFC 8785 canonical JSON of {@code {"actor", "at", "facts": {…}, "kind", "subject"}}: keys
   * in UTF-16 code-unit order, no whitespace, strings escaped as RFC 8785 section 3.2.2.2
   * prescribes.
   */
  public String canonicalJson() {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"actor\":");
    string(sb, actor.value());
    sb.append(",\"at\":");
    string(sb, at.toString());
    sb.append(",\"facts\":{");
    boolean first = true;
    // TreeMap's natural String order is UTF-16 code-unit order, the order RFC 8785 requires
    for (Map.Entry<String, String> e : facts.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      string(sb, e.getValue());
    }
    sb.append("},\"kind\":");
    string(sb, kind);
    sb.append(",\"subject\":");
    string(sb, subject);
    return sb.append('}').toString();
  }

  /** The receipt: SHA-256 of the UTF-8 bytes of {@link #canonicalJson()}. */
  public DocumentHash receipt() {
    return DocumentHash.sha256(canonicalJson().getBytes(StandardCharsets.UTF_8));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void requireWellFormed(String field, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidValueException(
            field, "a lone surrogate at index " + i, "must be well-formed Unicode");
      }
    }
  }
}
