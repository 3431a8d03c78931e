package org.ogcr.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.ogcr.adapter.inmemory.InMemoryAdapters;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.MethodologyUseCases.RegisterMethodology;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/**
 * A registry over the in-memory adapters and the JSON document reader, with the example directory
 * of actors and the example methodologies registered.
 */
final class TestRegistry {

  static final Principal ADMIN =
      Principal.of("admin-ann", "registry", Role.ADMINISTRATOR, Role.OPERATOR);
  static final Principal OPERATOR = Principal.of("ops-omar", "registry", Role.OPERATOR);
  static final Principal ALICE =
      Principal.of("dev-alice", "northwoods-trust", Role.DEVELOPER, Role.HOLDER);
  static final Principal SIGRUN =
      Principal.of("dev-sigrun", "hengill-carbon-works", Role.DEVELOPER, Role.HOLDER);
  static final Principal VALIDATOR = Principal.of("val-vera", "green-validation", Role.VALIDATOR);
  static final Principal BOB = Principal.of("ver-bob", "vermont-verifiers", Role.VERIFIER);
  static final Principal CAROL = Principal.of("ver-carol", "northwoods-trust", Role.VERIFIER);
  static final Principal OFFICER_1 = Principal.of("off-olga", "registry", Role.OFFICER);
  static final Principal OFFICER_2 = Principal.of("off-oscar", "registry", Role.OFFICER);
  static final Principal AUDITOR = Principal.of("aud-ada", "audit-committee", Role.AUDITOR);
  static final Principal BUYER = Principal.of("buyer-bea", "acme-climate", Role.HOLDER);

  final ManualClock clock;
  final InMemoryAdapters adapters;
  final Registry registry;

  private TestRegistry(Instant start) {
    clock = new ManualClock(start);
    adapters = InMemoryAdapters.create(clock, JsonDocumentReader.withDefaults());
    JsonNode actors = json("actors.json").path("actors");
    actors.forEach(
        a ->
            adapters
                .identity()
                .register(
                    new ActorId(a.path("actorId").asText()),
                    new OrganisationId(a.path("organisationId").asText())));
    for (Principal p : List.of(ADMIN, OPERATOR, VALIDATOR, OFFICER_1, OFFICER_2, AUDITOR, BUYER)) {
      adapters.identity().register(p.actor(), p.organisation());
    }
    registry = Registry.start(adapters.ports(), RegistrySettings.defaults());
    for (String m : List.of("biochar-m-2.0.0.json", "dac-m-1.0.0.json", "ec-m-1.1.0.json")) {
      registry.methodologies().register(new RegisterMethodology(ADMIN, text("methodologies/" + m)));
    }
  }

  /** A registry whose clock reads 1 March 2027, after the example reports were verified. */
  static TestRegistry create() {
    return new TestRegistry(Instant.parse("2027-03-01T00:00:00Z"));
  }

  static String text(String path) {
    try (InputStream in = TestRegistry.class.getResourceAsStream("/org/ogcr/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String path) {
    try {
      return new ObjectMapper().readTree(text(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String document(String name) {
    return text("documents/valid/" + name);
  }
}
