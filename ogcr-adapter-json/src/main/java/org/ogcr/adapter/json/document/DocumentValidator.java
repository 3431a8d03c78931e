package org.ogcr.adapter.json.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.adapter.json.canonical.CanonicalJson;
import org.ogcr.adapter.json.canonical.CanonicalizationException;
import org.ogcr.adapter.json.canonical.DocumentIdentity;
import org.ogcr.adapter.json.schema.SchemaValidator;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.document.DataQuality;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.geometry.BoundaryRules;
import org.ogcr.domain.geometry.GeodesicArea;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.ApprovalRecord;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.methodology.MethodologyStatus;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.rules.BusinessRules;
import org.ogcr.domain.rules.ProjectCandidate;
import org.ogcr.domain.rules.ReportCandidate;
import org.ogcr.port.out.RegistryView;

/**
 * The validation pipeline of docs/documents.md, the same whether a document arrives over HTTP or
 * through the Java API. For a PDD or an MRV:
 *
 * <ol>
 *   <li>strict JSON ({@code json_malformed});
 *   <li>schema, with the cited methodology's extension ({@code schema_*});
 *   <li>geometry, whenever a geometry is given and the schema accepts the {@code geometry} member
 *       ({@code geometry_*}), so one fault is never reported twice;
 *   <li>business rules, once schema and geometry pass (they read fields the schema guarantees);
 *   <li>canonical identity ({@code json_not_canonicalizable} when a number cannot be kept);
 *   <li>a data-quality score, never a refusal.
 * </ol>
 *
 * Every issue found is reported at once. Thread-safe: validations may run concurrently.
 */
public final class DocumentValidator {

  private final SchemaValidator schemas;
  private final BoundaryRules geometry;

  public DocumentValidator(SchemaValidator schemas, BoundaryRules geometry) {
    this.schemas = schemas;
    this.geometry = geometry;
  }

  public static DocumentValidator withDefaults() {
    return new DocumentValidator(new SchemaValidator(), BoundaryRules.withDefaults());
  }

  /** The outcome of registering a methodology version document. */
  public record MethodologyRegistration(
      List<ValidationIssue> issues, Optional<Methodology> methodology) {
    public MethodologyRegistration {
      issues = List.copyOf(issues);
    }
  }

  /**
   * Validates a methodology version document, registers its PDD and MRV extensions (OGCR 6.1.2) and
   * reads it as a domain {@link Methodology}, ready for the catalogue.
   */
  public MethodologyRegistration registerMethodology(String json) {
    Parsed parsed = parse(json);
    if (parsed.document().isEmpty()) {
      return new MethodologyRegistration(
          List.of(parsed.malformed().orElseThrow()), Optional.empty());
    }
    JsonNode doc = parsed.document().get();
    List<ValidationIssue> issues =
        new ArrayList<>(schemas.validate(SchemaValidator.METHODOLOGY_SCHEMA_ID, doc));
    if (!issues.isEmpty()) {
      return new MethodologyRegistration(issues, Optional.empty());
    }
    Methodology methodology;
    try {
      methodology = methodology(doc);
    } catch (DomainException e) {
      issues.add(
          new ValidationIssue(
              "", "methodology_invalid", e.getMessage(), "correct the methodology document"));
      return new MethodologyRegistration(issues, Optional.empty());
    }
    Map<String, JsonNode> extensions = new LinkedHashMap<>();
    for (String type : List.of(SchemaValidator.PDD, SchemaValidator.MRV)) {
      JsonNode extension = doc.path("extensions").path(type.toLowerCase(Locale.ROOT));
      if (!extension.isMissingNode()) {
        extensions.put(type, extension);
      }
    }
    // all or nothing: a refused MRV extension leaves no PDD extension behind
    schemas
        .registerExtensions(
            methodology.ref().id(),
            methodology.ref().version().toString(),
            methodology.namespace(),
            extensions)
        .forEach(
            (type, refused) -> {
              String at = "/extensions/" + type.toLowerCase(Locale.ROOT);
              refused.forEach(
                  i ->
                      issues.add(
                          new ValidationIssue(at + i.pointer(), i.code(), i.message(), i.fix())));
            });
    return issues.isEmpty()
        ? new MethodologyRegistration(issues, Optional.of(methodology))
        : new MethodologyRegistration(issues, Optional.empty());
  }

  /**
   * Validates a PDD.
   *
   * @param self the project's id when the PDD is a new version of a registered project
   */
  public DocumentValidation validatePdd(String json, Optional<ProjectId> self, RegistryView view) {
    return run(
        json,
        SchemaValidator.PDD,
        (doc, boundary) ->
            BusinessRules.checkProject(
                new ProjectCandidate(
                    self,
                    DocumentFields.projectType(doc),
                    DocumentFields.methodology(doc),
                    boundary.orElseThrow()),
                view.methodologies(),
                view.activeBoundaries()));
  }

  /** Validates an MRV against its project. */
  public DocumentValidation validateMrv(String json, RegistryView view) {
    return run(
        json,
        SchemaValidator.MRV,
        (doc, area) -> {
          ProjectId project = DocumentFields.reportProject(doc);
          return BusinessRules.checkReport(
              new ReportCandidate(
                  project,
                  DocumentFields.methodology(doc),
                  DocumentFields.monitoringPeriod(doc),
                  DocumentFields.verifier(doc, view)),
              view.project(project),
              view.reportPeriods(project));
        });
  }

  /** The metadata a validated PDD may still change (OGCR 4.2.1 {@code PUT}): its contacts. */
  static final List<String> PERMITTED_METADATA = List.of("contacts");

  /**
   * What an amendment of a PDD changes: {@code METADATA_ONLY} when the two versions have the same
   * canonical form once the permitted metadata is set aside, {@code CONTENT} otherwise.
   */
  public static PddHistory.ChangeScope changeScope(JsonNode previous, JsonNode next) {
    return Arrays.equals(
            CanonicalJson.canonicalize(withoutMetadata(previous)),
            CanonicalJson.canonicalize(withoutMetadata(next)))
        ? PddHistory.ChangeScope.METADATA_ONLY
        : PddHistory.ChangeScope.CONTENT;
  }

  private static JsonNode withoutMetadata(JsonNode pdd) {
    JsonNode copy = pdd.deepCopy();
    JsonNode properties = copy.path("properties");
    if (properties instanceof ObjectNode) {
      ((ObjectNode) properties).remove(PERMITTED_METADATA);
    }
    return copy;
  }

  private interface Rules {
    List<ValidationIssue> check(JsonNode document, Optional<Geometry> geometry);
  }

  private DocumentValidation run(String json, String type, Rules rules) {
    Parsed parsed = parse(json);
    if (parsed.document().isEmpty()) {
      return new DocumentValidation(
          List.of(parsed.malformed().orElseThrow()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    JsonNode doc = parsed.document().get();
    List<ValidationIssue> issues =
        new ArrayList<>(schemas.validate(type, SchemaValidator.citedMethodology(doc), doc));
    Optional<Geometry> shape = Optional.empty();
    JsonNode geometryNode = doc.path("geometry");
    boolean schemaAcceptsGeometry =
        issues.stream()
            .noneMatch(
                i -> i.pointer().equals("/geometry") || i.pointer().startsWith("/geometry/"));
    if (doc.isObject() && geometryNode.isObject() && schemaAcceptsGeometry) {
      BoundaryRules.Result result =
          geometry.check("/geometry", StrictJson.MAPPER.convertValue(geometryNode, Object.class));
      issues.addAll(result.issues());
      shape = result.geometry();
    }
    if (issues.isEmpty()) {
      issues.addAll(periods(type, doc));
    }
    if (issues.isEmpty()) {
      issues.addAll(rules.check(doc, shape));
    }
    Optional<DocumentIdentity> identity = Optional.empty();
    if (issues.isEmpty()) {
      // the identity of an accepted document; a number its canonical form would change is the
      // last reason to refuse one
      try {
        identity = Optional.of(DocumentIdentity.of(doc));
      } catch (CanonicalizationException e) {
        issues.add(
            new ValidationIssue(
                e.pointer().orElse(""),
                e.code(),
                e.getMessage(),
                "send numbers a double holds exactly; put longer ones in strings"));
      }
    }
    Optional<DataQuality> quality =
        doc.isObject() ? Optional.of(quality(type, doc, shape)) : Optional.empty();
    return issues.isEmpty()
        ? new DocumentValidation(issues, Optional.of(doc), identity, shape, quality)
        : new DocumentValidation(issues, Optional.of(doc), Optional.empty(), shape, quality);
  }

  /**
   * The schema checks that a period's dates are dates; the domain, that it ends after it starts.
   * The business rules need well-formed periods, so this runs first.
   */
  private static List<ValidationIssue> periods(String type, JsonNode doc) {
    String pointer =
        SchemaValidator.PDD.equals(type)
            ? "/properties/creditingPeriod"
            : "/properties/monitoringPeriod";
    try {
      DocumentFields.period(doc.at(pointer));
      return List.of();
    } catch (InvalidValueException e) {
      return List.of(
          new ValidationIssue(
              pointer + "/end",
              "period_end_not_after_start",
              e.getMessage(),
              "end the period after it starts: periods are [start, end), the end day excluded"));
    }
  }

  /** A parsed document, or the issue that says why the text is not one. */
  private record Parsed(Optional<JsonNode> document, Optional<ValidationIssue> malformed) {}

  private static Parsed parse(String json) {
    try {
      return new Parsed(Optional.of(StrictJson.read(json == null ? "" : json)), Optional.empty());
    } catch (StrictJson.MalformedJsonException e) {
      return new Parsed(
          Optional.empty(),
          Optional.of(
              new ValidationIssue(
                  "",
                  "json_malformed",
                  e.getMessage(),
                  "send one JSON document (RFC 8259), without comments, duplicate member names"
                      + " or trailing content")));
    }
  }

  // ---- data quality (non-normative) ----

  private static DataQuality quality(String type, JsonNode doc, Optional<Geometry> shape) {
    JsonNode props = doc.path("properties");
    Map<String, BigDecimal> parts = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    if (SchemaValidator.PDD.equals(type)) {
      List<String> optional = List.of("contacts", "description");
      parts.put("completeness", completeness(props, optional, notes));
      JsonNode acres = props.path("earthCredits").path("verifiedAcres");
      if (acres.isNumber() && Double.isFinite(acres.doubleValue()) && shape.isPresent()) {
        double measured = GeodesicArea.acres(shape.get());
        BigDecimal agreement = DataQuality.acresConsistency(acres.doubleValue(), measured);
        parts.put("acresConsistency", agreement);
        if (agreement.compareTo(new BigDecimal("0.80")) < 0) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "declares %s verified acres; the boundary measures %.1f acres",
                  acres.asText(),
                  measured));
        }
      }
    } else {
      parts.put(
          "completeness", completeness(props, List.of("verification", "measurementTypes"), notes));
      JsonNode tonnes = props.path("netRemoval").path("tonnesCo2e");
      JsonNode error = props.path("netRemoval").path("uncertainty").path("standardError");
      double relative = error.doubleValue() / tonnes.doubleValue();
      if (tonnes.isNumber()
          && error.isNumber()
          && tonnes.doubleValue() > 0
          && Double.isFinite(relative)) {
        parts.put(
            "uncertainty",
            BigDecimal.valueOf(Math.max(0, 1 - relative)).setScale(2, RoundingMode.HALF_EVEN));
        if (relative > 0.5) {
          notes.add("the standard error is over half the reported net removal");
        }
      }
      JsonNode verified = props.path("verification").path("verifiedTonnesCo2e");
      if (verified.isNumber() && tonnes.isNumber()) {
        boolean withinReported = verified.decimalValue().compareTo(tonnes.decimalValue()) <= 0;
        parts.put("verifiedWithinReported", withinReported ? BigDecimal.ONE : BigDecimal.ZERO);
        if (!withinReported) {
          notes.add("verified tonnes exceed the reported net removal");
        }
      }
    }
    return DataQuality.of(parts, notes);
  }

  private static BigDecimal completeness(
      JsonNode props, List<String> optional, List<String> notes) {
    int present = 0;
    for (String field : optional) {
      JsonNode value = props.path(field);
      if (value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
        notes.add("no " + field);
      } else {
        present++;
      }
    }
    return DataQuality.fraction(present, optional.size());
  }

  // ---- methodology documents ----

  private static Methodology methodology(JsonNode doc) {
    MethodologyRef ref = MethodologyRef.of(doc.path("id").asText(), doc.path("version").asText());
    Set<String> types = new HashSet<>();
    doc.path("projectTypes").forEach(t -> types.add(t.asText()));
    JsonNode p = doc.path("parameters");
    Map<RiskTier, BufferRate> rates = new EnumMap<>(RiskTier.class);
    for (RiskTier tier : RiskTier.values()) {
      rates.put(
          tier,
          new BufferRate(
              p.path("bufferRates").path(tier.name().toLowerCase(Locale.ROOT)).decimalValue()));
    }
    MethodologyParameters parameters =
        new MethodologyParameters(
            p.path("z").decimalValue(),
            p.path("methodologyConstant").decimalValue(),
            new BufferRateTable(rates));
    Methodology draft = Methodology.draft(ref, doc.path("namespace").asText(), types, parameters);
    MethodologyStatus status =
        MethodologyStatus.valueOf(doc.path("status").asText().toUpperCase(Locale.ROOT));
    JsonNode approval = doc.path("approval");
    Optional<ApprovalRecord> record =
        approval.isObject()
            ? Optional.of(
                new ApprovalRecord(
                    new ActorId(approval.path("approvedBy").asText()),
                    LocalDate.parse(approval.path("approvedAt").asText())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()))
            : Optional.empty();
    return new Methodology(ref, doc.path("namespace").asText(), types, parameters, status, record);
  }
}
