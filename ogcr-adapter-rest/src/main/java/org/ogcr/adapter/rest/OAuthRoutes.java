package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.adapter.rest.auth.AccessTokens;
import org.ogcr.adapter.rest.auth.IssuedToken;

/**
 * The registry's built-in OAuth 2.0 authorization server: the token endpoint for the client
 * credentials grant (RFC 6749 §4.4; clients are the registry's credentials), its key set and its
 * metadata (RFC 8414). Its errors follow RFC 6749 §5.2, not RFC 9457: OAuth clients expect them.
 */
public final class OAuthRoutes {

  private final AccessTokens tokens;
  private final CredentialCheck credentials;

  private OAuthRoutes(AccessTokens tokens, CredentialCheck credentials) {
    this.tokens = tokens;
    this.credentials = credentials;
  }

  public static List<Route> routes(AccessTokens tokens, CredentialCheck credentials) {
    OAuthRoutes r = new OAuthRoutes(tokens, credentials);
    return List.of(
        new Route(
            "POST", "/oauth/token", "issueToken", Route.Access.CLIENT, Optional.empty(), r::token),
        Route.publicRead(
            "/.well-known/jwks.json",
            "getJsonWebKeySet",
            call -> new Reply(200, "application/jwk-set+json", tokens.jwks(), Map.of())),
        Route.publicRead(
            "/.well-known/oauth-authorization-server",
            "getAuthorizationServerMetadata",
            r::metadata));
  }

  private Reply token(Call call) {
    Map<String, String> form = form(call.bodyOrEmpty());
    String grant = form.get("grant_type");
    if (grant == null) {
      return error(400, "invalid_request", "grant_type is required", Map.of());
    }
    if (!grant.equals("client_credentials")) {
      return error(
          400,
          "unsupported_grant_type",
          "this server issues tokens for client_credentials",
          Map.of());
    }
    String[] client = clientOf(call, form);
    if (client == null) {
      return error(
          401,
          "invalid_client",
          "authenticate the client with HTTP Basic (client id and secret) or client_id and"
              + " client_secret in the form",
          Map.of("WWW-Authenticate", "Basic realm=\"ogcr\""));
    }
    Optional<Caller> caller = credentials.client(client[0], client[1]);
    if (caller.isEmpty()) {
      return error(
          401,
          "invalid_client",
          "the client is unknown, revoked or expired, or the secret is wrong",
          Map.of("WWW-Authenticate", "Basic realm=\"ogcr\""));
    }
    Set<String> granted = caller.get().scopes();
    Set<String> scopes = granted;
    String requested = form.get("scope");
    if (requested != null && !requested.isBlank()) {
      scopes = new LinkedHashSet<>(List.of(requested.trim().split(" +")));
      if (!granted.containsAll(scopes)) {
        Set<String> extra = new LinkedHashSet<>(scopes);
        extra.removeAll(granted);
        return error(
            400, "invalid_scope", "the client is not granted " + String.join(" ", extra), Map.of());
      }
    }
    IssuedToken issued = tokens.issue(caller.get().principal(), client[0], scopes);
    ObjectNode n = Representations.object();
    n.put("access_token", issued.value());
    n.put("token_type", "Bearer");
    n.put("expires_in", issued.expiresInSeconds());
    n.put("scope", String.join(" ", new java.util.TreeSet<>(scopes)));
    return new Reply(
        200, Reply.JSON, Reply.write(n), Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
  }

  /** HTTP Basic (RFC 6749 §2.3.1: both parts form-encoded) or the form's client_id and secret. */
  private static String[] clientOf(Call call, Map<String, String> form) {
    String header = call.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          return null;
        }
        return new String[] {
          URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
        };
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    return id == null || secret == null ? null : new String[] {id, secret};
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    if (body == null || body.isBlank()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: the parameter is left out and its absence reported
      }
    }
    return form;
  }

  private static Reply error(
      int status, String code, String description, Map<String, String> headers) {
    ObjectNode n =
        Representations.object().put("error", code).put("error_description", description);
    Map<String, String> all = new HashMap<>(headers);
    all.put("Cache-Control", "no-store");
    return new Reply(status, Reply.JSON, Reply.write(n), all);
  }

  private Reply metadata(Call call) {
    String issuer = tokens.issuer();
    ObjectNode n = Representations.object();
    n.put("issuer", issuer);
    n.put("token_endpoint", issuer + "/oauth/token");
    n.put("jwks_uri", issuer + "/.well-known/jwks.json");
    n.putArray("grant_types_supported").add("client_credentials");
    n.putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_basic")
        .add("client_secret_post");
    n.putArray("response_types_supported");
    ArrayNode scopes = n.putArray("scopes_supported");
    SCOPES.forEach(scopes::add);
    return Reply.ok(n);
  }

  /** The scopes credentials and tokens grant. */
  static final List<String> SCOPES =
      List.of(
          "projects:read",
          "projects:write",
          "monitoring:write",
          "verification:write",
          "issuance:write",
          "credits:read",
          "credits:write",
          "methodologies:write",
          "audit:read",
          "admin");
}
