package org.ogcr.adapter.json.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The files of {@code schemas/} themselves: valid JSON Schema 2020-12, named by their {@code $id},
 * closed to all but namespaced extension fields, and documented field by field (the schemas are
 * user documentation).
 */
class SchemasTest {

  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final String NAMESPACED = "^[a-z][a-z0-9-]*:[A-Za-z][A-Za-z0-9_]*$";
  private static final List<String> FILES =
      List.of(
          "common.schema.json",
          "pdd.schema.json",
          "mrv.schema.json",
          "cru-metadata.schema.json",
          "methodology.schema.json");
  private static final List<String> DOCUMENTS =
      List.of(
          "pdd.schema.json",
          "mrv.schema.json",
          "cru-metadata.schema.json",
          "methodology.schema.json");

  private static final Schema META_SCHEMA = metaSchema();

  private static Schema metaSchema() {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    return registry.getSchema(SchemaLocation.of(DIALECT));
  }

  private static JsonNode schema(String file) {
    try (InputStream in =
        SchemasTest.class
            .getClassLoader()
            .getResourceAsStream(SchemaValidator.CLASSPATH_FOLDER + file)) {
      assertThat(in).as(file + " on the classpath").isNotNull();
      return Examples.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> schema_isValidJsonSchema2020_12_namedByItsId() {
    return FILES.stream()
        .map(
            file ->
                dynamicTest(
                    file,
                    () -> {
                      JsonNode schema = schema(file);
                      assertThat(schema.path("$schema").asText()).isEqualTo(DIALECT);
                      assertThat(schema.path("$id").asText())
                          .isEqualTo("https://ogcr.org/schemas/" + file);
                      assertThat(schema.path("title").asText()).isNotBlank();
                      assertThat(schema.path("description").asText()).isNotBlank();
                      assertThat(META_SCHEMA.validate(schema)).isEmpty();
                    }));
  }

  /**
   * The folder also ships the REST adapter's OpenAPI document, which is not a JSON Schema: the
   * validator loads the {@code *.schema.json} files only, and every one of them is checked here.
   */
  @Test
  void validator_loadsEverySchemaFile_andNotTheOpenApiDocumentBesideThem() {
    assertThat(
            SchemasTest.class
                .getClassLoader()
                .getResource(SchemaValidator.CLASSPATH_FOLDER + "openapi.json"))
        .as("openapi.json on the classpath")
        .isNotNull();
    assertThat(new SchemaValidator().schemaIds())
        .containsExactlyInAnyOrderElementsOf(
            FILES.stream().map(file -> "https://ogcr.org/schemas/" + file).toList());
  }

  @TestFactory
  Stream<DynamicTest> document_acceptsNoUnknownTopLevelFieldButNamespacedOnes() {
    return DOCUMENTS.stream()
        .map(
            file ->
                dynamicTest(
                    file,
                    () -> {
                      JsonNode schema = schema(file);
                      assertClosedButNamespaced(file, schema);
                      JsonNode properties = schema.path("properties").path("properties");
                      if (properties.has("properties")) {
                        assertClosedButNamespaced(file + " properties", properties);
                      }
                    }));
  }

  private static void assertClosedButNamespaced(String what, JsonNode object) {
    assertThat(object.path("additionalProperties").isBoolean()).as(what).isTrue();
    assertThat(object.path("additionalProperties").asBoolean()).as(what).isFalse();
    assertThat(object.path("patternProperties").has(NAMESPACED)).as(what).isTrue();
  }

  @TestFactory
  Stream<DynamicTest> everyField_hasADescription() {
    return FILES.stream()
        .map(
            file ->
                dynamicTest(
                    file,
                    () -> {
                      List<String> undocumented = new ArrayList<>();
                      collectUndocumented(schema(file), "", undocumented);
                      assertThat(undocumented).as("fields without description").isEmpty();
                    }));
  }

  private static void collectUndocumented(JsonNode node, String pointer, List<String> into) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectUndocumented(node.get(i), pointer + "/" + i, into);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String at = pointer + "/" + field.getKey();
      if (field.getKey().equals("properties") && field.getValue().isObject()) {
        field
            .getValue()
            .properties()
            .forEach(
                property -> {
                  JsonNode declaration = property.getValue();
                  boolean documented =
                      declaration.has("description")
                          || (declaration.has("$ref") && declaration.size() == 1);
                  if (!documented) {
                    into.add(at + "/" + property.getKey());
                  }
                  collectUndocumented(declaration, at + "/" + property.getKey(), into);
                });
      } else if (!Set.of("examples", "const", "if").contains(field.getKey())) {
        // an if is a condition, not a declaration of fields
        collectUndocumented(field.getValue(), at, into);
      }
    }
  }
}
