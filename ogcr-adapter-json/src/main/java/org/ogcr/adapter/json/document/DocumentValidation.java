package org.ogcr.adapter.json.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.ogcr.adapter.json.canonical.DocumentIdentity;
import org.ogcr.domain.document.DataQuality;
import org.ogcr.domain.document.DocumentRejectedException;
import org.ogcr.domain.document.ValidationIssue;

/**
 * The outcome of the validation pipeline for one document.
 *
 * @param issues every reason for refusal, in document order; empty when accepted
 * @param document the parsed document, when it was JSON at all
 * @param identity RFC 8785 SHA-256 and Keccak-256 identity, when the document is accepted
 * @param geometry the boundary or monitored area, when valid
 * @param quality the non-normative data-quality score, when the document was a JSON object
 */
public record DocumentValidation(
    List<ValidationIssue> issues,
    Optional<JsonNode> document,
    Optional<DocumentIdentity> identity,
    Optional<Geometry> geometry,
    Optional<DataQuality> quality) {

  public DocumentValidation {
    issues = issues.stream().sorted().distinct().toList();
  }

  public boolean isValid() {
    return issues.isEmpty();
  }

  /**
   * @throws DocumentRejectedException listing every issue, unless the document is valid
   */
  public DocumentValidation requireValid(String what) {
    if (!isValid()) {
      throw new DocumentRejectedException(what, issues);
    }
    return this;
  }
}
