package org.ogcr.adapter.json.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.document.DocumentRejectedException;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.port.model.ProjectDocument;
import org.ogcr.port.model.PropertyTerms;
import org.ogcr.port.model.ReportDocument;
import org.ogcr.port.out.DocumentReader;
import org.ogcr.port.out.RegistryView;

/**
 * The {@link DocumentReader} port over {@link DocumentValidator}: the whole validation pipeline,
 * then the fields the registry records, read from the accepted document.
 */
public final class JsonDocumentReader implements DocumentReader {

  private final DocumentValidator validator;

  public JsonDocumentReader(DocumentValidator validator) {
    this.validator = validator;
  }

  public static JsonDocumentReader withDefaults() {
    return new JsonDocumentReader(DocumentValidator.withDefaults());
  }

  @Override
  public ProjectDocument readProject(String json, Optional<ProjectId> self, RegistryView view) {
    DocumentValidation v = validator.validatePdd(json, self, view).requireValid("PDD");
    JsonNode doc = v.document().orElseThrow();
    JsonNode p = DocumentFields.properties(doc);
    JsonNode developer = p.path("developer");
    return new ProjectDocument(
        v.identity().orElseThrow().sha256(),
        p.path("name").asText(),
        DocumentFields.projectType(doc),
        new ActorId(developer.path("actorId").asText()),
        new OrganisationId(developer.path("organisationId").asText()),
        DocumentFields.methodology(doc),
        DocumentFields.period(p.path("creditingPeriod")),
        v.geometry().orElseThrow(),
        property(p.path("earthCredits")));
  }

  private static Optional<PropertyTerms> property(JsonNode ec) {
    if (!ec.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new PropertyTerms(
            ec.path("propertyCode").asText(),
            ec.path("verifiedAcres").decimalValue(),
            RiskTier.valueOf(ec.path("riskTier").asText().toUpperCase(Locale.ROOT)),
            ec.path("threatMultiplier").decimalValue(),
            new DocumentHash(ec.path("registrationRecordHash").asText())));
  }

  @Override
  public ReportDocument readReport(String json, RegistryView view) {
    DocumentValidation v = validator.validateMrv(json, view).requireValid("MRV");
    JsonNode doc = v.document().orElseThrow();
    JsonNode p = DocumentFields.properties(doc);
    JsonNode eci = p.path("eci");
    return new ReportDocument(
        v.identity().orElseThrow().sha256(),
        DocumentFields.reportProject(doc),
        DocumentFields.methodology(doc),
        DocumentFields.monitoringPeriod(doc),
        new Co2eQuantity(exact(p.path("netRemoval").path("tonnesCo2e"))),
        eci.isObject()
            ? Optional.of(new EciScore(exact(eci.path("mean")), exact(eci.path("standardError"))))
            : Optional.empty());
  }

  private static BigDecimal exact(JsonNode number) {
    return number.decimalValue();
  }

  @Override
  public PddHistory.ChangeScope changeScope(String previousJson, String nextJson) {
    try {
      return DocumentValidator.changeScope(
          StrictJson.read(previousJson), StrictJson.read(nextJson));
    } catch (StrictJson.MalformedJsonException e) {
      // both versions were accepted by readProject before they were stored
      throw new IllegalStateException("a stored PDD is no longer JSON", e);
    }
  }

  @Override
  public Methodology readMethodology(String json) {
    DocumentValidator.MethodologyRegistration r = validator.registerMethodology(json);
    List<ValidationIssue> issues = r.issues();
    return r.methodology().orElseThrow(() -> new DocumentRejectedException("methodology", issues));
  }
}
