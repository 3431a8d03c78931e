package org.ogcr.adapter.json.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ogcr.adapter.json.schema.Examples;
import org.ogcr.adapter.json.schema.SchemaValidator;
import org.ogcr.domain.id.ProjectId;

/**
 * Every example document through the whole pipeline, against a registry holding the valid ones:
 * each valid document is accepted, each invalid one produces exactly the (pointer, code) pairs its
 * {@code .expected.json} lists.
 */
class DocumentPipelineExamplesTest {

  static DocumentValidator validator;
  static ExampleRegistry registry;

  @BeforeAll
  static void registerTheValidExamples() {
    validator = DocumentValidator.withDefaults();
    registry = ExampleRegistry.load(validator);
  }

  @Test
  void givenValidExamples_registry_holdsThreeProjectKinds() {
    assertThat(registry.projectCount()).isEqualTo(3);
  }

  @TestFactory
  Stream<DynamicTest> givenInvalidExample_pipeline_reportsExactlyTheExpectedErrors() {
    return Examples.invalidDocuments().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    Examples.name(file),
                    () -> {
                      DocumentValidation v = validate(file);
                      assertThat(v.isValid()).isFalse();
                      assertThat(Examples.errors(v.issues()))
                          .as("issues of %s: %s", Examples.name(file), v.issues())
                          .containsExactlyInAnyOrderElementsOf(Examples.expectedErrors(file));
                      assertThat(v.identity()).isEmpty();
                      v.issues()
                          .forEach(
                              i -> {
                                assertThat(i.message()).isNotBlank();
                                assertThat(i.fix()).isNotBlank();
                              });
                    }));
  }

  /**
   * Every valid example was accepted while the registry was built (ExampleRegistry.load asserts
   * it); a valid PDD validated again as a new version of itself still passes, with its identity and
   * a data-quality score.
   */
  @TestFactory
  Stream<DynamicTest> givenValidPdd_asNewVersionOfItself_pipelineAcceptsItWithIdentityAndQuality() {
    return Examples.files(Examples.VALID).stream()
        .filter(file -> SchemaValidator.PDD.equals(Examples.documentType(file)))
        .map(
            file ->
                DynamicTest.dynamicTest(
                    Examples.name(file),
                    () -> {
                      DocumentValidation v =
                          validator.validatePdd(
                              ExampleRegistry.text(file),
                              Optional.of(new ProjectId(ExampleRegistry.stem(file))),
                              registry);
                      assertThat(v.issues()).isEmpty();
                      assertThat(v.identity()).isPresent();
                      assertThat(v.quality())
                          .hasValueSatisfying(q -> assertThat(q.score()).isPositive());
                    }));
  }

  private static DocumentValidation validate(Path file) {
    String text = ExampleRegistry.text(file);
    return SchemaValidator.PDD.equals(Examples.documentType(file))
        ? validator.validatePdd(text, Optional.empty(), registry)
        : validator.validateMrv(text, registry);
  }
}
