package org.ogcr.adapter.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/** Applications registered for sign-in, their redirect URIs, and the codes they redeem. */
class PublicClientTest {

  @Test
  void readsTheOptionsSyntax() {
    PublicClient c =
        PublicClient.parse("registry-web=https://app.example.org/cb,http://127.0.0.1/native");
    assertThat(c.id()).isEqualTo("registry-web");
    assertThat(c.redirectUris()).hasSize(2);
    assertThat(c.soleRedirectUri()).isEmpty();
    assertThat(PublicClient.parse("one=https://a.example.org/cb").soleRedirectUri())
        .hasValue("https://a.example.org/cb");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no-equals-sign",
        "=https://a.example.org/cb",
        "app=",
        "app=http://app.example.org/cb",
        "app=https://a.example.org/cb#fragment",
        "app=/relative/cb",
        "app=https://user@a.example.org/cb",
        "app=http://localhost/cb",
        "app with space=https://a.example.org/cb",
        "app=https://a.example.org/cb,not a uri"
      })
  void refusesWhatRfc9700AndRfc8252Forbid(String spec) {
    assertThatThrownBy(() -> PublicClient.parse(spec)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesRedirectUrisExactlyButLetsLoopbackPortsVary() {
    PublicClient c = PublicClient.parse("app=https://a.example.org/cb?x=1,http://127.0.0.1/native");
    assertThat(c.allows("https://a.example.org/cb?x=1")).isTrue();
    assertThat(c.allows("https://a.example.org/cb")).isFalse();
    assertThat(c.allows("https://a.example.org/cb?x=1&y=2")).isFalse();
    assertThat(c.allows("https://a.example.org/cb?x=1#f")).isFalse();
    assertThat(c.allows("https://A.example.org/cb?x=1")).isFalse();
    assertThat(c.allows("https://a.example.org:443/cb?x=1")).isFalse();
    assertThat(c.allows("http://127.0.0.1:61234/native")).isTrue();
    assertThat(c.allows("http://127.0.0.1:61234/native/more")).isFalse();
    assertThat(c.allows("http://127.0.0.1:61234/native#f")).isFalse();
    assertThat(c.allows("http://user@127.0.0.1:61234/native")).isFalse();
    assertThat(c.allows("https://127.0.0.1:61234/native")).isFalse();
    assertThat(c.allows("http://127.0.0.2:61234/native")).isFalse();
    assertThat(c.allows(null)).isFalse();
    assertThat(c.allows("::not a uri")).isFalse();
  }

  @Test
  void aCodeRedeemsOnceAndNotAfterItsMinute() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-01-01T00:00:00Z"));
    AuthorizationCodes codes = new AuthorizationCodes(now::get);
    Principal dora = Principal.of("dev-dora", "acme", Role.DEVELOPER);
    java.util.function.Supplier<String> issue =
        () ->
            codes.issue(
                "app",
                java.util.Optional.empty(),
                "c".repeat(43),
                dora,
                "cred",
                Set.of("credits:read"));
    String a = issue.get();
    String b = issue.get();
    assertThat(a).isNotEqualTo(b).hasSize(43);
    assertThat(codes.redeem(a)).isPresent();
    assertThat(codes.redeem(a)).isEmpty();
    now.set(now.get().plus(AuthorizationCodes.LIFETIME));
    assertThat(codes.redeem(b)).isEmpty();
    assertThat(codes.redeem(null)).isEmpty();
  }
}
