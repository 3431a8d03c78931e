package org.ogcr.domain.document;

import java.util.List;
import java.util.stream.Collectors;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.Require;

/** A document failed validation; {@link #issues()} lists every reason at once. */
public final class DocumentRejectedException extends DomainException {

  private final List<ValidationIssue> issues;

  public DocumentRejectedException(String document, List<ValidationIssue> issues) {
    super(
        "document_invalid",
        document
            + " refused with "
            + Require.nonEmpty("issues", issues).size()
            + " issue(s): "
            + issues.stream()
                .map(i -> i.code() + " at '" + i.pointer() + "'")
                .collect(Collectors.joining(", ")));
    this.issues = List.copyOf(issues);
  }

  public List<ValidationIssue> issues() {
    return issues;
  }
}
