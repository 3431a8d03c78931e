package org.ogcr.adapter.rest.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ogcr.port.in.Principal;

/**
 * The authorization codes the login page hands out (RFC 6749 §4.1.2): random, 256 bits, valid for
 * {@link #LIFETIME} and redeemable once. A code is taken out of the table when it is redeemed, so
 * two redemptions racing each other find it once.
 *
 * <p>Kept in this instance's memory: the token request must reach the instance that signed the
 * person in (behind a load balancer, route {@code /oauth/*} to one instance or use sticky
 * sessions). A restart forgets unredeemed codes; the application simply asks again.
 */
public final class AuthorizationCodes {

  /** RFC 6749 §4.1.2 recommends at most ten minutes; a browser redirect takes seconds. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  /** More pending codes than this means a flood: the oldest are dropped. */
  private static final int MAX_PENDING = 10_000;

  /**
   * What a code was issued for.
   *
   * @param redirectUri the redirect URI of the authorization request, present when the request
   *     named one (the token request must then name the same, RFC 6749 §4.1.3)
   * @param credentialId the registry credential the person signed in with
   */
  public record Grant(
      String clientId,
      Optional<String> redirectUri,
      String codeChallenge,
      Principal principal,
      String credentialId,
      Set<String> scopes,
      Instant expiresAt) {

    public Grant {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(codeChallenge, "codeChallenge");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(credentialId, "credentialId");
      scopes = Set.copyOf(scopes);
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  private final Supplier<Instant> clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> pending = new ConcurrentHashMap<>();

  public AuthorizationCodes(Supplier<Instant> clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new code for the grant, which expires {@link #LIFETIME} from now. */
  public String issue(
      String clientId,
      Optional<String> redirectUri,
      String codeChallenge,
      Principal principal,
      String credentialId,
      Set<String> scopes) {
    Instant now = clock.get();
    if (pending.size() >= MAX_PENDING) {
      pending.values().removeIf(g -> !g.expiresAt().isAfter(now));
      if (pending.size() >= MAX_PENDING) {
        // still full of live codes: drop the ones closest to expiry
        pending.entrySet().stream()
            .sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(Grant::expiresAt)))
            .limit(MAX_PENDING / 10)
            .map(Map.Entry::getKey)
            .toList()
            .forEach(pending::remove);
      }
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    pending.put(
        code,
        new Grant(
            clientId,
            redirectUri,
            codeChallenge,
            principal,
            credentialId,
            scopes,
            now.plus(LIFETIME)));
    return code;
  }

  /**
   * Takes the code out: its grant when it was issued and has not expired or been redeemed; empty
   * otherwise, and the code can never be redeemed after that.
   */
  public Optional<Grant> redeem(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Grant g = pending.remove(code);
    if (g == null || !g.expiresAt().isAfter(clock.get())) {
      return Optional.empty();
    }
    return Optional.of(g);
  }
}
