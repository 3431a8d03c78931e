package org.ogcr.domain.methodology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.Require;

/**
 * The methodology versions a registry knows, by {@code id@version}. Registering a version whose
 * rules differ from an existing one of the same id and version is refused: a change of rules or
 * parameters must be a new version (OGCR 6.1.1). Status changes (approval, retirement) replace the
 * entry. Immutable.
 */
public final class MethodologyCatalog {

  private final Map<String, Methodology> byRef;

  private MethodologyCatalog(Map<String, Methodology> byRef) {
    this.byRef = Collections.unmodifiableMap(byRef);
  }

  public static MethodologyCatalog empty() {
    return new MethodologyCatalog(new TreeMap<>());
  }

  public static MethodologyCatalog of(Collection<Methodology> methodologies) {
    MethodologyCatalog catalog = empty();
    for (Methodology m : Require.noNulls("methodologies", methodologies)) {
      catalog = catalog.with(m);
    }
    return catalog;
  }

  /**
   * Adds a version, or records a status change of one already here.
   *
   * @throws VersionConflictException when the same id and version arrive with other rules
   */
  public MethodologyCatalog with(Methodology methodology) {
    Require.nonNull("methodology", methodology);
    String key = methodology.ref().toString();
    Methodology existing = byRef.get(key);
    if (existing != null && !existing.sameRulesAs(methodology)) {
      throw new VersionConflictException(methodology.ref());
    }
    Map<String, Methodology> next = new TreeMap<>(byRef);
    next.put(key, methodology);
    return new MethodologyCatalog(next);
  }

  public Optional<Methodology> find(MethodologyRef ref) {
    return Optional.ofNullable(byRef.get(ref.toString()));
  }

  public List<Methodology> all() {
    return new ArrayList<>(byRef.values());
  }

  /** The rules of a registered version may not change under the same version number. */
  public static final class VersionConflictException extends DomainException {
    VersionConflictException(MethodologyRef ref) {
      super(
          "methodology_version_exists",
          ref + " is registered with other rules or parameters; publish them as a new version");
    }
  }
}
