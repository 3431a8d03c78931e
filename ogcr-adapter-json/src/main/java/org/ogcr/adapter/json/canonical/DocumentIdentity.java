package org.ogcr.adapter.json.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;

/**
 * A document's identity: the SHA-256 of its RFC 8785 canonical bytes (the registry's {@link
 * DocumentHash}), the Keccak-256 of the same bytes (what goes on chain), and how many bytes that
 * is. Documents that differ only in member order, whitespace, escapes or number spelling share one
 * identity; any other change gives another. Example: {@code {"b": 2, "a": 1}} is canonically {@code
 * {"a":1,"b":2}} (13 bytes).
 */
public record DocumentIdentity(DocumentHash sha256, Keccak256Hash keccak256, int canonicalLength) {

  public DocumentIdentity {
    Require.nonNull("sha256", sha256);
    Require.nonNull("keccak256", keccak256);
    // the shortest canonical JSON text is one byte ("0")
    Require.positive("canonicalLength", canonicalLength);
  }

  /** The identity of a JSON text; refused with {@link CanonicalizationException}. */
  public static DocumentIdentity of(String json) {
    return ofCanonical(CanonicalJson.canonicalize(json));
  }

  /** The identity of a Jackson tree, always that of the JSON text Jackson writes for it. */
  public static DocumentIdentity of(JsonNode document) {
    return ofCanonical(CanonicalJson.canonicalize(document));
  }

  private static DocumentIdentity ofCanonical(byte[] canonical) {
    return new DocumentIdentity(
        DocumentHash.sha256(canonical), Keccak256Hash.of(canonical), canonical.length);
  }
}
