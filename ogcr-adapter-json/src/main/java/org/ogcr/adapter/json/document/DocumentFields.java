package org.ogcr.adapter.json.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Optional;
import org.ogcr.adapter.json.schema.SchemaValidator;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.rules.ProjectFacts;
import org.ogcr.domain.rules.VerifierClaim;
import org.ogcr.port.out.RegistryView;

/**
 * Reads the fields the business rules need from a document that passed the schema stage; the schema
 * guarantees their presence and syntax, the value objects their meaning.
 */
public final class DocumentFields {

  private DocumentFields() {}

  static JsonNode properties(JsonNode document) {
    return document.path("properties");
  }

  public static MethodologyRef methodology(JsonNode document) {
    return SchemaValidator.citedMethodology(document)
        .orElseThrow(() -> new IllegalStateException("schema-valid documents cite a methodology"));
  }

  public static String projectType(JsonNode pdd) {
    return properties(pdd).path("projectType").asText();
  }

  public static MonitoringPeriod period(JsonNode period) {
    return new MonitoringPeriod(
        LocalDate.parse(period.path("start").asText()),
        LocalDate.parse(period.path("end").asText()));
  }

  /** The facts of a schema-valid PDD registered under {@code id}. */
  public static ProjectFacts projectFacts(ProjectId id, JsonNode pdd) {
    return new ProjectFacts(
        id,
        methodology(pdd),
        period(properties(pdd).path("creditingPeriod")),
        new OrganisationId(properties(pdd).path("developer").path("organisationId").asText()));
  }

  public static ProjectId reportProject(JsonNode mrv) {
    return new ProjectId(properties(mrv).path("projectId").asText());
  }

  public static MonitoringPeriod monitoringPeriod(JsonNode mrv) {
    return period(properties(mrv).path("monitoringPeriod"));
  }

  /** The report's verification claim, with the organisation the registry knows the verifier by. */
  public static Optional<VerifierClaim> verifier(JsonNode mrv, RegistryView view) {
    JsonNode verification = properties(mrv).path("verification");
    if (!verification.isObject()) {
      return Optional.empty();
    }
    ActorId verifier = new ActorId(verification.path("verifierId").asText());
    return Optional.of(
        new VerifierClaim(
            verifier,
            new OrganisationId(verification.path("organisationId").asText()),
            view.organisationOf(verifier)));
  }
}
