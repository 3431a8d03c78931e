package org.ogcr.adapter.json.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ogcr.adapter.json.schema.Examples.Refusal;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.methodology.MethodologyRef;

class SchemaValidatorTest {

  private static final MethodologyRef EC_M = MethodologyRef.of("EC-M", "1.1.0");

  private final SchemaValidator validator = new SchemaValidator();

  private static JsonNode nulheganPdd() {
    return Examples.read(
        Examples.files(Examples.VALID).stream()
            .filter(p -> Examples.name(p).equals("nulhegan-forest.pdd.json"))
            .findFirst()
            .orElseThrow());
  }

  private static ObjectNode properties(JsonNode document) {
    return (ObjectNode) document.get("properties");
  }

  private static JsonNode json(String text) {
    try {
      return Examples.JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ loading

  @Test
  void construction_registersEverySchemaOfTheFolderByItsId() {
    assertThat(validator.schemaIds())
        .containsExactlyInAnyOrder(
            SchemaValidator.COMMON_SCHEMA_ID,
            SchemaValidator.PDD_SCHEMA_ID,
            SchemaValidator.MRV_SCHEMA_ID,
            SchemaValidator.CRU_METADATA_SCHEMA_ID,
            SchemaValidator.METHODOLOGY_SCHEMA_ID);
  }

  @Test
  void givenUnknownSchemaId_validate_isRejected() {
    assertThatThrownBy(() -> validator.validate("https://ogcr.org/schemas/nope.json", json("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://ogcr.org/schemas/nope.json");
  }

  @Test
  void givenUnknownDocumentType_validate_isRejected() {
    assertThatThrownBy(() -> validator.validate("CRU", Optional.empty(), json("{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CRU");
  }

  // ------------------------------------------------------------------ mapping of errors

  @Test
  void givenImpossibleDate_validate_reportsFormat_becauseFormatIsAnAssertion() {
    JsonNode pdd = nulheganPdd();
    ((ObjectNode) properties(pdd).get("creditingPeriod")).put("start", "2026-13-45");

    List<ValidationIssue> issues = validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd);

    assertThat(issues).hasSize(1);
    ValidationIssue issue = issues.get(0);
    assertThat(issue.pointer()).isEqualTo("/properties/creditingPeriod/start");
    assertThat(issue.code()).isEqualTo("schema_format");
    assertThat(issue.message()).contains("\"2026-13-45\"");
    assertThat(issue.fix()).contains("YYYY-MM-DD", "2026-01-01");
  }

  @Test
  void givenMissingFields_validate_pointsAtEachMissingProperty_withTheFieldNamedInTheFix() {
    JsonNode pdd = nulheganPdd();
    properties(pdd).remove("name");
    ((ObjectNode) properties(pdd).get("developer")).remove("organisationId");

    List<ValidationIssue> issues = validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd);

    assertThat(Examples.errors(issues))
        .containsExactly(
            new Refusal("/properties/developer/organisationId", "schema_required"),
            new Refusal("/properties/name", "schema_required"));
    assertThat(issues.get(1).fix()).startsWith("add the field name (The name the project");
  }

  @Test
  void givenUnexpectedPropertyWithSlashAndTilde_validate_pointsAtIt_escaped() {
    JsonNode pdd = nulheganPdd();
    properties(pdd).put("a/b~c", 1);

    List<ValidationIssue> issues = validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd);

    assertThat(Examples.errors(issues))
        .containsExactly(new Refusal("/properties/a~1b~0c", "schema_additional_properties"));
    assertThat(issues.get(0).fix()).contains("remove the field a/b~c", "<namespace>:<name>");
  }

  @Test
  void givenNamespacedProperty_validate_acceptsIt_inEveryClosedObject() {
    JsonNode pdd = nulheganPdd();
    properties(pdd).put("xyz:note", "any methodology may add its own fields");
    ((ObjectNode) properties(pdd).get("developer")).put("xyz:registryNumber", 7);
    ((ObjectNode) pdd).put("xyz:source", "import");

    assertThat(validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd)).isEmpty();
  }

  @Test
  void givenOutOfRangeValue_validate_namesTheValueAndTheLimit() {
    JsonNode pdd = nulheganPdd();
    ((ObjectNode) properties(pdd).get("earthCredits")).put("threatMultiplier", 1.5);

    ValidationIssue issue = validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd).get(0);

    assertThat(issue.code()).isEqualTo("schema_maximum");
    assertThat(issue.message()).contains("1.5");
    assertThat(issue.fix()).isEqualTo("use a value of at most 1");
  }

  @Test
  void givenBadPattern_validate_fixGivesTheSchemaExample() {
    JsonNode pdd = nulheganPdd();
    ((ObjectNode) properties(pdd).get("methodology")).put("version", "1.1");

    ValidationIssue issue = validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd).get(0);

    assertThat(issue.code()).isEqualTo("schema_pattern");
    assertThat(issue.fix()).endsWith("for example 1.1.0");
  }

  @Test
  void givenManyErrors_validate_returnsEachOnce_orderedByPointerThenCode() {
    JsonNode pdd = json("{\"type\": \"Feature\", \"properties\": {\"documentType\": \"MRV\"}}");

    List<ValidationIssue> issues = validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd);

    assertThat(issues).isSortedAccordingTo(ValidationIssue::compareTo).doesNotHaveDuplicates();
    assertThat(Examples.errors(issues))
        .contains(
            new Refusal("/geometry", "schema_required"),
            new Refusal("/properties/documentType", "schema_const"),
            new Refusal("/properties/name", "schema_required"));
  }

  @ParameterizedTest
  @CsvSource({
    "required, schema_required",
    "additionalProperties, schema_additional_properties",
    "exclusiveMaximum, schema_exclusive_maximum",
    "minLength, schema_min_length",
    "$ref, schema_ref",
    "false, schema_false",
    "dependentRequired, schema_dependent_required"
  })
  void keyword_becomesSnakeCaseCode(String keyword, String code) {
    assertThat(SchemaIssues.code(keyword)).isEqualTo(code);
  }

  @Test
  void mrvGeometry_mayBeNull_pddGeometryMayNot() {
    JsonNode pdd = nulheganPdd();
    ((ObjectNode) pdd).putNull("geometry");

    assertThat(Examples.errors(validator.validate(SchemaValidator.PDD_SCHEMA_ID, pdd)))
        .containsExactly(new Refusal("/geometry", "schema_type"));
  }

  @Test
  void commonPolygonDefinition_describesTheStrictShape() {
    // the boundary the documents use is permissive on purpose; the polygon definition is strict
    ObjectNode strict = Examples.JSON.createObjectNode();
    strict.put("$ref", SchemaValidator.COMMON_SCHEMA_ID + "#/$defs/polygon");
    ObjectNode wrapper = Examples.JSON.createObjectNode();
    wrapper.set("properties", Examples.JSON.createObjectNode().set("geometry", strict));
    assertThat(
            validator.registerExtension(
                "STRICT-M", "1.0.0", "strict", SchemaValidator.PDD, wrapper))
        .isEmpty();
    MethodologyRef strictRef = MethodologyRef.of("STRICT-M", "1.0.0");
    JsonNode pdd = nulheganPdd();
    assertThat(validator.validate(SchemaValidator.PDD, Optional.of(strictRef), pdd)).isEmpty();

    ((com.fasterxml.jackson.databind.node.ArrayNode) pdd.at("/geometry/coordinates/0/1"))
        .set(1, Examples.JSON.getNodeFactory().textNode("44.78948"));
    assertThat(
            Examples.errors(validator.validate(SchemaValidator.PDD, Optional.of(strictRef), pdd)))
        .containsExactly(new Refusal("/geometry/coordinates/0/1/1", "schema_type"));
    assertThat(validator.validate(SchemaValidator.PDD, Optional.empty(), pdd))
        .as("the base schema leaves coordinates to the geometry stage")
        .isEmpty();
  }

  // ------------------------------------------------------------------ methodology extensions

  private static JsonNode ecmPddExtension() {
    return json(
        """
        {"properties": {"properties": {
          "required": ["earthCredits"],
          "properties": {
            "name": {"maxLength": 100},
            "description": false,
            "ecm:habitatSurvey": {"type": "object", "required": ["surveyedOn"],
              "properties": {"surveyedOn": {"type": "string"}}}
          }}}}
        """);
  }

  @Test
  void givenStricterNamespacedExtension_register_acceptsIt_andValidateComposesItWithTheBase() {
    assertThat(
            validator.registerExtension(
                "EC-M", "1.1.0", "ecm", SchemaValidator.PDD, ecmPddExtension()))
        .isEmpty();
    assertThat(validator.schemaIds())
        .contains(
            "https://ogcr.org/methodologies/EC-M/1.1.0/pdd.schema.json",
            "https://ogcr.org/methodologies/EC-M/1.1.0/pdd.composed.schema.json");

    JsonNode pdd = nulheganPdd();
    properties(pdd).remove("earthCredits");
    properties(pdd).set("ecm:habitatSurvey", Examples.JSON.createObjectNode());
    properties(pdd).put("description", "an optional base field the extension forbids");

    assertThat(Examples.errors(validator.validate(SchemaValidator.PDD, Optional.of(EC_M), pdd)))
        .containsExactly(
            new Refusal("/properties/description", "schema_false"),
            new Refusal("/properties/earthCredits", "schema_required"),
            new Refusal("/properties/ecm:habitatSurvey/surveyedOn", "schema_required"));
    assertThat(validator.validate(SchemaValidator.PDD, Optional.empty(), pdd))
        .as("without the methodology only the base applies")
        .isEmpty();
    assertThat(
            validator.validate(
                SchemaValidator.PDD, Optional.of(MethodologyRef.of("EC-M", "9.9.9")), pdd))
        .as("a version without a registered extension adds nothing")
        .isEmpty();
  }

  @Test
  void givenSameExtensionTwice_register_isIdempotent_butADifferentOneIsRefused() {
    assertThat(
            validator.registerExtension(
                "EC-M", "1.1.0", "ecm", SchemaValidator.PDD, ecmPddExtension()))
        .isEmpty();
    assertThat(
            validator.registerExtension(
                "EC-M", "1.1.0", "ecm", SchemaValidator.PDD, ecmPddExtension()))
        .isEmpty();

    List<ValidationIssue> issues =
        validator.registerExtension(
            "EC-M", "1.1.0", "ecm", SchemaValidator.PDD, json("{\"required\": [\"ecm:x\"]}"));

    assertThat(Examples.errors(issues))
        .containsExactly(new Refusal("", SchemaValidator.EXTENSION_ALREADY_REGISTERED));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "field without namespace"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"habitatSurvey\": {}}}}}"
            + "|/properties/properties/properties/habitatSurvey|extension_not_namespaced",
        "field of another namespace"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"dacm:facility\": {}}}}}"
            + "|/properties/properties/properties/dacm:facility|extension_not_namespaced",
        "required field without namespace"
            + "|{\"properties\": {\"properties\": {\"required\": [\"earthCredits\", \"survey\"]}}}"
            + "|/properties/properties/required/1|extension_not_namespaced",
        "field without namespace at the root"
            + "|{\"properties\": {\"id\": {\"type\": \"string\"}}}"
            + "|/properties/id|extension_not_namespaced",
        "field without namespace in a closed base object"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"developer\":"
            + " {\"properties\": {\"email\": {}}}}}}}"
            + "|/properties/properties/properties/developer/properties/email"
            + "|extension_not_namespaced",
        "required field declared false"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"name\": false}}}}"
            + "|/properties/properties/properties/name|extension_contradicts_base",
        "not on a required field"
            + "|{\"properties\": {\"properties\": {\"not\": {\"required\": [\"name\"]}}}}"
            + "|/properties/properties/not/required/0|extension_contradicts_base",
        "required field given another type"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"name\": {\"type\": \"number\"}}}}}"
            + "|/properties/properties/properties/name/type|extension_contradicts_base",
        "required field's type negated"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"name\":"
            + " {\"not\": {\"type\": \"string\"}}}}}}"
            + "|/properties/properties/properties/name/not/type|extension_contradicts_base",
        "required field fixed to a value the base excludes"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"documentType\":"
            + " {\"const\": \"MRV\"}}}}}"
            + "|/properties/properties/properties/documentType/const|extension_contradicts_base",
        "required nested field given another type through allOf"
            + "|{\"allOf\": [{\"properties\": {\"properties\": {\"properties\": {\"methodology\":"
            + " {\"properties\": {\"version\": {\"type\": \"integer\"}}}}}}}]}"
            + "|/allOf/0/properties/properties/properties/methodology/properties/version/type"
            + "|extension_contradicts_base",
        "object closed on required fields"
            + "|{\"properties\": {\"properties\": {\"additionalProperties\": false,"
            + " \"properties\": {\"ecm:x\": {}}}}}"
            + "|/properties/properties/additionalProperties|extension_contradicts_base",
        "root closed by unevaluatedProperties"
            + "|{\"unevaluatedProperties\": false}"
            + "|/unevaluatedProperties|extension_contradicts_base",
        "names of the root constrained"
            + "|{\"propertyNames\": false}"
            + "|/propertyNames|extension_contradicts_base",
        "fewer properties allowed than the base requires"
            + "|{\"properties\": {\"properties\": {\"maxProperties\": 1}}}"
            + "|/properties/properties/maxProperties|extension_contradicts_base",
        "the schema false" + "|false" + "||extension_contradicts_base",
        "not on everything" + "|{\"not\": {}}" + "|/not|extension_contradicts_base",
        "contradiction through a local $ref"
            + "|{\"properties\": {\"properties\": {\"$ref\": \"#/$defs/p\"}},"
            + " \"$defs\": {\"p\": {\"properties\": {\"name\": false}}}}"
            + "|/$defs/p/properties/name|extension_contradicts_base",
        "unknown type name" + "|{\"type\": \"objekt\"}" + "|/type|extension_invalid_schema",
        "required not an array"
            + "|{\"properties\": {\"properties\": {\"required\": \"earthCredits\"}}}"
            + "|/properties/properties/required|extension_invalid_schema",
        "not a schema at all" + "|[1, 2]" + "||extension_invalid_schema",
        "another dialect"
            + "|{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}"
            + "|/$schema|extension_invalid_schema",
        "reference to an unknown https schema"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"ecm:x\":"
            + " {\"$ref\": \"https://schemas.example.com/habitat.json\"}}}}}"
            + "||extension_invalid_schema",
        "reference that loops through $defs"
            + "|{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/a\"}}, \"properties\": {\"properties\":"
            + " {\"properties\": {\"ecm:x\": {\"$ref\": \"#/$defs/a\"}}}}}"
            + "|/$defs/a/$ref|extension_invalid_schema",
        "reference from the root back to the root"
            + "|{\"allOf\": [{\"$ref\": \"#\"}]}"
            + "|/allOf/0/$ref|extension_invalid_schema",
        "reference to its own id"
            + "|{\"$ref\": \"pdd.schema.json\"}"
            + "|/$ref|extension_invalid_schema",
        "reference to its own composition with the base"
            + "|{\"$ref\": \"https://ogcr.org/methodologies/EC-M/1.1.0/pdd.composed.schema.json\"}"
            + "|/$ref|extension_invalid_schema",
        "loop through an anchor"
            + "|{\"$defs\": {\"a\": {\"$anchor\": \"a\", \"allOf\": [{\"$ref\": \"#a\"}]}},"
            + " \"properties\": {\"properties\": {\"properties\": {\"ecm:x\": {\"$ref\": \"#a\"}}}}}"
            + "|/$defs/a/allOf/0/$ref|extension_invalid_schema",
        "reference to another methodology's extension"
            + "|{\"properties\": {\"properties\": {\"properties\": {\"ecm:x\":"
            + " {\"$ref\": \"https://ogcr.org/methodologies/DAC-M/1.0.0/pdd.schema.json\"}}}}}"
            + "|/properties/properties/properties/ecm:x/$ref|extension_invalid_schema",
        "embedded schema resource"
            + "|{\"$defs\": {\"a\": {\"$id\": \"https://example.org/a.json\"}}}"
            + "|/$defs/a/$id|extension_invalid_schema",
        "reference to an unregistered ogcr schema"
            + "|{\"$ref\": \"https://ogcr.org/schemas/habitat.schema.json\"}"
            + "||extension_invalid_schema"
      })
  void givenBrokenExtension_register_refusesIt_andRegistersNothing(
      String what, String extension, String pointer, String code) {
    List<ValidationIssue> issues =
        validator.registerExtension("EC-M", "1.1.0", "ecm", SchemaValidator.PDD, json(extension));

    assertThat(Examples.errors(issues)).contains(new Refusal(pointer == null ? "" : pointer, code));
    assertThat(issues).allSatisfy(i -> assertThat(i.fix()).isNotBlank());
    assertThat(validator.schemaIds())
        .doesNotContain(SchemaValidator.extensionId(EC_M, SchemaValidator.PDD));
  }

  @Test
  void givenUnknownHttpsReference_register_failsCleanly_namingTheUrl() {
    List<ValidationIssue> issues =
        validator.registerExtension(
            "EC-M",
            "1.1.0",
            "ecm",
            SchemaValidator.PDD,
            json("{\"$ref\": \"https://schemas.example.com/habitat.json\"}"));

    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).message())
        .contains("https://schemas.example.com/habitat.json", "not allowed to be loaded");
  }

  @Test
  void givenRecursionThatDescendsIntoTheDocument_register_acceptsIt_andValidationEnds() {
    JsonNode extension =
        json(
            """
            {"$defs": {"tree": {"type": "object", "properties": {
               "children": {"type": "array", "items": {"$ref": "#/$defs/tree"}}}}},
             "properties": {"properties": {"properties": {
               "ecm:tree": {"$ref": "#/$defs/tree"}}}}}
            """);
    assertThat(validator.registerExtension("EC-M", "1.1.0", "ecm", SchemaValidator.PDD, extension))
        .isEmpty();
    JsonNode pdd = nulheganPdd();
    properties(pdd).set("ecm:tree", json("{\"children\": [{\"children\": \"leaf\"}]}"));

    assertThat(Examples.errors(validator.validate(SchemaValidator.PDD, Optional.of(EC_M), pdd)))
        .containsExactly(new Refusal("/properties/ecm:tree/children/0/children", "schema_type"));
  }

  @Test
  void givenFreeNamesInsideAnOpenBaseObject_register_acceptsThem() {
    JsonNode mrv =
        json(
            "{\"properties\": {\"properties\": {\"properties\": {\"methodologyInputs\":"
                + " {\"required\": [\"plots\"], \"properties\": {\"plots\": {\"type\":"
                + " \"integer\"}}}}}}}");

    assertThat(validator.registerExtension("EC-M", "1.1.0", "ecm", SchemaValidator.MRV, mrv))
        .isEmpty();
  }

  @Test
  void givenContradictionUnderAnyOf_register_acceptsIt_becauseAnotherBranchMayHold() {
    JsonNode pdd =
        json(
            "{\"properties\": {\"properties\": {\"anyOf\": ["
                + "{\"properties\": {\"name\": false}}, {\"required\": [\"ecm:alias\"]}]}}}");

    assertThat(validator.registerExtension("EC-M", "1.1.0", "ecm", SchemaValidator.PDD, pdd))
        .isEmpty();
  }

  @Test
  void givenMalformedArguments_register_isRejected() {
    JsonNode ok = json("{}");
    assertThatThrownBy(() -> validator.registerExtension("EC-M", "1.1", "ecm", "PDD", ok))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> validator.registerExtension("EC-M", "1.1.0", "ECM", "PDD", ok))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ECM");
    assertThatThrownBy(() -> validator.registerExtension("EC-M", "1.1.0", "ecm", "CRU", ok))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CRU");
  }

  @Test
  void citedMethodology_readsIdAndVersion_orNothingWhenMalformed() {
    assertThat(SchemaValidator.citedMethodology(nulheganPdd())).contains(EC_M);
    JsonNode pdd = nulheganPdd();
    ((ObjectNode) properties(pdd).get("methodology")).put("version", "1.1");
    assertThat(SchemaValidator.citedMethodology(pdd)).isEmpty();
    assertThat(SchemaValidator.citedMethodology(json("[]"))).isEmpty();
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void validationsAndRegistrations_runConcurrently_withTheSameResultsAsAlone() throws Exception {
    SchemaValidator shared = Examples.validatorWithMethodologies();
    Map<Path, List<ValidationIssue>> alone = new LinkedHashMap<>();
    List<Path> documents = new ArrayList<>(Examples.files(Examples.VALID));
    documents.addAll(Examples.invalidDocuments());
    for (Path file : documents) {
      alone.put(file, validate(shared, file));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<Path, List<ValidationIssue>>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            pool.submit(
                () -> {
                  Map<Path, List<ValidationIssue>> seen = new LinkedHashMap<>();
                  for (int round = 0; round < 10; round++) {
                    for (Path file : documents) {
                      seen.put(file, validate(shared, file));
                    }
                  }
                  return seen;
                }));
      }
      Future<?> registrations =
          pool.submit(
              () -> {
                for (int v = 0; v < 20; v++) {
                  assertThat(
                          shared.registerExtension(
                              "LOAD-M",
                              "1.0." + v,
                              "load",
                              SchemaValidator.PDD,
                              json("{\"required\": [\"load:x\"]}")))
                      .isEmpty();
                }
                return null;
              });
      for (Future<Map<Path, List<ValidationIssue>>> run : runs) {
        assertThat(run.get(2, TimeUnit.MINUTES)).isEqualTo(alone);
      }
      registrations.get(2, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    assertThat(shared.schemaIds())
        .contains(
            SchemaValidator.compositionId(
                MethodologyRef.of("LOAD-M", "1.0.19"), SchemaValidator.PDD));
  }

  private static List<ValidationIssue> validate(SchemaValidator validator, Path file) {
    JsonNode document = Examples.read(file);
    return validator.validate(
        Examples.documentType(file), SchemaValidator.citedMethodology(document), document);
  }
}
