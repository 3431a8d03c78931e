package org.ogcr.domain.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/**
 * Every version of a project's PDD, oldest first (OGCR 3.1, 4.2.1 {@code PUT /projects/{id}}).
 * Before validation any field may change; once validated, the PDD is immutable except permitted
 * metadata (contacts), and each such change is a new version with its own hash. No version is ever
 * dropped. Immutable.
 */
public final class PddHistory {

  /** What an amendment changes, as the document adapter determined by comparing versions. */
  public enum ChangeScope {
    /** Only permitted metadata (contacts) differ. */
    METADATA_ONLY,
    /** Anything else differs: geometry, methodology, periods, names… */
    CONTENT
  }

  private final List<PddVersion> versions;

  private PddHistory(List<PddVersion> versions) {
    this.versions = List.copyOf(versions);
  }

  /**
   * Rebuilds a stored history.
   *
   * @throws org.ogcr.domain.common.InvalidValueException unless the versions are numbered 1, 2, …
   *     in order
   */
  public static PddHistory of(List<PddVersion> versions) {
    Require.nonEmpty("versions", versions);
    for (int i = 0; i < versions.size(); i++) {
      if (Require.nonNull("versions", versions.get(i)).number() != i + 1) {
        throw new org.ogcr.domain.common.InvalidValueException(
            "versions[" + i + "].number", versions.get(i).number(), "must be " + (i + 1));
      }
    }
    return new PddHistory(versions);
  }

  public static PddHistory first(DocumentHash hash, Instant at, ActorId by) {
    return new PddHistory(List.of(new PddVersion(1, hash, at, by)));
  }

  /**
   * Records a new version.
   *
   * @param status the project's status when the amendment arrives
   * @throws AmendmentRefusedException with code {@code pdd_unchanged}, {@code
   *     pdd_immutable_after_validation} or {@code project_closed}
   */
  public PddHistory amend(
      DocumentHash hash, ChangeScope scope, ProjectStatus status, Instant at, ActorId by) {
    Require.nonNull("hash", hash);
    Require.nonNull("scope", scope);
    Require.nonNull("status", status);
    if (status.isFinal()) {
      throw new AmendmentRefusedException(
          "project_closed", "a " + status + " project's PDD can no longer change");
    }
    if (current().hash().equals(hash)) {
      throw new AmendmentRefusedException(
          "pdd_unchanged", "the PDD is identical to version " + current().number());
    }
    if (status == ProjectStatus.VALIDATED && scope != ChangeScope.METADATA_ONLY) {
      throw new AmendmentRefusedException(
          "pdd_immutable_after_validation",
          "a validated PDD may change only its contacts; register other changes as a new project");
    }
    List<PddVersion> next = new ArrayList<>(versions);
    next.add(new PddVersion(current().number() + 1, hash, at, by));
    return new PddHistory(next);
  }

  public PddVersion current() {
    return versions.get(versions.size() - 1);
  }

  public List<PddVersion> versions() {
    return versions;
  }

  /** An amendment the project's state does not allow. */
  public static final class AmendmentRefusedException extends DomainException {
    AmendmentRefusedException(String code, String message) {
      super(code, message);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PddHistory other && versions.equals(other.versions);
  }

  @Override
  public int hashCode() {
    return versions.hashCode();
  }

  @Override
  public String toString() {
    return "PddHistory" + versions;
  }
}
