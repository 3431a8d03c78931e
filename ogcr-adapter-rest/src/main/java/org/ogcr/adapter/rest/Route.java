package org.ogcr.adapter.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ogcr.port.in.Role;

/**
 * One operation of the API: method, path (OpenAPI template syntax, {@code /projects/{projectId}}),
 * the OpenAPI {@code operationId}, who may call it and the OAuth scope it needs. The route table is
 * the one source of the routes: the server registers it, and tests compare it with the OpenAPI
 * document and derive the authorization matrix from it.
 *
 * <p>{@link #rule} declares who the use case behind the route lets in: the roles and how the
 * caller's organisation must relate to the resource's. The use cases enforce it (ARCHITECTURE.md,
 * "Access"); the declaration is what the authorization matrix test checks them against.
 */
public record Route(
    String method,
    String path,
    String operationId,
    Access access,
    Optional<String> scope,
    Operation operation,
    boolean recordsReplies,
    Rule rule) {

  /** A route whose roles are not declared: for {@link Access#PUBLIC} and {@link Access#CLIENT}. */
  public Route(
      String method,
      String path,
      String operationId,
      Access access,
      Optional<String> scope,
      Operation operation,
      boolean recordsReplies) {
    this(method, path, operationId, access, scope, operation, recordsReplies, Rule.UNDECLARED);
  }

  /**
   * A route whose replies may be recorded for {@code Idempotency-Key} repeats; {@link
   * #withoutRecording} for one whose reply holds a secret, which is never stored.
   */
  public Route(
      String method,
      String path,
      String operationId,
      Access access,
      Optional<String> scope,
      Operation operation) {
    this(method, path, operationId, access, scope, operation, true);
  }

  /** The same route, its replies never recorded: an {@code Idempotency-Key} is refused. */
  Route withoutRecording() {
    return new Route(method, path, operationId, access, scope, operation, false, rule);
  }

  /** The same route, callable by any of {@code roles} (none: any caller the access admits). */
  Route roles(Role... roles) {
    return withRule(
        new Rule(
            roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)),
            rule.ownership(),
            rule.anyOrganisation(),
            true));
  }

  /**
   * The same route, acting on a resource of one organisation that only the caller's own
   * organisation may act on; {@code anyOrganisation} roles act on any organisation's.
   */
  Route owned(Role... anyOrganisation) {
    return withRule(
        new Rule(
            rule.roles(),
            Ownership.OWNER,
            anyOrganisation.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(anyOrganisation)),
            true));
  }

  /** The same route, deciding on a resource of an organisation the caller must not act for. */
  Route independent() {
    return withRule(new Rule(rule.roles(), Ownership.INDEPENDENT, rule.anyOrganisation(), true));
  }

  private Route withRule(Rule next) {
    return new Route(method, path, operationId, access, scope, operation, recordsReplies, next);
  }

  /** Who may call a route before the use case checks roles and ownership. */
  public enum Access {
    /** Anyone, signed in or not (OGCR 5.2.1: project metadata, status and credit lifecycle). */
    PUBLIC,
    /** A caller with valid credentials (and the route's scope, if it names one). */
    AUTHENTICATED,
    /**
     * The route authenticates its clients itself (the OAuth token endpoint, RFC 6749 §2.3): the
     * API's authentication does not run; rate limits apply per address.
     */
    CLIENT
  }

  /** How the caller's organisation must relate to the organisation that owns the resource. */
  public enum Ownership {
    /** The route acts on no organisation's resource, or on any organisation's alike. */
    NONE,
    /**
     * The caller must act for the organisation that owns the resource (a developer's project, a
     * holder's account): {@code not_owner} otherwise.
     */
    OWNER,
    /**
     * The caller must not act for the organisation that owns the resource (a validator's,
     * verifier's or signer's independence): {@code conflict_of_interest} otherwise.
     */
    INDEPENDENT
  }

  /**
   * Who may call a route.
   *
   * @param roles the roles of which the caller must hold one; empty: any caller the route's access
   *     admits (everyone on a public route, any authenticated caller otherwise)
   * @param ownership how the caller's organisation must relate to the resource's
   * @param anyOrganisation roles exempt from {@code ownership} (an administrator archiving any
   *     organisation's project)
   * @param declared whether the route declares its rule; routes of {@link Access#AUTHENTICATED}
   *     must
   */
  public record Rule(
      Set<Role> roles, Ownership ownership, Set<Role> anyOrganisation, boolean declared) {

    /** Nothing declared: any caller the access admits. */
    public static final Rule UNDECLARED = new Rule(Set.of(), Ownership.NONE, Set.of(), false);

    public Rule {
      roles = Set.copyOf(roles);
      anyOrganisation = Set.copyOf(anyOrganisation);
      java.util.Objects.requireNonNull(ownership, "ownership");
    }

    /**
     * Why a caller holding {@code held} is refused, acting on a resource of its own organisation or
     * of another: the RFC 9457 problem code ({@code role_required}, {@code not_owner}, {@code
     * conflict_of_interest}), or empty when the rule lets it in.
     */
    public Optional<String> refusal(Set<Role> held, boolean ownOrganisation) {
      if (!roles.isEmpty() && held.stream().noneMatch(roles::contains)) {
        return Optional.of("role_required");
      }
      if (held.stream().anyMatch(anyOrganisation::contains)) {
        return Optional.empty();
      }
      return switch (ownership) {
        case NONE -> Optional.empty();
        case OWNER -> ownOrganisation ? Optional.empty() : Optional.of("not_owner");
        case INDEPENDENT ->
            ownOrganisation ? Optional.of("conflict_of_interest") : Optional.empty();
      };
    }
  }

  /** What a route does with a request. */
  @FunctionalInterface
  interface Operation {
    Reply handle(Call call);
  }

  static Route publicRead(String path, String operationId, Operation op) {
    return new Route("GET", path, operationId, Access.PUBLIC, Optional.empty(), op);
  }

  static Route read(String path, String operationId, String scope, Operation op) {
    return new Route(
        "GET", path, operationId, Access.AUTHENTICATED, Optional.ofNullable(scope), op);
  }

  static Route write(String method, String path, String operationId, String scope, Operation op) {
    return new Route(method, path, operationId, Access.AUTHENTICATED, Optional.of(scope), op);
  }

  boolean isWrite() {
    return !method.equals("GET");
  }
}
