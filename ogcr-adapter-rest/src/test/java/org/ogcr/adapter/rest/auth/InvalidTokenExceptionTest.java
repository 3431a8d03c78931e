package org.ogcr.adapter.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ogcr.adapter.rest.auth.InvalidTokenException.Check;

class InvalidTokenExceptionTest {

  @Test
  void givenRefusal_wwwAuthenticate_isTheRfc6750Challenge() {
    InvalidTokenException e =
        new InvalidTokenException(Check.EXPIRED, "token expired at 2026-03-01T09:15:00Z");

    assertThat(e.code()).isEqualTo("invalid_token");
    assertThat(e.wwwAuthenticate())
        .isEqualTo(
            "Bearer error=\"invalid_token\", error_description=\"token expired at"
                + " 2026-03-01T09:15:00Z\"");
  }

  @Test
  void givenRealm_wwwAuthenticate_putsItFirst() {
    InvalidTokenException e = new InvalidTokenException(Check.AUDIENCE, "aud missing");

    assertThat(e.wwwAuthenticate("ogcr"))
        .isEqualTo(
            "Bearer realm=\"ogcr\", error=\"invalid_token\", error_description=\"aud missing\"");
  }

  @Test
  void givenMessageWithQuotesBackslashesControlsAndUnicode_description_keepsToRfc6750Characters() {
    InvalidTokenException e =
        new InvalidTokenException(Check.ISSUER, "iss 'a\"b\\c\r\nd\u00e9' is not https://x");

    assertThat(e.wwwAuthenticate())
        .isEqualTo(
            "Bearer error=\"invalid_token\", error_description=\"iss 'a'b/c??d?' is not"
                + " https://x\"");
  }

  @Test
  void givenLongMessage_description_isCut() {
    InvalidTokenException e = new InvalidTokenException(Check.CLAIMS, "x".repeat(500));

    assertThat(e.description()).hasSize(200).endsWith("...");
    assertThat(e.getMessage()).hasSize(500);
  }

  @Test
  void givenRefusal_noStackTraceIsRecorded() {
    assertThat(new InvalidTokenException(Check.KEY, "no key").getStackTrace()).isEmpty();
  }
}
