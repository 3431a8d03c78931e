package org.ogcr.adapter.json.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.adapter.json.schema.Examples;
import org.ogcr.domain.document.DocumentRejectedException;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.project.PddHistory;

class DocumentValidatorTest {

  static DocumentValidator validator;
  static ExampleRegistry registry;
  static String nulhegan;

  @BeforeAll
  static void load() {
    validator = DocumentValidator.withDefaults();
    registry = ExampleRegistry.load(validator);
    nulhegan = example(Examples.VALID, "nulhegan-forest.pdd.json");
  }

  /** The text of one example file. */
  static String example(String folder, String name) {
    return ExampleRegistry.text(
        Examples.files(folder).stream()
            .filter(p -> Examples.name(p).equals(name))
            .findFirst()
            .orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"type\": \"Feature\", \"type\": \"Feature\"}",
        "{\"type\": NaN}",
        "{\"type\": \"Feature\"} trailing",
        "// comment\n{}",
        "{'type': 'Feature'}"
      })
  void givenTextThatIsNotStrictJson_pipeline_refusesWithJsonMalformedAtTheRoot(String text) {
    DocumentValidation v = validator.validatePdd(text, Optional.empty(), registry);
    assertThat(v.issues())
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(tuple("", "json_malformed"));
    assertThat(v.document()).isEmpty();
  }

  @Test
  void givenNestingDeeperThanTheLimit_pipeline_refusesWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(validator.validatePdd(deep, Optional.empty(), registry).issues())
        .extracting(ValidationIssue::code)
        .containsExactly("json_malformed");
  }

  @Test
  void givenArrayInsteadOfAFeature_pipeline_reportsTheSchemaWithoutThrowing() {
    assertThat(validator.validateMrv("[1, 2, 3]", registry).issues())
        .extracting(ValidationIssue::code)
        .containsExactly("schema_type");
  }

  @Test
  void givenAcceptedPdd_requireValid_returnsIt_andIdentityIsTheCanonicalHash() {
    DocumentValidation v =
        validator.validatePdd(
            nulhegan, Optional.of(new org.ogcr.domain.id.ProjectId("nulhegan-forest")), registry);
    assertThat(v.requireValid("PDD")).isSameAs(v);
    assertThat(v.identity().orElseThrow().sha256())
        .isEqualTo(
            org.ogcr.adapter.json.canonical.DocumentIdentity.of(v.document().orElseThrow())
                .sha256());
    assertThat(v.quality().orElseThrow().parts()).containsKeys("completeness", "acresConsistency");
  }

  @Test
  void givenRefusedPdd_requireValid_throwsListingEveryIssue() {
    DocumentValidation v = validator.validatePdd(nulhegan, Optional.empty(), registry);
    assertThatThrownBy(() -> v.requireValid("PDD nulhegan-forest"))
        .isInstanceOfSatisfying(
            DocumentRejectedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("document_invalid");
              assertThat(e.issues())
                  .extracting(ValidationIssue::code)
                  .containsExactly("boundary_overlaps_project");
            })
        .hasMessageContaining("boundary_overlaps_project at '/geometry'");
  }

  @Test
  void givenContactChangeOnly_changeScope_isMetadataOnly_otherwiseContent() throws Exception {
    JsonNode before = StrictJson.read(nulhegan);
    ObjectNode contacts = (ObjectNode) before.deepCopy();
    ((ObjectNode) contacts.get("properties"))
        .putArray("contacts")
        .addObject()
        .put("name", "Ben Okafor")
        .put("email", "ben@example.org")
        .put("role", "steward");
    ObjectNode renamed = (ObjectNode) before.deepCopy();
    ((ObjectNode) renamed.get("properties")).put("name", "Another name");

    assertThat(DocumentValidator.changeScope(before, contacts))
        .isEqualTo(PddHistory.ChangeScope.METADATA_ONLY);
    assertThat(DocumentValidator.changeScope(before, renamed))
        .isEqualTo(PddHistory.ChangeScope.CONTENT);
  }

  @Test
  void givenMethodologyWithBadBufferRate_registration_isRefusedWithAPointer() throws Exception {
    ObjectNode doc =
        (ObjectNode) StrictJson.read(example(Examples.METHODOLOGIES, "ec-m-1.1.0.json"));
    ((ObjectNode) doc.get("parameters").get("bufferRates")).put("frontier", 0.30);
    doc.put("version", "1.1.1");
    DocumentValidator.MethodologyRegistration r =
        DocumentValidator.withDefaults().registerMethodology(doc.toString());
    assertThat(r.methodology()).isEmpty();
    assertThat(r.issues())
        .extracting(ValidationIssue::pointer)
        .contains("/parameters/bufferRates/frontier");
  }

  @Test
  void givenExtensionAddingAFieldWithoutNamespace_registration_isRefused() throws Exception {
    ObjectNode doc =
        (ObjectNode) StrictJson.read(example(Examples.METHODOLOGIES, "ec-m-1.1.0.json"));
    ((ObjectNode) doc.at("/extensions/pdd/properties/properties/properties"))
        .putObject("habitatSurvey")
        .put("type", "object");
    DocumentValidator.MethodologyRegistration r =
        DocumentValidator.withDefaults().registerMethodology(doc.toString());
    assertThat(r.issues()).extracting(ValidationIssue::code).contains("extension_not_namespaced");
    assertThat(r.issues()).allSatisfy(i -> assertThat(i.pointer()).startsWith("/extensions/pdd"));
  }

  @Test
  void givenMemberNameOfFiftyThousandCharacters_pipeline_reportsItWithoutOverflowingTheStack()
      throws Exception {
    ObjectNode doc = (ObjectNode) StrictJson.read(nulhegan);
    ((ObjectNode) doc.get("properties")).put("x".repeat(50_000), 1);
    assertThat(validator.validatePdd(doc.toString(), Optional.empty(), registry).issues())
        .extracting(ValidationIssue::code)
        .contains("schema_additional_properties");
  }

  @Test
  void givenNumbersBeyondDoubleOutsideGeometry_pipeline_refusesThemWithoutThrowing()
      throws Exception {
    ObjectNode doc = (ObjectNode) StrictJson.read(nulhegan);
    ((ObjectNode) doc.at("/properties/earthCredits"))
        .put("verifiedAcres", new java.math.BigDecimal("1e400"));
    DocumentValidation v =
        validator.validatePdd(
            doc.toString(),
            Optional.of(new org.ogcr.domain.id.ProjectId("nulhegan-forest")),
            registry);
    assertThat(v.issues())
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(
            tuple("/properties/earthCredits/verifiedAcres", "json_not_canonicalizable"));
    assertThat(v.quality()).isPresent();
  }

  @Test
  void givenMillionVertexBoundary_pipeline_refusesItByTheVertexLimit() throws Exception {
    ObjectNode doc = (ObjectNode) StrictJson.read(nulhegan);
    com.fasterxml.jackson.databind.node.ArrayNode ring =
        ((ObjectNode) doc.get("geometry")).putArray("coordinates").addArray();
    for (int i = 0; i <= 1_000_000; i++) {
      double a = (i % 1_000_000) * 2 * Math.PI / 1_000_000;
      ring.addArray().add(-71.75 + 0.01 * Math.cos(a)).add(44.83 + 0.01 * Math.sin(a));
    }
    String text = doc.toString();
    assertThat(text.length()).isGreaterThan(10_000_000);
    assertThat(validator.validatePdd(text, Optional.empty(), registry).issues())
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .containsExactly(tuple("/geometry/coordinates/0", "geometry_too_many_vertices"));
  }

  @Test
  void givenMethodologyWhoseMrvExtensionIsRefused_registration_leavesNoPddExtensionBehind()
      throws Exception {
    DocumentValidator fresh = DocumentValidator.withDefaults();
    ObjectNode doc =
        (ObjectNode) StrictJson.read(example(Examples.METHODOLOGIES, "ec-m-1.1.0.json"));
    doc.put("version", "1.4.0");
    ObjectNode good = doc.deepCopy();
    ((ObjectNode) doc.at("/extensions/mrv"))
        .putObject("properties")
        .putObject("properties")
        .putObject("properties")
        .putObject("survey")
        .put("type", "string");
    assertThat(fresh.registerMethodology(doc.toString()).issues())
        .extracting(ValidationIssue::code)
        .contains("extension_not_namespaced");
    // nothing of 1.4.0 stays: the corrected document registers, not "already registered"
    assertThat(fresh.registerMethodology(good.toString()).issues()).isEmpty();
  }
}
