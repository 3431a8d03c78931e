package org.ogcr.adapter.rest.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token {@link AccessTokens#issue} signed, with what the token endpoint answers beside it
 * (RFC 6749 §5.1): {@code expires_in} is {@link #expiresInSeconds()}. {@code value} is the bearer
 * credential itself; never log it.
 */
public record IssuedToken(String value, String tokenId, Instant issuedAt, Instant expiresAt) {

  public IssuedToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public long expiresInSeconds() {
    return Duration.between(issuedAt, expiresAt).getSeconds();
  }

  /** Leaves the bearer credential out, so a logged record does not leak it. */
  @Override
  public String toString() {
    return "IssuedToken[tokenId="
        + tokenId
        + ", issuedAt="
        + issuedAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
