package org.ogcr.port.in;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * The scopes a {@link Credential} may carry: what the REST edge lets a request made with it reach.
 * A scope narrows, never widens: the use cases still check the principal's roles and ownership, so
 * a credential needs both the scope of a route and the role of its use case. Reads the registry
 * publishes to everyone need no scope.
 */
public final class Scopes {

  private Scopes() {}

  /** The syntax of a scope: a resource and an optional access, for example {@code credits:read}. */
  public static final Pattern SYNTAX = Pattern.compile("[a-z]+(:[a-z]+)?");

  /** Reads of projects beyond the public record (for example drafts of one's organisation). */
  public static final String PROJECTS_READ = "projects:read";

  /** Submits, amends, validates, rejects and archives projects. */
  public static final String PROJECTS_WRITE = "projects:write";

  /** Submits monitoring reports. */
  public static final String MONITORING_WRITE = "monitoring:write";

  /** Verifies or rejects monitoring reports. */
  public static final String VERIFICATION_WRITE = "verification:write";

  /** Files properties, requests, signs, holds and releases issuances. */
  public static final String ISSUANCE_WRITE = "issuance:write";

  /** Reads accounts and credit blocks beyond the public record. */
  public static final String CREDITS_READ = "credits:read";

  /** Opens accounts; transfers, lists, delists, sells, retires and invalidates credits. */
  public static final String CREDITS_WRITE = "credits:write";

  /** Registers methodologies. */
  public static final String METHODOLOGIES_WRITE = "methodologies:write";

  /** Reads the audit log and the access log. */
  public static final String AUDIT_READ = "audit:read";

  /** Administers the registry itself: issues, lists and revokes credentials, purges the logs. */
  public static final String ADMIN = "admin";

  /** Every scope, in name order. */
  public static final SortedSet<String> ALL =
      java.util.Collections.unmodifiableSortedSet(
          new TreeSet<>(
              Set.of(
                  PROJECTS_READ,
                  PROJECTS_WRITE,
                  MONITORING_WRITE,
                  VERIFICATION_WRITE,
                  ISSUANCE_WRITE,
                  CREDITS_READ,
                  CREDITS_WRITE,
                  METHODOLOGIES_WRITE,
                  AUDIT_READ,
                  ADMIN)));

  /** Whether {@code scope} is one of {@link #ALL}. */
  public static boolean isKnown(String scope) {
    return scope != null && ALL.contains(scope);
  }

  /**
   * {@code scopes}, when not empty and each one of {@link #ALL}.
   *
   * @throws InvalidValueException field {@code scopes} otherwise, naming the unknown scopes
   */
  public static Set<String> requireKnown(Set<String> scopes) {
    Require.nonEmpty("scopes", scopes);
    SortedSet<String> unknown = new TreeSet<>();
    for (String s : scopes) {
      if (!isKnown(s)) {
        unknown.add(s);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidValueException(
          "scopes", unknown, "must each be one of " + String.join(" ", ALL));
    }
    return scopes;
  }
}
