package org.ogcr.adapter.json.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ogcr.domain.document.ValidationIssue;

/**
 * The repository's {@code examples/} folder as the tests see it: on the test classpath under {@code
 * org/ogcr/examples/} (ogcr-adapter-json's pom puts it there).
 */
public final class Examples {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads every number with a fraction or exponent as an exact BigDecimal, as the project's strict
   * reader does; {@link #JSON} reads them as doubles (1e400 becomes Infinity). The schema stage
   * must not care which.
   */
  static final ObjectMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** The two ways a document may be read, by name. */
  static final Map<String, ObjectMapper> READERS = Map.of("doubles", JSON, "exact decimals", EXACT);

  public static final String VALID = "documents/valid";
  public static final String INVALID = "documents/invalid";
  public static final String METHODOLOGIES = "methodologies";
  static final String CRU_METADATA = "cru-metadata";

  private static final String EXPECTED = ".expected.json";

  private Examples() {}

  /** The {@code *.json} files of one example folder, by name. */
  public static List<Path> files(String folder) {
    Path dir = root().resolve(folder);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of {@code documents/invalid}, without their {@code .expected.json}. */
  public static List<Path> invalidDocuments() {
    return files(INVALID).stream().filter(p -> !name(p).endsWith(EXPECTED)).toList();
  }

  public static Path expectedFor(Path document) {
    String name = name(document);
    return document.resolveSibling(name.substring(0, name.length() - ".json".length()) + EXPECTED);
  }

  public static String name(Path file) {
    return file.getFileName().toString();
  }

  /** {@code PDD} for {@code *.pdd.json}, {@code MRV} for {@code *.mrv.json}. */
  public static String documentType(Path document) {
    String name = name(document);
    if (name.endsWith(".pdd.json")) {
      return SchemaValidator.PDD;
    }
    if (name.endsWith(".mrv.json")) {
      return SchemaValidator.MRV;
    }
    throw new IllegalArgumentException(name + " is neither *.pdd.json nor *.mrv.json");
  }

  public static JsonNode read(Path file) {
    return read(file, JSON);
  }

  static JsonNode read(Path file, ObjectMapper reader) {
    try {
      return reader.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A validator holding the extension of every methodology example. */
  static SchemaValidator validatorWithMethodologies() {
    SchemaValidator validator = new SchemaValidator();
    for (Path file : files(METHODOLOGIES)) {
      JsonNode methodology = read(file);
      for (String type : List.of(SchemaValidator.PDD, SchemaValidator.MRV)) {
        JsonNode extension = methodology.path("extensions").path(type.toLowerCase());
        if (!extension.isMissingNode()) {
          assertThat(
                  validator.registerExtension(
                      methodology.get("id").asText(),
                      methodology.get("version").asText(),
                      methodology.get("namespace").asText(),
                      type,
                      extension))
              .as("%s extension of %s", type, name(file))
              .isEmpty();
        }
      }
    }
    return validator;
  }

  /** What a pipeline stage is compared on: where and which rule. */
  public record Refusal(String pointer, String code) {
    @Override
    public String toString() {
      return code + " at " + (pointer.isEmpty() ? "(document)" : pointer);
    }
  }

  public static Set<Refusal> errors(List<ValidationIssue> issues) {
    return issues.stream()
        .map(i -> new Refusal(i.pointer(), i.code()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  public static Set<Refusal> expectedErrors(Path document) {
    Set<Refusal> errors = new LinkedHashSet<>();
    read(expectedFor(document))
        .path("errors")
        .forEach(e -> errors.add(new Refusal(e.path("pointer").asText(), e.path("code").asText())));
    return errors;
  }

  private static Path root() {
    URL url = Examples.class.getClassLoader().getResource("org/ogcr/examples");
    assertThat(url).as("examples/ on the test classpath").isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
