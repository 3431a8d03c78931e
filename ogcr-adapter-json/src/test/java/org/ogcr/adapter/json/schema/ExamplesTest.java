package org.ogcr.adapter.json.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ogcr.adapter.json.schema.Examples.Refusal;
import org.ogcr.domain.methodology.MethodologyRef;

/**
 * Every file of {@code examples/} through the schema stage, against a validator holding the
 * extensions of the methodology examples. An invalid example lists every (pointer, code) the whole
 * pipeline must produce; the schema stage must produce exactly its {@code schema_*} ones, so an
 * example refused for geometry or a business rule is schema-valid and reaches the later stages.
 */
class ExamplesTest {

  /** docs/documents.md: the codes of the stages after the schema. */
  /** Every `code` docs/documents.md names (the tests run in the module's folder). */
  private static final Set<String> DOCUMENTED_CODES = documentedCodes();

  private static Set<String> documentedCodes() {
    try {
      String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/documents.md"));
      Set<String> codes = new java.util.HashSet<>();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("`([a-z][a-z0-9_]+)`").matcher(docs);
      while (m.find()) {
        codes.add(m.group(1));
      }
      return codes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final Set<String> LATER_STAGE_CODES =
      Set.of(
          "geometry_type",
          "geometry_structure",
          "geometry_position",
          "geometry_not_finite",
          "geometry_longitude_range",
          "geometry_latitude_range",
          "geometry_ring_too_short",
          "geometry_ring_not_closed",
          "geometry_too_many_vertices",
          "geometry_invalid",
          "geometry_zero_area",
          "period_end_not_after_start",
          "verifier_not_registered",
          "verifier_organisation_mismatch",
          "methodology_not_registered",
          "methodology_not_approved",
          "methodology_project_type_unsupported",
          "methodology_mismatch",
          "project_not_found",
          "period_outside_crediting_period",
          "period_overlaps_report",
          "boundary_overlaps_project",
          "verifier_conflict_of_interest");

  private static SchemaValidator validator;

  @BeforeAll
  static void registerMethodologies() {
    validator = Examples.validatorWithMethodologies();
  }

  @TestFactory
  Stream<DynamicTest> validDocument_passesItsSchemaAndItsMethodologysExtension() {
    return eachReader(
        Examples.files(Examples.VALID),
        (file, document) -> {
          String type = Examples.documentType(file);
          Optional<MethodologyRef> cited = SchemaValidator.citedMethodology(document);
          assertThat(cited).as("cited methodology").isPresent();
          assertThat(validator.schemaIds())
              .as("the cited methodology's %s extension is registered", type)
              .contains(SchemaValidator.compositionId(cited.get(), type));

          assertThat(validator.validate(type, cited, document)).isEmpty();
        });
  }

  @TestFactory
  Stream<DynamicTest> invalidDocument_schemaStageReportsExactlyItsSchemaErrors() {
    return eachReader(
        Examples.invalidDocuments(),
        (file, document) -> {
          Set<Refusal> expectedFromSchema =
              Examples.expectedErrors(file).stream()
                  .filter(e -> e.code().startsWith("schema_"))
                  .collect(Collectors.toSet());

          Set<Refusal> actual =
              Examples.errors(
                  validator.validate(
                      Examples.documentType(file),
                      SchemaValidator.citedMethodology(document),
                      document));

          assertThat(actual)
              .as(
                  expectedFromSchema.isEmpty()
                      ? "schema-valid, so that the later stages see it"
                      : "the schema errors of " + Examples.expectedFor(file))
              .containsExactlyInAnyOrderElementsOf(expectedFromSchema);
        });
  }

  /** One test per file and way of reading numbers (doubles, exact decimals). */
  private static Stream<DynamicTest> eachReader(
      List<Path> files, BiConsumer<Path, JsonNode> check) {
    return files.stream()
        .flatMap(
            file ->
                Examples.READERS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(
                        reader ->
                            dynamicTest(
                                Examples.name(file) + " (" + reader.getKey() + ")",
                                () -> check.accept(file, Examples.read(file, reader.getValue())))));
  }

  @TestFactory
  Stream<DynamicTest> expectedFile_describesTheRefusalWithKnownCodes() {
    return Examples.invalidDocuments().stream()
        .map(
            file ->
                dynamicTest(
                    Examples.name(Examples.expectedFor(file)),
                    () -> {
                      JsonNode expected = Examples.read(Examples.expectedFor(file));
                      assertThat(expected.path("description").asText()).isNotBlank();
                      assertThat(Examples.expectedErrors(file)).isNotEmpty();
                      for (Refusal error : Examples.expectedErrors(file)) {
                        assertThat(
                                error.code().startsWith("schema_")
                                    || LATER_STAGE_CODES.contains(error.code()))
                            .as("%s is a rule code of docs/documents.md", error.code())
                            .isTrue();
                        assertThat(DOCUMENTED_CODES)
                            .as("codes written in docs/documents.md")
                            .contains(
                                error.code().startsWith("schema_")
                                    ? "schema_required"
                                    : error.code());
                        assertThat(error.pointer()).matches("(/([^~/]|~[01])*)*");
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> methodology_isValidAndItsExtensionsRegister() {
    return Examples.files(Examples.METHODOLOGIES).stream()
        .map(
            file ->
                dynamicTest(
                    Examples.name(file),
                    () -> {
                      JsonNode methodology = Examples.read(file);
                      assertThat(
                              validator.validate(
                                  SchemaValidator.METHODOLOGY_SCHEMA_ID, methodology))
                          .isEmpty();

                      SchemaValidator fresh = new SchemaValidator();
                      MethodologyRef ref =
                          MethodologyRef.of(
                              methodology.get("id").asText(), methodology.get("version").asText());
                      for (String type : List.of(SchemaValidator.PDD, SchemaValidator.MRV)) {
                        JsonNode extension =
                            methodology.path("extensions").path(type.toLowerCase());
                        assertThat(extension.isObject()).as("%s extension", type).isTrue();
                        assertThat(
                                fresh.registerExtension(
                                    ref.id(),
                                    ref.version().toString(),
                                    methodology.get("namespace").asText(),
                                    type,
                                    extension))
                            .isEmpty();
                        assertThat(fresh.schemaIds())
                            .contains(
                                SchemaValidator.extensionId(ref, type),
                                SchemaValidator.compositionId(ref, type));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> cruMetadata_passesItsSchema() {
    return Examples.files(Examples.CRU_METADATA).stream()
        .map(
            file ->
                dynamicTest(
                    Examples.name(file),
                    () ->
                        assertThat(
                                validator.validate(
                                    SchemaValidator.CRU_METADATA_SCHEMA_ID, Examples.read(file)))
                            .isEmpty()));
  }

  @Test
  void examples_coverEveryKindTheBriefAsksFor() {
    assertThat(Examples.files(Examples.VALID).stream().map(Examples::name))
        .contains(
            "nulhegan-forest.pdd.json",
            "nulhegan-forest-2026.mrv.json",
            "hellisheidi-dac.pdd.json",
            "hellisheidi-dac-2026.mrv.json",
            "oderbruch-biochar.pdd.json",
            "oderbruch-biochar-2026.mrv.json");
    assertThat(Examples.invalidDocuments()).hasSizeGreaterThanOrEqualTo(20);
    Set<String> codes =
        Examples.invalidDocuments().stream()
            .flatMap(f -> Examples.expectedErrors(f).stream())
            .map(Refusal::code)
            .collect(Collectors.toSet());
    assertThat(codes)
        .as("every later-stage code except the vertex limit has an example")
        .containsAll(
            LATER_STAGE_CODES.stream()
                .filter(c -> !c.equals("geometry_too_many_vertices"))
                .toList());
  }
}
