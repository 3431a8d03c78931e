package org.ogcr.port.in;

import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;

/** Project registration (OGCR 4.2.1): submit, amend, validate or reject, archive; and reads. */
public interface ProjectUseCases {

  /** A developer submits a PDD under a new project id. */
  record SubmitProject(Principal principal, ProjectId id, String pdd) {
    public SubmitProject {
      Require.nonNull("principal", principal);
      Require.nonNull("projectId", id);
      Require.nonNull("pdd", pdd);
    }
  }

  /** The project's developer organisation records a new PDD version. */
  record AmendProject(Principal principal, ProjectId id, String pdd) {
    public AmendProject {
      Require.nonNull("principal", principal);
      Require.nonNull("projectId", id);
      Require.nonNull("pdd", pdd);
    }
  }

  /**
   * A validator's decision, or the archiving of a validated project, with its reason.
   *
   * @param reviewedVersion the PDD version the decision is about; when given, the decision is
   *     refused ({@code pdd_version_changed}) if the project has a newer version by then
   */
  record DecideProject(
      Principal principal, ProjectId id, String reason, Optional<Integer> reviewedVersion) {
    public DecideProject {
      Require.nonNull("principal", principal);
      Require.nonNull("projectId", id);
      Require.nonNull("reason", reason);
      Require.nonNull("reviewedVersion", reviewedVersion);
    }

    /** A decision about whatever version is current. */
    public DecideProject(Principal principal, ProjectId id, String reason) {
      this(principal, id, reason, Optional.empty());
    }
  }

  /** Role developer, of the organisation the PDD names. */
  Receipted<ProjectRecord> submit(SubmitProject command);

  /** Role developer, of the project's organisation; validated projects change contacts only. */
  Receipted<ProjectRecord> amend(AmendProject command);

  /** Role validator, of another organisation than the developer's. */
  Receipted<ProjectRecord> validate(DecideProject command);

  /** Role validator, of another organisation than the developer's; a reason is required. */
  Receipted<ProjectRecord> reject(DecideProject command);

  /** The developer's organisation, or an administrator; only a validated project. */
  Receipted<ProjectRecord> archive(DecideProject command);

  Optional<ProjectRecord> find(ProjectId id);

  /** The PDD of one version (1 is the first), as submitted. */
  Optional<String> document(ProjectId id, int version);

  Page<ProjectRecord> search(ProjectQuery query, PageRequest page);

  /** The same, by cursor: stable while projects are added, and found through an index. */
  KeysetPage<ProjectRecord> searchAfter(ProjectQuery query, KeysetRequest request);
}
