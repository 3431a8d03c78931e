package org.ogcr.adapter.rest;

import org.ogcr.domain.common.Require;

/**
 * The limits an operator tunes.
 *
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param anonymousPerMinute requests per minute from one address without credentials
 * @param publicBaseUrl the URL clients reach the server at, for absolute links and the token
 *     issuer, for example {@code https://registry.example.org}
 */
public record RestSettings(long maxBodyBytes, int anonymousPerMinute, String publicBaseUrl) {

  public RestSettings {
    Require.positive("maxBodyBytes", maxBodyBytes);
    Require.positive("anonymousPerMinute", anonymousPerMinute);
    Require.nonNull("publicBaseUrl", publicBaseUrl);
  }

  /** 1 MiB bodies, 120 anonymous requests per minute per address. */
  public static RestSettings defaults(String publicBaseUrl) {
    return new RestSettings(1 << 20, 120, publicBaseUrl);
  }
}
