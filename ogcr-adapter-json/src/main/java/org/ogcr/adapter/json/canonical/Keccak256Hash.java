package org.ogcr.adapter.json.canonical;

import java.util.HexFormat;
import java.util.regex.Pattern;
import org.ogcr.domain.common.Require;

/**
 * A Keccak-256 digest as 64 lowercase hexadecimal digits, without {@code 0x}: what a contract
 * stores as {@code bytes32} for a document. Example: the empty input gives {@code
 * c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470}.
 */
public record Keccak256Hash(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Keccak256Hash {
    Require.matches("keccak256", hex, HEX, "must be 64 lowercase hexadecimal digits (Keccak-256)");
  }

  /** Keccak-256 of the given bytes. */
  public static Keccak256Hash of(byte[] bytes) {
    return new Keccak256Hash(HexFormat.of().formatHex(Keccak256.digest(bytes)));
  }

  /** The 32 digest bytes. */
  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
