package org.ogcr.domain.methodology;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * One registered methodology version (OGCR 6.1.1): its reference, the namespace its extension
 * fields use, the project types it supports, its issuance parameters, and its status with the
 * approval record. Immutable: approving or retiring returns the next value; changing rules or
 * parameters is a new version, never an edit.
 */
public record Methodology(
    MethodologyRef ref,
    String namespace,
    Set<String> projectTypes,
    MethodologyParameters parameters,
    MethodologyStatus status,
    Optional<ApprovalRecord> approval) {

  public static final Pattern PROJECT_TYPE = Pattern.compile("[a-z][a-z0-9_]{1,63}");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public Methodology {
    Require.nonNull("ref", ref);
    Require.matches(
        "namespace", namespace, NAMESPACE, "must be 1 to 32 lower-case letters, digits or '-'");
    Require.nonEmpty("projectTypes", projectTypes);
    for (String type : projectTypes) {
      Require.matches(
          "projectTypes", type, PROJECT_TYPE, "must be snake_case, for example biochar");
    }
    projectTypes = Set.copyOf(new TreeSet<>(projectTypes));
    Require.nonNull("parameters", parameters);
    Require.nonNull("status", status);
    Require.nonNull("approval", approval);
    if (status == MethodologyStatus.DRAFT && approval.isPresent()) {
      throw new InvalidValueException("approval", approval.get(), "must be absent on a draft");
    }
    if (status == MethodologyStatus.APPROVED && ref.version().isPreRelease()) {
      throw new InvalidValueException(
          "version", ref.version().toString(), "must be a release (no pre-release tag) to approve");
    }
    if (status == MethodologyStatus.APPROVED && approval.isEmpty()) {
      throw new InvalidValueException("approval", null, "is required on an approved version");
    }
  }

  public static Methodology draft(
      MethodologyRef ref, String namespace, Set<String> types, MethodologyParameters parameters) {
    return new Methodology(
        ref, namespace, types, parameters, MethodologyStatus.DRAFT, Optional.empty());
  }

  /** Approval under the registry's governance; only a draft release version may be approved. */
  public Methodology approve(ApprovalRecord record) {
    Require.nonNull("approval", record);
    return new Methodology(
        ref,
        namespace,
        projectTypes,
        parameters,
        status.transitionTo(MethodologyStatus.APPROVED),
        Optional.of(record));
  }

  public Methodology retire() {
    return new Methodology(
        ref,
        namespace,
        projectTypes,
        parameters,
        status.transitionTo(MethodologyStatus.RETIRED),
        approval);
  }

  public boolean isApproved() {
    return status == MethodologyStatus.APPROVED;
  }

  public boolean supports(String projectType) {
    return projectTypes.contains(projectType);
  }

  /** True when both describe the same rules: everything but status and approval agrees. */
  public boolean sameRulesAs(Methodology other) {
    return ref.equals(other.ref)
        && namespace.equals(other.namespace)
        && projectTypes.equals(other.projectTypes)
        && parameters.equals(other.parameters);
  }
}
