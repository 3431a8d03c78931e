package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The sponge checked against an independent implementation: with SHA3's padding byte it must give
 * the JDK's FIPS 202 SHA3-256, which shares Keccak-f[1600], the rate and the capacity with
 * Keccak-256 and differs only in that byte.
 */
class Keccak256Properties {

  @Property
  void givenAnyInput_spongeWithSha3Padding_equalsTheJdkSha3_256(
      @ForAll @Size(max = 700) byte[] input) throws Exception {
    byte[] expected = MessageDigest.getInstance("SHA3-256").digest(input);

    assertThat(Keccak256.sponge(input, Keccak256.SHA3_PADDING)).isEqualTo(expected);
  }

  @Property
  void givenAnyInput_keccak256_differsFromSha3_256(@ForAll @Size(max = 300) byte[] input)
      throws Exception {
    byte[] sha3 = MessageDigest.getInstance("SHA3-256").digest(input);

    assertThat(Keccak256.digest(input)).hasSize(32).isNotEqualTo(sha3);
  }
}
