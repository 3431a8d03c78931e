package org.ogcr.conformance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The credential of each role the kit acts as, from a properties file:
 *
 * <pre>
 * # an API key (sent as X-API-Key), or "Bearer &lt;access token&gt;"
 * developer = ogcr_…
 * # who the role's credential acts for, where documents name it
 * developer.actor = kit-developer
 * developer.organisation = kit-developers
 * validator = …
 * </pre>
 *
 * Roles: {@code administrator}, {@code developer}, {@code validator}, {@code verifier}, {@code
 * holder}, {@code other_holder}, {@code auditor}. Settings: {@code holder.account} (an account of
 * the holder's with held units) and {@code holder.recipient} (an account units may be transferred
 * to). A test that needs a role or setting the file does not give is not tested.
 */
public final class Credentials {

  /** A role's credential and identity. */
  public record Role(String name, String secret, String actor, String organisation) {}

  private final Map<String, Role> roles;
  private final Map<String, String> settings;

  private Credentials(Map<String, Role> roles, Map<String, String> settings) {
    this.roles = roles;
    this.settings = settings;
  }

  public static Credentials none() {
    return new Credentials(Map.of(), Map.of());
  }

  /** A line of the file other than a credential, e.g. {@code holder.account}. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key)).map(String::trim).filter(s -> !s.isEmpty());
  }

  public static Credentials load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, Role> roles = new TreeMap<>();
    Map<String, String> settings = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.contains(".")) {
        settings.put(key, p.getProperty(key));
        continue;
      }
      String secret = p.getProperty(key).trim();
      if (secret.isEmpty()) {
        continue;
      }
      roles.put(
          key,
          new Role(
              key,
              secret,
              p.getProperty(key + ".actor", "kit-" + key).trim(),
              p.getProperty(key + ".organisation", "kit-" + key + "s").trim()));
    }
    return new Credentials(roles, settings);
  }

  /** Every credential of the file, for reports to redact. */
  public java.util.List<String> secrets() {
    return roles.values().stream().map(Role::secret).toList();
  }

  public Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** The role's credential; the test is not tested without it. */
  public Role require(String name) {
    return role(name)
        .orElseThrow(
            () ->
                CannotTell.notTested(
                    "the credentials file gives no credential for role '" + name + "'"));
  }
}
