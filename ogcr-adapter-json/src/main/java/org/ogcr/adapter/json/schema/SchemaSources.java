package org.ogcr.adapter.json.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every {@code *.schema.json} of one classpath folder (the repository's {@code schemas/},
 * shipped in this module's jar under {@code org/ogcr/schemas/}) and keys each schema by its {@code
 * $id}. Other files of the folder are not JSON Schemas and are left alone: the REST adapter's
 * hand-written OpenAPI document, {@code openapi.json}, ships there too. Works from a directory
 * (tests, IDE) and from a jar alike.
 */
final class SchemaSources {

  /** How the name of a JSON Schema file ends; {@code openapi.json}, for one, does not. */
  static final String SUFFIX = ".schema.json";

  private SchemaSources() {}

  /**
   * @throws IllegalStateException when the folder is missing, a file is not JSON, has no {@code
   *     $id}, or two files declare the same {@code $id}: the build shipped a broken schema set
   */
  static Map<String, JsonNode> load(ClassLoader loader, String folder, ObjectMapper json) {
    URL url = loader.getResource(folder);
    if (url == null) {
      throw new IllegalStateException("no schema folder " + folder + " on the classpath");
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String name : jsonFileNames(url)) {
      JsonNode schema = read(loader, folder + name, json);
      JsonNode id = schema.path("$id");
      if (!id.isTextual()) {
        throw new IllegalStateException("schema " + folder + name + " has no $id");
      }
      if (byId.putIfAbsent(id.asText(), schema) != null) {
        throw new IllegalStateException(
            "schema " + folder + name + " repeats the $id " + id.asText());
      }
    }
    if (byId.isEmpty()) {
      throw new IllegalStateException(
          "no *" + SUFFIX + " schema in " + folder + " on the classpath");
    }
    return byId;
  }

  private static JsonNode read(ClassLoader loader, String resource, ObjectMapper json) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cannot open " + resource);
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("schema " + resource + " is not readable JSON", e);
    }
  }

  private static List<String> jsonFileNames(URL folder) {
    try {
      URI uri = folder.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return list(jar.provider().getPath(uri));
        } catch (FileSystemAlreadyExistsException e) {
          // someone else holds the jar open: use theirs and leave it open
          return list(FileSystems.getFileSystem(uri).provider().getPath(uri));
        }
      }
      return list(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unusable schema folder URL " + folder, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the schema folder " + folder, e);
    }
  }

  private static List<String> list(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX))
          .sorted()
          .forEach(names::add);
    }
    return names;
  }
}
