package org.ogcr.adapter.json.canonical;

import org.ogcr.domain.common.Require;

/**
 * Keccak-256 as Ethereum uses it: the Keccak submission (pad10*1 starting with byte 0x01), not FIPS
 * 202 SHA3-256, which starts the padding with 0x06 and so gives other digests. Sponge over
 * Keccak-f[1600]: 1600-bit state of 25 64-bit lanes, capacity 512 bits, so a rate of 1088 bits (136
 * bytes), 24 rounds, 32 bytes of output. Lanes are little-endian; lane (x, y) is {@code state[x + 5
 * * y]}.
 */
public final class Keccak256 {

  static final int RATE_BYTES = 136;
  static final byte KECCAK_PADDING = 0x01;
  static final byte SHA3_PADDING = 0x06;

  private static final int ROUNDS = 24;
  private static final int DIGEST_BYTES = 32;

  /** The ι step's round constants RC[0..23] (Keccak reference, section 1.2). */
  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  /** The ρ step's rotation offsets r[x, y], at index x + 5 * y. */
  private static final int[] ROTATIONS = {
    0, 1, 62, 28, 27, //
    36, 44, 6, 55, 20, //
    3, 10, 43, 25, 39, //
    41, 45, 15, 21, 8, //
    18, 2, 61, 56, 14
  };

  private Keccak256() {}

  /** Keccak-256 of {@code input}: 32 bytes. */
  public static byte[] digest(byte[] input) {
    return sponge(Require.nonNull("input", input), KECCAK_PADDING);
  }

  /**
   * The sponge with the first padding byte given: {@link #KECCAK_PADDING} for Keccak-256, {@link
   * #SHA3_PADDING} for SHA3-256 (which the tests compare with the JDK's).
   */
  static byte[] sponge(byte[] input, byte firstPaddingByte) {
    long[] state = new long[25];
    int offset = 0;
    for (; input.length - offset >= RATE_BYTES; offset += RATE_BYTES) {
      absorb(state, input, offset);
      permute(state);
    }
    // the last block always exists (empty when the input fills whole blocks): the rest of the
    // input, then the padding; when one byte is left, both padding bits land in it (0x81)
    byte[] last = new byte[RATE_BYTES];
    int rest = input.length - offset;
    System.arraycopy(input, offset, last, 0, rest);
    last[rest] ^= firstPaddingByte;
    last[RATE_BYTES - 1] ^= (byte) 0x80;
    absorb(state, last, 0);
    permute(state);
    // squeeze: 32 bytes are less than the rate, so one block of output suffices
    byte[] digest = new byte[DIGEST_BYTES];
    for (int i = 0; i < DIGEST_BYTES; i++) {
      digest[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
    }
    return digest;
  }

  private static void absorb(long[] state, byte[] block, int offset) {
    for (int lane = 0; lane < RATE_BYTES / 8; lane++) {
      long value = 0;
      for (int b = 7; b >= 0; b--) {
        value = (value << 8) | (block[offset + 8 * lane + b] & 0xFF);
      }
      state[lane] ^= value;
    }
  }

  /** Keccak-f[1600]. */
  private static void permute(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (int round = 0; round < ROUNDS; round++) {
      // θ: xor each column's parity into its neighbours
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[x + y] ^= d;
        }
      }
      // ρ and π: B[y, 2x + 3y] = rotate(A[x, y], r[x, y])
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
        }
      }
      // χ: the only non-linear step, along rows
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) {
          a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        }
      }
      // ι
      a[0] ^= ROUND_CONSTANTS[round];
    }
  }
}
