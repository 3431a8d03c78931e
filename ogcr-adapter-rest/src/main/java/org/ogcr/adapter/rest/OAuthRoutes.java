package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ogcr.adapter.rest.auth.AccessTokens;
import org.ogcr.adapter.rest.auth.AuthorizationCodes;
import org.ogcr.adapter.rest.auth.IssuedToken;
import org.ogcr.adapter.rest.auth.Pkce;
import org.ogcr.adapter.rest.auth.PublicClient;

/**
 * The registry's built-in OAuth 2.0 authorization server: the token endpoint for the client
 * credentials grant (RFC 6749 §4.4; clients are the registry's credentials) and for the
 * authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636; clients are the applications people
 * sign in through, at {@link AuthorizationEndpoint}'s login page), its key set and its metadata
 * (RFC 8414). Its errors follow RFC 6749 §5.2, not RFC 9457: OAuth clients expect them.
 */
public final class OAuthRoutes {

  private final AccessTokens tokens;
  private final CredentialCheck credentials;
  private final AuthorizationEndpoint authorization;
  private final AuthorizationCodes codes;

  private OAuthRoutes(
      AccessTokens tokens,
      CredentialCheck credentials,
      List<PublicClient> clients,
      Supplier<Instant> clock) {
    this.tokens = tokens;
    this.credentials = credentials;
    this.codes = new AuthorizationCodes(clock);
    this.authorization = new AuthorizationEndpoint(clients, credentials, codes, tokens.issuer());
  }

  /** The client credentials grant only: no application signs people in. */
  public static List<Route> routes(AccessTokens tokens, CredentialCheck credentials) {
    return routes(tokens, credentials, List.of(), Instant::now);
  }

  /**
   * The client credentials grant, and the authorization code grant with PKCE for {@code clients}:
   * the applications people sign in through, at the login page {@code /oauth/authorize}.
   *
   * @param clock the time authorization codes expire in
   */
  public static List<Route> routes(
      AccessTokens tokens,
      CredentialCheck credentials,
      List<PublicClient> clients,
      Supplier<Instant> clock) {
    OAuthRoutes r = new OAuthRoutes(tokens, credentials, List.copyOf(clients), clock);
    List<Route> all = new ArrayList<>();
    all.add(
        new Route(
            "POST", "/oauth/token", "issueToken", Route.Access.CLIENT, Optional.empty(), r::token));
    all.add(
        Route.publicRead(
            "/.well-known/jwks.json",
            "getJsonWebKeySet",
            call -> new Reply(200, "application/jwk-set+json", tokens.jwks(), Map.of())));
    all.add(
        Route.publicRead(
            "/.well-known/oauth-authorization-server",
            "getAuthorizationServerMetadata",
            r::metadata));
    all.addAll(r.authorization.routes());
    return List.copyOf(all);
  }

  private Reply token(Call call) {
    Map<String, List<String>> parameters = formParameters(call.bodyOrEmpty());
    for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
      if (p.getValue().size() > 1) {
        // RFC 6749 §3.2: request parameters must not be included more than once
        return error(400, "invalid_request", p.getKey() + " is given more than once", Map.of());
      }
    }
    Map<String, String> form = new HashMap<>();
    parameters.forEach((k, v) -> form.put(k, v.get(0)));
    String grant = form.get("grant_type");
    if (grant == null) {
      return error(400, "invalid_request", "grant_type is required", Map.of());
    }
    if (grant.equals("authorization_code")) {
      return authorizationCode(call, form);
    }
    if (!grant.equals("client_credentials")) {
      return error(
          400,
          "unsupported_grant_type",
          "this server issues tokens for client_credentials and authorization_code",
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
    return tokenReply(tokens.issue(caller.get().principal(), client[0], scopes), scopes);
  }

  /**
   * RFC 6749 §4.1.3 for a public client: the code, the redirect URI when the authorization request
   * named one, the client id, and the PKCE verifier (RFC 7636 §4.5). A code is spent by the first
   * attempt to redeem it, right or wrong.
   */
  private Reply authorizationCode(Call call, Map<String, String> form) {
    if (call.header("Authorization") != null || form.containsKey("client_secret")) {
      return error(
          401,
          "invalid_client",
          "the authorization code grant is for public clients, which send client_id and no"
              + " secret; confidential clients use client_credentials",
          Map.of("WWW-Authenticate", "Basic realm=\"ogcr\""));
    }
    String clientId = form.get("client_id");
    if (clientId == null || authorization.client(clientId).isEmpty()) {
      // no client authentication was attempted, so no challenge: 400 (RFC 6749 §5.2)
      return error(
          400,
          "invalid_client",
          "client_id is missing or names no application registered for sign-in",
          Map.of());
    }
    String code = form.get("code");
    String verifier = form.get("code_verifier");
    if (code == null || verifier == null) {
      return error(400, "invalid_request", "code and code_verifier are required", Map.of());
    }
    Optional<AuthorizationCodes.Grant> redeemed = codes.redeem(code);
    if (redeemed.isEmpty()) {
      return error(
          400, "invalid_grant", "the code is unknown, expired or already redeemed", Map.of());
    }
    AuthorizationCodes.Grant g = redeemed.get();
    if (!g.clientId().equals(clientId)) {
      return error(400, "invalid_grant", "the code was issued to another client", Map.of());
    }
    if (g.redirectUri().isPresent() && !g.redirectUri().get().equals(form.get("redirect_uri"))) {
      return error(
          400,
          "invalid_grant",
          "redirect_uri must be the one of the authorization request",
          Map.of());
    }
    if (!Pkce.matches(verifier, g.codeChallenge())) {
      return error(
          400, "invalid_grant", "code_verifier does not answer the code_challenge", Map.of());
    }
    if (credentials.rateOf(g.credentialId()).isEmpty()) {
      return error(
          400,
          "invalid_grant",
          "the key the person signed in with has been revoked or has expired",
          Map.of());
    }
    return tokenReply(
        tokens.issue(g.principal(), clientId, g.credentialId(), g.scopes()), g.scopes());
  }

  private static Reply tokenReply(IssuedToken issued, Set<String> scopes) {
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

  /**
   * An {@code application/x-www-form-urlencoded} body, every value of every name in order; a pair
   * with a malformed escape is left out, so its absence is what gets reported.
   */
  static Map<String, List<String>> formParameters(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return form;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.computeIfAbsent(
                URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
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
    // the authorization code grant is offered only where an application is registered for it
    boolean signIn = authorization.offered();
    n.put("issuer", issuer);
    if (signIn) {
      n.put("authorization_endpoint", issuer + AuthorizationEndpoint.PATH);
    }
    n.put("token_endpoint", issuer + "/oauth/token");
    n.put("jwks_uri", issuer + "/.well-known/jwks.json");
    ArrayNode grants = n.putArray("grant_types_supported").add("client_credentials");
    ArrayNode methods =
        n.putArray("token_endpoint_auth_methods_supported")
            .add("client_secret_basic")
            .add("client_secret_post");
    ArrayNode responses = n.putArray("response_types_supported");
    if (signIn) {
      grants.add("authorization_code");
      methods.add("none");
      responses.add("code");
      n.putArray("code_challenge_methods_supported").add(Pkce.S256);
      n.put("authorization_response_iss_parameter_supported", true);
    }
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
