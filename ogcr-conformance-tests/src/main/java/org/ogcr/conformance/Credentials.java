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
 * holder}, {@code auditor}, {@code operator}, {@code officer}. A test that needs a role the file
 * does not give is not tested.
 */
public final class Credentials {

  /** A role's credential and identity. */
  public record Role(String name, String secret, String actor, String organisation) {}

  private final Map<String, Role> roles;

  private Credentials(Map<String, Role> roles) {
    this.roles = roles;
  }

  public static Credentials none() {
    return new Credentials(Map.of());
  }

  public static Credentials load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, Role> roles = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.contains(".")) {
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
    return new Credentials(roles);
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
