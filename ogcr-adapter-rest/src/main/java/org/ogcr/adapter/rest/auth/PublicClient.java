package org.ogcr.adapter.rest.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An application people sign in to the registry through: a public OAuth 2.0 client (RFC 6749 §2.1)
 * of the authorization code grant, which holds no secret and must prove its requests with PKCE (RFC
 * 7636). It is known by its id and the exact redirect URIs it registered.
 *
 * <p>Redirect URIs follow the OAuth 2.0 Security Best Current Practice (RFC 9700 §2.1): compared by
 * exact string, never by prefix or pattern; absolute, without a fragment; {@code https}, or {@code
 * http} on a loopback address for native applications, where any port matches because the
 * application picks a free one at run time (RFC 8252 §7.3).
 *
 * @param id 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
 * @param redirectUris at least one
 */
public record PublicClient(String id, List<URI> redirectUris) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public PublicClient {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "client id " + id + " must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
    }
    Objects.requireNonNull(redirectUris, "redirectUris");
    if (redirectUris.isEmpty()) {
      throw new IllegalArgumentException("client " + id + " needs at least one redirect URI");
    }
    redirectUris.forEach(PublicClient::requireRedirectUri);
    redirectUris = List.copyOf(redirectUris);
  }

  /**
   * Reads {@code <id>=<redirect URI>[,<redirect URI>…]}, as the server's {@code --oauth-client}
   * option gives it.
   *
   * @throws IllegalArgumentException naming what is wrong and how to write it
   */
  public static PublicClient parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(
          "an OAuth client reads <client id>=<redirect URI>[,<redirect URI>...], for example"
              + " registry-web=https://app.example.org/callback; got "
              + spec);
    }
    List<URI> uris = new ArrayList<>();
    for (String u : spec.substring(eq + 1).split(",")) {
      try {
        uris.add(new URI(u.trim()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("redirect URI " + u + " is not a URI: " + e.getReason());
      }
    }
    return new PublicClient(spec.substring(0, eq).trim(), uris);
  }

  /**
   * The registered redirect URI a request's {@code redirect_uri} names: its exact text, or for a
   * loopback registration the same URI on another port.
   */
  public boolean allows(String redirectUri) {
    if (redirectUri == null) {
      return false;
    }
    for (URI registered : redirectUris) {
      if (registered.toString().equals(redirectUri)) {
        return true;
      }
      if (loopback(registered)) {
        try {
          URI asked = new URI(redirectUri);
          if (asked.getRawFragment() == null
              && "http".equals(asked.getScheme())
              && registered.getHost().equals(asked.getHost())
              && Objects.equals(registered.getRawPath(), asked.getRawPath())
              && Objects.equals(registered.getRawQuery(), asked.getRawQuery())
              && asked.getRawUserInfo() == null) {
            return true;
          }
        } catch (URISyntaxException e) {
          // not a URI: not allowed
        }
      }
    }
    return false;
  }

  /** The redirect URI to use when a request names none: the only one registered, if just one. */
  public java.util.Optional<String> soleRedirectUri() {
    return redirectUris.size() == 1
        ? java.util.Optional.of(redirectUris.get(0).toString())
        : java.util.Optional.empty();
  }

  private static void requireRedirectUri(URI uri) {
    Objects.requireNonNull(uri, "redirect URI");
    String why = null;
    if (!uri.isAbsolute() || uri.getHost() == null) {
      why = "must be absolute, with a host";
    } else if (uri.getRawFragment() != null) {
      why = "must not have a fragment (RFC 6749 §3.1.2)";
    } else if (uri.getRawUserInfo() != null) {
      why = "must not carry user information";
    } else if (!"https".equals(uri.getScheme())
        && !("http".equals(uri.getScheme()) && loopback(uri))) {
      why = "must be https, or http on 127.0.0.1 or [::1] for a native application (RFC 8252 §7.3)";
    }
    if (why != null) {
      throw new IllegalArgumentException("redirect URI " + uri + " " + why);
    }
  }

  private static boolean loopback(URI uri) {
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.equals("127.0.0.1") || host.equals("[::1]");
  }
}
