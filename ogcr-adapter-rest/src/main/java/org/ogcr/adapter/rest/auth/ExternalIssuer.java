package org.ogcr.adapter.rest.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Trust in an external authorization server: validates the RFC 9068 JWT access tokens it issues
 * against the keys it publishes at its JWKS URL (RFC 8414 §2 {@code jwks_uri}), with the same
 * checks as {@link AccessTokens#validate}: only the configured asymmetric algorithms (RFC 8725
 * §3.1), {@code typ: at+jwt} (RFC 9068 §4, RFC 8725 §3.11), the signature, {@code iss} exactly the
 * configured issuer, {@code aud} holding the configured audience, {@code exp}, {@code iat} and
 * {@code nbf} against the injected clock, and the registry's claims ({@code sub}, {@code
 * client_id}, {@code jti}, {@code org}, known {@code roles}). The issuer must therefore map its
 * users to the registry's {@code org} and {@code roles} claims.
 *
 * <p>The key set is fetched on first use and cached for five minutes; a {@code kid} not in the
 * cache triggers one refetch, so the issuer can rotate keys, but at most one refetch per 30
 * seconds, so tokens with invented {@code kid}s cannot make the registry hammer the issuer. When
 * the key set cannot be fetched, {@link #validate} throws {@link TokenKeysUnavailableException}
 * rather than refusing the token. No background thread is started; an instance is safe to share
 * between request threads.
 */
public final class ExternalIssuer implements AccessTokenValidator {

  private final URI jwksUri;
  private final TokenChecks checks;

  private ExternalIssuer(Builder builder) {
    this.jwksUri = builder.jwksUri;
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL())
              // Refresh-ahead would run on an executor thread that then needs closing; a plain
              // cache refreshes on the request that finds it expired, which costs one request
              // one fetch every five minutes.
              .refreshAheadCache(false)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jwksUri is not a URL: " + jwksUri, e);
    }
    this.checks =
        new TokenChecks(
            builder.issuer,
            builder.audience,
            TokenChecks.asymmetricAlgorithms(builder.algorithms),
            keys,
            builder.clock,
            builder.clockSkew);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public VerifiedToken validate(String token) {
    return checks.validate(token);
  }

  public String issuer() {
    return checks.issuer();
  }

  public String audience() {
    return checks.audience();
  }

  public URI jwksUri() {
    return jwksUri;
  }

  /** Settings of {@link ExternalIssuer}; every one but the clock skew is required. */
  public static final class Builder {

    private String issuer;
    private String audience;
    private URI jwksUri;
    private List<String> algorithms;
    private Supplier<Instant> clock;
    private Duration clockSkew = TokenChecks.DEFAULT_CLOCK_SKEW;

    private Builder() {}

    /** The issuer's identifier exactly as its tokens write {@code iss}. */
    public Builder issuer(String issuer) {
      this.issuer = TokenChecks.requireIssuer(issuer);
      return this;
    }

    /** The registry API as the issuer names it in {@code aud}. */
    public Builder audience(String audience) {
      this.audience = TokenChecks.requireAudience(audience);
      return this;
    }

    /**
     * Where the issuer publishes its key set: https, or http on a loopback host only, because a key
     * set fetched in the clear could be swapped by anyone on the path.
     */
    public Builder jwksUri(String jwksUri) {
      URI uri = TokenChecks.parseUri(Objects.requireNonNull(jwksUri, "jwksUri"), "jwksUri");
      TokenChecks.requireHttpsOrLoopback(uri, "jwksUri");
      this.jwksUri = uri;
      return this;
    }

    /**
     * The algorithms the issuer signs with, for example {@code RS256}; no default, so accepting one
     * is a decision. HMAC and {@code none} are refused here already.
     */
    public Builder algorithms(String... algorithms) {
      this.algorithms = List.of(algorithms);
      TokenChecks.asymmetricAlgorithms(this.algorithms);
      return this;
    }

    /** The only source of time for the {@code exp}, {@code iat} and {@code nbf} checks. */
    public Builder clock(Supplier<Instant> clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** 0 to 5 minutes; {@link AccessTokens#DEFAULT_CLOCK_SKEW} otherwise. */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = TokenChecks.requireClockSkew(clockSkew);
      return this;
    }

    public ExternalIssuer build() {
      if (issuer == null
          || audience == null
          || jwksUri == null
          || algorithms == null
          || clock == null) {
        throw new IllegalStateException(
            "issuer, audience, jwksUri, algorithms and clock are required");
      }
      return new ExternalIssuer(this);
    }
  }
}
