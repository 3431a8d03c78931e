package org.ogcr.adapter.rest;

import java.util.Optional;

/**
 * One operation of the API: method, path (OpenAPI template syntax, {@code /projects/{projectId}}),
 * the OpenAPI {@code operationId}, who may call it and the OAuth scope it needs. The route table is
 * the one source of the routes: the server registers it, and tests compare it with the OpenAPI
 * document and derive the authorization matrix from it.
 */
public record Route(
    String method,
    String path,
    String operationId,
    Access access,
    Optional<String> scope,
    Operation operation,
    boolean recordsReplies) {

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
    return new Route(method, path, operationId, access, scope, operation, false);
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
