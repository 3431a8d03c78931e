package org.ogcr.adapter.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PkceTest {

  /** RFC 7636 Appendix B. */
  private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  /** RFC 7636 Appendix B; the SHA-256 of the verifier is listed there octet by octet too. */
  private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private static final int[] RFC_CHALLENGE_OCTETS = {
    19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109,
    241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195
  };

  @Test
  void givenRfc7636AppendixBVerifier_challengeOf_isTheRfcChallenge() {
    assertThat(Pkce.challengeOf(RFC_VERIFIER)).isEqualTo(RFC_CHALLENGE);
  }

  @Test
  void givenRfc7636AppendixBChallenge_itDecodesToTheRfcOctets() {
    byte[] decoded = Base64.getUrlDecoder().decode(Pkce.challengeOf(RFC_VERIFIER));

    assertThat(decoded).hasSize(32);
    for (int i = 0; i < 32; i++) {
      assertThat(decoded[i] & 0xFF).as("octet %d", i).isEqualTo(RFC_CHALLENGE_OCTETS[i]);
    }
  }

  @Test
  void givenRfc7636AppendixBPair_matches_isTrue() {
    assertThat(Pkce.matches(RFC_VERIFIER, RFC_CHALLENGE)).isTrue();
  }

  @Test
  void givenAnotherVerifier_matches_isFalse() {
    String other = "eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    assertThat(Pkce.matches(other, RFC_CHALLENGE)).isFalse();
  }

  @Test
  void givenChallengeDifferingInTheLastCharacter_matches_isFalse() {
    assertThat(Pkce.matches(RFC_VERIFIER, RFC_CHALLENGE.substring(0, 42) + "F")).isFalse();
  }

  @Test
  void givenVerifiersAtTheLengthLimitsAndEveryUnreservedCharacter_theyAreWellFormed() {
    String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    assertThat(Pkce.isWellFormedVerifier("a".repeat(43))).isTrue();
    assertThat(Pkce.isWellFormedVerifier("a".repeat(128))).isTrue();
    assertThat(Pkce.isWellFormedVerifier(unreserved)).isTrue();
    assertThat(Pkce.matches(unreserved, Pkce.challengeOf(unreserved))).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX", // 42 characters
        "dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk", // base64, not base64url
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk=", // padding
        "dBjftJeZ4CVP mB92K27uhbUJU1p1r_wW1gFWFOEjXk", // space
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXé", // not ASCII
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\n", // trailing newline
      })
  void givenMalformedVerifier_itIsRefusedEverywhere(String verifier) {
    assertThat(Pkce.isWellFormedVerifier(verifier)).isFalse();
    assertThat(Pkce.matches(verifier, RFC_CHALLENGE)).isFalse();
    assertThatThrownBy(() -> Pkce.challengeOf(verifier))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RFC 7636");
  }

  @Test
  void givenVerifierOf129Characters_itIsRefused() {
    String verifier = "a".repeat(129);

    assertThat(Pkce.isWellFormedVerifier(verifier)).isFalse();
    assertThatThrownBy(() -> Pkce.challengeOf(verifier))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "E9Melhoofsvq1xSH2Oj4tFk2TM0Ic2SgA8DdmXN4pyE=", // padded
        "E9Melhoofsvq1xSH2Oj4tFk2TM0Ic2SgA8DdmXN4py", // 42 characters
        "E9Melhoofsvq1xSH2Oj4tFk2TM0Ic2SgA8DdmXN4p+E", // base64, not base64url
      })
  void givenMalformedChallenge_matches_isFalse(String challenge) {
    assertThat(Pkce.isWellFormedChallenge(challenge)).isFalse();
    assertThat(Pkce.matches(RFC_VERIFIER, challenge)).isFalse();
  }

  @Test
  void givenVerifierSentAsItsOwnChallenge_matches_isFalse() {
    // What the plain method would accept: the challenge is the verifier itself.
    String verifier = "a".repeat(43);

    assertThat(Pkce.matches(verifier, verifier)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"plain", "s256", "S512", "S256 "})
  void givenPlainMissingOrUnknownMethod_acceptsMethod_isFalse(String method) {
    assertThat(Pkce.acceptsMethod(method)).isFalse();
  }

  @Test
  void givenS256_acceptsMethod_isTrue() {
    assertThat(Pkce.acceptsMethod("S256")).isTrue();
  }
}
