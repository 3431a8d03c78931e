package org.ogcr.adapter.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method only.
 *
 * <p>Checks: a {@code code_verifier} is 43 to 128 characters of the unreserved set {@code [A-Z] /
 * [a-z] / [0-9] / "-" / "." / "_" / "~"} (§4.1); a {@code code_challenge} is
 * BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) without padding, always 43 characters (§4.2); the
 * token endpoint compares the two in constant time (§4.6). The {@code plain} method is refused
 * (§4.2 allows it only where S256 cannot be computed, and it defeats the purpose when the challenge
 * leaks), and so is a missing {@code code_challenge_method}, which §4.3 says means {@code plain}.
 */
public final class Pkce {

  /** The only {@code code_challenge_method} accepted. */
  public static final String S256 = "S256";

  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** 32 bytes of SHA-256 in unpadded base64url. */
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Pkce() {}

  /**
   * Whether an authorization request's {@code code_challenge_method} is accepted (RFC 7636 §4.3).
   */
  public static boolean acceptsMethod(String codeChallengeMethod) {
    return S256.equals(codeChallengeMethod);
  }

  public static boolean isWellFormedVerifier(String verifier) {
    return verifier != null && VERIFIER.matcher(verifier).matches();
  }

  public static boolean isWellFormedChallenge(String challenge) {
    return challenge != null && CHALLENGE.matcher(challenge).matches();
  }

  /**
   * The S256 challenge of a verifier (RFC 7636 §4.2).
   *
   * @throws IllegalArgumentException if the verifier breaks §4.1
   */
  public static String challengeOf(String verifier) {
    if (!isWellFormedVerifier(verifier)) {
      throw new IllegalArgumentException(
          "code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1)");
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  /**
   * Whether the verifier a client sent to the token endpoint answers the challenge it sent with the
   * authorization request (RFC 7636 §4.6). False for a malformed verifier or challenge, which the
   * token endpoint answers with {@code invalid_grant} just like a mismatch.
   */
  public static boolean matches(String verifier, String challenge) {
    if (!isWellFormedVerifier(verifier) || !isWellFormedChallenge(challenge)) {
      return false;
    }
    // MessageDigest.isEqual takes the same time wherever the first difference lies. The attacker
    // cannot steer the hash it compares, so a leak would say little; constant time costs nothing
    // and settles the question.
    return MessageDigest.isEqual(
        challengeOf(verifier).getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(String verifier) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
