package org.ogcr.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of a document or attestation: the SHA-256 of its bytes (for documents, of their RFC
 * 8785 canonical JSON), written as 64 lowercase hexadecimal digits.
 */
public record DocumentHash(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public DocumentHash {
    Require.matches("hash", hex, HEX, "must be 64 lowercase hexadecimal digits (SHA-256)");
  }

  /** SHA-256 of the given bytes. */
  public static DocumentHash sha256(byte[] bytes) {
    Require.nonNull("bytes", bytes);
    try {
      return new DocumentHash(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-256 (java.security.MessageDigest contract)
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** SHA-256 of the UTF-8 bytes of {@code text}. */
  public static DocumentHash sha256(String text) {
    return sha256(Require.nonNull("text", text).getBytes(StandardCharsets.UTF_8));
  }

  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
