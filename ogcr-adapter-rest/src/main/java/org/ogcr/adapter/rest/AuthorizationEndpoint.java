package org.ogcr.adapter.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ogcr.adapter.rest.auth.AuthorizationCodes;
import org.ogcr.adapter.rest.auth.Pkce;
import org.ogcr.adapter.rest.auth.PublicClient;

/**
 * The authorization endpoint of the registry's OAuth 2.0 server (RFC 6749 §4.1, authorization code
 * grant with PKCE, RFC 7636): the minimal login page through which a person lets an application act
 * for them.
 *
 * <p>{@code GET /oauth/authorize} checks the request and shows the page: which application asks,
 * with which scopes, and a field for the person's registry key (the API key their administrator
 * issued them). {@code POST /oauth/authorize} signs them in and redirects back to the application
 * with a one-time code (and {@code state} and {@code iss}, RFC 9207), or with {@code access_denied}
 * when they deny. The application redeems the code at the token endpoint with its PKCE verifier.
 *
 * <p>Errors follow RFC 6749 §4.1.2.1: an unknown client or a redirect URI it did not register is
 * told to the person on the page, never redirected (an open redirector otherwise); every other
 * error goes back to the application. The form carries a token that must equal a {@code
 * SameSite=Lax} cookie the page set (sent when the application sends the person here, never with
 * another site's POST), so another site cannot sign a person in to an account of its choosing; the
 * page may not be framed.
 */
final class AuthorizationEndpoint {

  static final String PATH = "/oauth/authorize";

  /** The cookie holding the form token; scoped to this endpoint. */
  static final String COOKIE = "ogcr_authorize";

  private static final Pattern FORM_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** RFC 6749 §4.1.1 {@code state}: any printable ASCII; bounded so the page stays small. */
  private static final Pattern STATE = Pattern.compile("[\\x20-\\x7E]{1,512}");

  private static final List<String> PARAMETERS =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "code_challenge",
          "code_challenge_method");

  private static final Map<String, String> SCOPE_TEXT =
      Map.of(
          "projects:read", "read projects and their monitoring reports",
          "projects:write", "submit and amend projects",
          "monitoring:write", "submit monitoring reports",
          "verification:write", "record verifications",
          "issuance:write", "request, sign and hold issuances",
          "credits:read", "read accounts and credits",
          "credits:write", "transfer, list, sell and retire credits",
          "methodologies:write", "register methodologies",
          "audit:read", "read the audit trail and the access log",
          "admin", "administer the registry: credentials, the directory, KYC");

  private final Map<String, PublicClient> clients = new LinkedHashMap<>();
  private final CredentialCheck credentials;
  private final AuthorizationCodes codes;
  private final String issuer;
  private final SecureRandom random = new SecureRandom();

  /** This endpoint's path as clients reach it: under the public URL's own path, if it has one. */
  private final String cookiePath;

  AuthorizationEndpoint(
      List<PublicClient> clients,
      CredentialCheck credentials,
      AuthorizationCodes codes,
      String issuer) {
    clients.forEach(c -> this.clients.put(c.id(), c));
    this.credentials = credentials;
    this.codes = codes;
    this.issuer = issuer;
    String prefix = java.net.URI.create(issuer).getRawPath();
    this.cookiePath =
        (prefix == null || prefix.isEmpty() ? "" : prefix.replaceAll("/+$", "")) + PATH;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", PATH, "authorize", Route.Access.CLIENT, Optional.empty(), this::show),
        new Route(
                "POST",
                PATH,
                "authorizeSignIn",
                Route.Access.CLIENT,
                Optional.empty(),
                this::signIn)
            .withoutRecording());
  }

  /** Whether any application is registered for sign-in. */
  boolean offered() {
    return !clients.isEmpty();
  }

  Optional<PublicClient> client(String id) {
    return Optional.ofNullable(id).map(clients::get);
  }

  // ----- GET: the page

  private Reply show(Call call) {
    Map<String, List<String>> params = call.queryParamMap();
    Checked request = check(params);
    if (request.page != null) {
      return request.page;
    }
    if (request.redirect != null) {
      return request.redirect.withStatus(302);
    }
    // one form token per browser, kept while the cookie lasts, so several tabs sign in alike
    Optional<String> kept = cookie(call, COOKIE).filter(t -> FORM_TOKEN.matcher(t).matches());
    String formToken = kept.orElseGet(this::newToken);
    Reply page = page(200, request.authorization, formToken, "");
    return kept.isPresent() ? page : page.withHeader("Set-Cookie", cookieHeader(formToken));
  }

  // ----- POST: sign in, or deny

  private Reply signIn(Call call) {
    Map<String, List<String>> form = OAuthRoutes.formParameters(call.bodyOrEmpty());
    Checked request = check(form);
    if (request.page != null) {
      return request.page;
    }
    if (request.redirect != null) {
      return request.redirect.withStatus(303);
    }
    Authorization a = request.authorization;
    String sent = single(form, "form_token");
    Optional<String> expected = cookie(call, COOKIE);
    if (sent == null
        || expected.isEmpty()
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.US_ASCII),
            expected.get().getBytes(StandardCharsets.US_ASCII))) {
      return message(
          400,
          "The sign-in form has expired",
          "Go back to the application and start signing in again.");
    }
    if ("deny".equals(single(form, "decision"))) {
      return redirect(a, "access_denied", "the person denied the request").withStatus(303);
    }
    String key = single(form, "key");
    Optional<Caller> caller =
        key == null || key.isBlank() ? Optional.empty() : credentials.apiKey(key.trim());
    if (caller.isEmpty()) {
      return page(401, a, sent, "That key is unknown, revoked or expired. Check it and try again.");
    }
    // no scope asked for: every scope of the key but admin, which an application must ask for
    Set<String> scopes = a.scopes;
    if (scopes.isEmpty()) {
      scopes = new TreeSet<>(caller.get().scopes());
      scopes.remove("admin");
      if (scopes.isEmpty()) {
        return redirect(a, "invalid_scope", "the key grants only admin: ask for it by name")
            .withStatus(303);
      }
    }
    if (!caller.get().scopes().containsAll(scopes)) {
      Set<String> missing = new TreeSet<>(scopes);
      missing.removeAll(caller.get().scopes());
      return redirect(a, "invalid_scope", "your key is not granted " + String.join(" ", missing))
          .withStatus(303);
    }
    String code =
        codes.issue(
            a.client.id(),
            a.redirectUriGiven ? Optional.of(a.redirectUri) : Optional.empty(),
            a.codeChallenge,
            caller.get().principal(),
            caller.get().credential(),
            scopes);
    return toApplication(a, 303, Map.of("code", code));
  }

  // ----- checking the request

  /** A request that passed every check. */
  private record Authorization(
      PublicClient client,
      String redirectUri,
      boolean redirectUriGiven,
      Set<String> scopes,
      Optional<String> state,
      String codeChallenge) {}

  /** Exactly one of: a page (the error is for the person), a redirect (for the application), ok. */
  private record Checked(Reply page, Reply redirect, Authorization authorization) {}

  private Checked check(Map<String, List<String>> params) {
    List<String> clientIds = params.getOrDefault("client_id", List.of());
    Optional<PublicClient> client =
        clientIds.size() == 1 ? client(clientIds.get(0)) : Optional.empty();
    if (client.isEmpty()) {
      return new Checked(
          message(
              400,
              "Unknown application",
              "The application that sent you here is not registered with this registry"
                  + " (client_id missing, repeated or unknown). Tell its developers."),
          null,
          null);
    }
    List<String> redirects = params.getOrDefault("redirect_uri", List.of());
    String redirectUri;
    if (redirects.isEmpty()) {
      Optional<String> sole = client.get().soleRedirectUri();
      if (sole.isEmpty()) {
        return new Checked(
            message(
                400,
                "Missing redirect URI",
                "The application registered several redirect URIs and named none of them. Tell its"
                    + " developers."),
            null,
            null);
      }
      redirectUri = sole.get();
    } else if (redirects.size() > 1 || !client.get().allows(redirects.get(0))) {
      return new Checked(
          message(
              400,
              "Redirect URI not registered",
              "The application asked to send you back to an address it did not register. You were"
                  + " not sent there. Tell its developers."),
          null,
          null);
    } else {
      redirectUri = redirects.get(0);
    }
    Authorization partial =
        new Authorization(
            client.get(),
            redirectUri,
            !redirects.isEmpty(),
            Set.of(),
            Optional.ofNullable(single(params, "state")).filter(s -> STATE.matcher(s).matches()),
            "");
    for (String p : PARAMETERS) {
      if (params.getOrDefault(p, List.of()).size() > 1) {
        return redirectError(partial, "invalid_request", p + " is given more than once");
      }
    }
    String state = single(params, "state");
    if (state != null && !STATE.matcher(state).matches()) {
      return redirectError(
          partial, "invalid_request", "state must be 1 to 512 printable ASCII characters");
    }
    String responseType = single(params, "response_type");
    if (responseType == null) {
      return redirectError(partial, "invalid_request", "response_type is required");
    }
    if (!responseType.equals("code")) {
      return redirectError(
          partial, "unsupported_response_type", "this server answers response_type=code only");
    }
    String challenge = single(params, "code_challenge");
    if (challenge == null) {
      return redirectError(
          partial, "invalid_request", "code_challenge is required: public clients must use PKCE");
    }
    if (!Pkce.acceptsMethod(single(params, "code_challenge_method"))) {
      return redirectError(
          partial, "invalid_request", "code_challenge_method must be S256 (RFC 7636 §4.3)");
    }
    if (!Pkce.isWellFormedChallenge(challenge)) {
      return redirectError(
          partial,
          "invalid_request",
          "code_challenge must be the 43-character base64url SHA-256 of the verifier");
    }
    Set<String> scopes = new LinkedHashSet<>();
    String scope = single(params, "scope");
    if (scope != null && !scope.isBlank()) {
      for (String s : scope.trim().split(" +")) {
        if (!OAuthRoutes.SCOPES.contains(s)) {
          return redirectError(
              partial, "invalid_scope", "unknown scope " + s + "; see scopes_supported");
        }
        scopes.add(s);
      }
    }
    return new Checked(
        null,
        null,
        new Authorization(
            client.get(),
            redirectUri,
            !redirects.isEmpty(),
            scopes,
            Optional.ofNullable(state),
            challenge));
  }

  private Checked redirectError(Authorization a, String error, String description) {
    return new Checked(null, redirect(a, error, description), null);
  }

  /** An error response to the application (RFC 6749 §4.1.2.1), with {@code iss} (RFC 9207). */
  private Reply redirect(Authorization a, String error, String description) {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("error", error);
    answer.put("error_description", description);
    return toApplication(a, 302, answer);
  }

  /** Back to the application's redirect URI with {@code parameters}, its state and our issuer. */
  private Reply toApplication(Authorization a, int status, Map<String, String> parameters) {
    Map<String, String> answer = new LinkedHashMap<>(parameters);
    a.state.ifPresent(s -> answer.put("state", s));
    answer.put("iss", issuer);
    return new Reply(
        status,
        "",
        "",
        Map.of("Location", withQuery(a.redirectUri, answer), "Cache-Control", "no-store"));
  }

  private static String withQuery(String uri, Map<String, String> params) {
    StringBuilder b = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
    List<String> pairs = new ArrayList<>();
    params.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return b.append(String.join("&", pairs)).toString();
  }

  private static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.getOrDefault(name, List.of());
    return values.size() == 1 && !values.get(0).isEmpty() ? values.get(0) : null;
  }

  // ----- the page

  private Reply page(int status, Authorization a, String formToken, String error) {
    StringBuilder scopes = new StringBuilder();
    Set<String> shown = a.scopes.isEmpty() ? Set.of() : new TreeSet<>(a.scopes);
    for (String s : shown) {
      scopes
          .append("<li><code>")
          .append(html(s))
          .append("</code>: ")
          .append(html(SCOPE_TEXT.getOrDefault(s, s)))
          .append("</li>");
    }
    StringBuilder hidden = new StringBuilder();
    hidden(hidden, "response_type", "code");
    hidden(hidden, "client_id", a.client.id());
    if (a.redirectUriGiven) {
      hidden(hidden, "redirect_uri", a.redirectUri);
    }
    if (!a.scopes.isEmpty()) {
      hidden(hidden, "scope", String.join(" ", a.scopes));
    }
    a.state.ifPresent(s -> hidden(hidden, "state", s));
    hidden(hidden, "code_challenge", a.codeChallenge);
    hidden(hidden, "code_challenge_method", Pkce.S256);
    hidden(hidden, "form_token", formToken);
    String body =
        "<h1>Sign in to the registry</h1>\n"
            + "<p>The application <strong>"
            + html(a.client.id())
            + "</strong> asks to act for you at "
            + html(issuer)
            + (shown.isEmpty()
                ? ", with every permission your key grants but administration.</p>\n"
                : ", with these permissions:</p>\n<ul>" + scopes + "</ul>\n")
            + "<p>It will be sent back to <code>"
            + html(a.redirectUri)
            + "</code>.</p>\n"
            + (error.isEmpty() ? "" : "<p class=\"error\" role=\"alert\">" + html(error) + "</p>\n")
            // relative, so the form reaches this endpoint behind a path prefix too
            + "<form method=\"post\" action=\"authorize\">\n"
            + hidden
            + "<label for=\"key\">Your registry key</label>\n"
            + "<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\""
            + " spellcheck=\"false\" autofocus>\n"
            + "<p class=\"hint\">The key <code>ogcr_…</code> your registry administrator issued"
            + " you.</p>\n"
            + "<button name=\"decision\" value=\"allow\">Sign in and allow</button>\n"
            + "<button name=\"decision\" value=\"deny\" class=\"secondary\">Deny</button>\n"
            + "</form>\n";
    return html(status, "Sign in to the registry", body);
  }

  /** A page that tells the person what went wrong; nothing is sent to the application. */
  private static Reply message(int status, String title, String text) {
    return html(status, title, "<h1>" + html(title) + "</h1>\n<p>" + html(text) + "</p>\n");
  }

  private static Reply html(int status, String title, String main) {
    String page =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>"
            + html(title)
            + " · OGCR registry</title>\n<style>\n"
            + "body{font-family:system-ui,sans-serif;background:#f4f6f4;color:#1d2a1d;margin:0}\n"
            + "main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;"
            + "border-radius:.5rem;box-shadow:0 1px 4px #0002}\n"
            + "h1{font-size:1.4rem;margin-top:0}label{display:block;font-weight:600;margin-top:1rem}\n"
            + "input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;margin-top:.3rem}\n"
            + "button{margin:1rem .5rem 0 0;padding:.5rem 1rem;font:inherit;border:0;"
            + "border-radius:.3rem;background:#2f6b3a;color:#fff;cursor:pointer}\n"
            + "button.secondary{background:#e3e7e3;color:#1d2a1d}.hint{color:#5a665a;"
            + "font-size:.9rem}\n"
            + ".error{color:#9b1c1c;background:#fdecec;padding:.5rem;border-radius:.3rem}\n"
            + "</style>\n</head>\n<body>\n<main>\n"
            + main
            + "</main>\n</body>\n</html>\n";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cache-Control", "no-store");
    headers.put(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'");
    headers.put("X-Frame-Options", "DENY");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    return new Reply(status, "text/html", page, headers);
  }

  private static void hidden(StringBuilder b, String name, String value) {
    b.append("<input type=\"hidden\" name=\"")
        .append(html(name))
        .append("\" value=\"")
        .append(html(value))
        .append("\">\n");
  }

  static String html(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  // ----- the form token

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String cookieHeader(String token) {
    return COOKIE
        + "="
        + token
        + "; Path="
        + cookiePath
        + "; HttpOnly; SameSite=Lax; Max-Age=900"
        + (issuer.startsWith("https://") ? "; Secure" : "");
  }

  private static Optional<String> cookie(Call call, String name) {
    String header = call.header("Cookie");
    if (header == null) {
      return Optional.empty();
    }
    for (String part : header.split(";")) {
      String p = part.trim();
      if (p.startsWith(name + "=")) {
        return Optional.of(p.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }
}
