package org.ogcr.port.out;

import java.util.Optional;
import org.ogcr.domain.document.DocumentRejectedException;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.port.model.ProjectDocument;
import org.ogcr.port.model.ReportDocument;

/**
 * Turns submitted JSON into what the registry records, after the whole validation pipeline: JSON,
 * schema (with the cited methodology's extension), geometry, periods, business rules against the
 * registry's current state, canonical identity. Every refusal lists every issue at once.
 */
public interface DocumentReader {

  /**
   * @param self the project's id when the PDD is a new version of it
   * @throws DocumentRejectedException listing every issue
   */
  ProjectDocument readProject(String json, Optional<ProjectId> self, RegistryView view);

  /**
   * @throws DocumentRejectedException listing every issue
   */
  ReportDocument readReport(String json, RegistryView view);

  /** What a new PDD version changes compared with the previous one; both were accepted before. */
  PddHistory.ChangeScope changeScope(String previousJson, String nextJson);

  /**
   * Reads a methodology version document and makes its schema extensions known, all or nothing.
   *
   * @throws DocumentRejectedException listing every issue; no extension is registered then
   */
  Methodology readMethodology(String json);
}
