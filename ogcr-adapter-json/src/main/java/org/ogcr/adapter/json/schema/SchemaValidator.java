package org.ogcr.adapter.json.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.document.ValidationIssue;
import org.ogcr.domain.methodology.MethodologyRef;

/**
 * Stage 1 of document validation (OGCR 4.4.1, docs/documents.md): checks a document against the
 * JSON Schemas (2020-12) of the repository's {@code schemas/} folder and, for PDDs and MRVs,
 * against the extension schema of the methodology version they cite (OGCR 6.1.2), and reports every
 * failure at once as a {@link ValidationIssue} with code {@code schema_<keyword>}.
 *
 * <p>Every schema is registered by its {@code $id} and nothing is ever fetched: the registry
 * resolves only registered {@code https://ogcr.org/} ids and the 2020-12 meta-schemas bundled with
 * the validator, and a {@code $ref} to anything else fails when the schema is loaded. The {@code
 * format} keyword asserts ({@code 2026-13-45} is not a date), which 2020-12 leaves off by default.
 *
 * <p>Thread-safe: validations run concurrently with each other and with {@link #registerExtension},
 * which swaps in a new immutable set of compiled schemas.
 */
public final class SchemaValidator {

  public static final String COMMON_SCHEMA_ID = "https://ogcr.org/schemas/common.schema.json";
  public static final String PDD_SCHEMA_ID = "https://ogcr.org/schemas/pdd.schema.json";
  public static final String MRV_SCHEMA_ID = "https://ogcr.org/schemas/mrv.schema.json";
  public static final String CRU_METADATA_SCHEMA_ID =
      "https://ogcr.org/schemas/cru-metadata.schema.json";
  public static final String METHODOLOGY_SCHEMA_ID =
      "https://ogcr.org/schemas/methodology.schema.json";

  /** Document type of a Project Design Document: one of the two a methodology may extend. */
  public static final String PDD = "PDD";

  /** Document type of a monitoring report: one of the two a methodology may extend. */
  public static final String MRV = "MRV";

  /** Rule codes of {@link #registerExtension}'s refusals. */
  public static final String EXTENSION_INVALID_SCHEMA = "extension_invalid_schema";

  public static final String EXTENSION_NOT_NAMESPACED = ExtensionRules.NOT_NAMESPACED;
  public static final String EXTENSION_CONTRADICTS_BASE = ExtensionRules.CONTRADICTS_BASE;
  public static final String EXTENSION_ALREADY_REGISTERED = "extension_already_registered";

  static final String CLASSPATH_FOLDER = "org/ogcr/schemas/";
  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private static final String METHODOLOGY_IDS = "https://ogcr.org/methodologies/";
  private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9-]*");

  private static final SchemaRegistryConfig CONFIG =
      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();

  private final ObjectMapper json = new ObjectMapper();
  private final Schema metaSchema;

  /** Replaced, never changed, by {@link #registerExtension}; read once per validation. */
  private volatile Compiled compiled;

  /** Every source by id and each compiled into a schema, from one registry. */
  private record Compiled(Map<String, JsonNode> sources, Map<String, Schema> schemas) {}

  /**
   * Loads and compiles every {@code *.schema.json} under {@code org/ogcr/schemas/} of the
   * classpath.
   *
   * @throws IllegalStateException when a schema is missing, unreadable or refers to an unknown
   *     schema: a broken build
   */
  public SchemaValidator() {
    Map<String, JsonNode> sources =
        SchemaSources.load(SchemaValidator.class.getClassLoader(), CLASSPATH_FOLDER, json);
    for (String id :
        List.of(
            COMMON_SCHEMA_ID,
            PDD_SCHEMA_ID,
            MRV_SCHEMA_ID,
            CRU_METADATA_SCHEMA_ID,
            METHODOLOGY_SCHEMA_ID)) {
      if (!sources.containsKey(id)) {
        throw new IllegalStateException("the schema " + id + " is not on the classpath");
      }
    }
    try {
      this.compiled = compile(sources);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the schemas on the classpath do not compile", e);
    }
    this.metaSchema = loadMetaSchema();
  }

  /** The ids of every registered schema, extensions and their compositions included. */
  public Set<String> schemaIds() {
    return compiled.schemas().keySet();
  }

  /**
   * Validates {@code document} against the schema registered as {@code schemaId}.
   *
   * @return every failure, each once, ordered by pointer then code; empty when the document passes
   * @throws IllegalArgumentException when no schema has that id
   */
  public List<ValidationIssue> validate(String schemaId, JsonNode document) {
    Objects.requireNonNull(document, "document");
    Compiled now = compiled;
    Schema schema = now.schemas().get(schemaId);
    if (schema == null) {
      throw new IllegalArgumentException(
          "no schema registered as " + schemaId + "; registered: " + now.schemas().keySet());
    }
    return SchemaIssues.of(schema.validate(document), now.sources());
  }

  /**
   * Validates a PDD or an MRV against its base schema and, when {@code methodology} names a version
   * whose extension for this document type is registered, against that extension too: the {@code
   * allOf} of both (OGCR 6.1.2). A methodology without a registered extension adds nothing here;
   * whether it is registered and approved is the business-rule stage's question.
   *
   * @param documentType {@code PDD} or {@code MRV}
   * @throws IllegalArgumentException for another document type
   */
  public List<ValidationIssue> validate(
      String documentType, Optional<MethodologyRef> methodology, JsonNode document) {
    String base = baseSchemaId(documentType);
    Compiled now = compiled;
    String id =
        methodology
            .map(m -> compositionId(m, documentType))
            .filter(now.schemas()::containsKey)
            .orElse(base);
    Objects.requireNonNull(document, "document");
    return SchemaIssues.of(now.schemas().get(id).validate(document), now.sources());
  }

  /**
   * The methodology version a PDD or MRV cites in {@code properties.methodology}, if it names one
   * well-formed; otherwise empty (the schema stage then reports why).
   */
  public static Optional<MethodologyRef> citedMethodology(JsonNode document) {
    JsonNode methodology = document.path("properties").path("methodology");
    JsonNode id = methodology.path("id");
    JsonNode version = methodology.path("version");
    if (!id.isTextual() || !version.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MethodologyRef.of(id.asText(), version.asText()));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code $id} an extension is registered under: {@code
   * https://ogcr.org/methodologies/EC-M/1.1.0/pdd.schema.json}.
   */
  public static String extensionId(MethodologyRef methodology, String documentType) {
    return methodologyBase(methodology, documentType) + ".schema.json";
  }

  /**
   * The {@code $id} of the {@code allOf} of base and extension: {@code
   * https://ogcr.org/methodologies/EC-M/1.1.0/pdd.composed.schema.json}.
   */
  public static String compositionId(MethodologyRef methodology, String documentType) {
    return methodologyBase(methodology, documentType) + ".composed.schema.json";
  }

  /**
   * Registers the extension schema a methodology version adds to PDDs or MRVs (OGCR 6.1.2), unless
   * it breaks the rules, in which case nothing is registered and the reasons are returned with
   * pointers into {@code extensionSchema}:
   *
   * <ul>
   *   <li>{@code extension_invalid_schema}: not a JSON Schema 2020-12 (checked against the
   *       meta-schema); it refers to a schema that is not registered, or to another methodology's
   *       extension; a reference loops back without descending into the document; it embeds a
   *       schema resource ({@code $id} below its root);
   *   <li>{@code extension_not_namespaced}: it adds a field without the namespace, where the base
   *       closes the object;
   *   <li>{@code extension_contradicts_base}: it removes or contradicts a required base field
   *       (declares it {@code false}, gives it another {@code type}, uses {@code not} on it);
   *   <li>{@code extension_already_registered}: this methodology version already registered a
   *       different extension for this document type (a change of rules is a new version).
   * </ul>
   *
   * Registering the same extension again changes nothing. The extension's own {@code $id}, if any,
   * is replaced by {@link #extensionId}.
   *
   * @param namespace the methodology's namespace, for example {@code ecm}
   * @param documentType {@code PDD} or {@code MRV}
   * @return the reasons for refusal; empty when the extension is registered
   * @throws org.ogcr.domain.common.InvalidValueException when the id or version is malformed
   * @throws IllegalArgumentException when the namespace or document type is malformed
   */
  public synchronized List<ValidationIssue> registerExtension(
      String methodologyId,
      String version,
      String namespace,
      String documentType,
      JsonNode extensionSchema) {
    return registerExtensions(
            methodologyId, version, namespace, Map.of(documentType, extensionSchema))
        .getOrDefault(documentType, List.of());
  }

  /**
   * Registers the PDD and MRV extensions of one methodology version together: either every one is
   * registered, or none is and the reasons are returned by document type (see {@link
   * #registerExtension} for the rules).
   *
   * @param extensions extension schemas by document type ({@code PDD}, {@code MRV})
   * @return the refusals by document type; empty when all are registered
   */
  public synchronized Map<String, List<ValidationIssue>> registerExtensions(
      String methodologyId, String version, String namespace, Map<String, JsonNode> extensions) {
    MethodologyRef methodology = MethodologyRef.of(methodologyId, version);
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "namespace must be lowercase letters, digits and '-', starting with a letter; was "
              + namespace);
    }
    Compiled now = compiled;
    Map<String, JsonNode> sources = new LinkedHashMap<>(now.sources());
    Map<String, List<ValidationIssue>> refusals = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : new TreeMap<>(extensions).entrySet()) {
      List<ValidationIssue> issues =
          prepare(methodology, namespace, e.getKey(), e.getValue(), now, sources);
      if (!issues.isEmpty()) {
        refusals.put(e.getKey(), issues);
      }
    }
    if (!refusals.isEmpty() || sources.equals(now.sources())) {
      return refusals;
    }
    try {
      compiled = compile(sources);
    } catch (RuntimeException e) {
      // the registry refuses a $ref it cannot resolve locally, at load time
      ValidationIssue unloadable =
          new ValidationIssue(
              "",
              EXTENSION_INVALID_SCHEMA,
              "the extension cannot be loaded: " + rootCause(e),
              "refer only to schemas registered with the registry (https://ogcr.org/schemas/…)"
                  + " or to the extension's own $defs; nothing is fetched from the network");
      extensions.keySet().forEach(type -> refusals.put(type, List.of(unloadable)));
    }
    return refusals;
  }

  /**
   * Checks one extension and, when it passes, adds it and its composition to {@code sources};
   * registering an identical extension again adds nothing.
   */
  private List<ValidationIssue> prepare(
      MethodologyRef methodology,
      String namespace,
      String documentType,
      JsonNode extensionSchema,
      Compiled now,
      Map<String, JsonNode> sources) {
    String baseId = baseSchemaId(documentType);
    Objects.requireNonNull(extensionSchema, "extensionSchema");
    String extensionId = extensionId(methodology, documentType);
    List<ValidationIssue> issues = new ArrayList<>(metaSchemaIssues(extensionSchema));
    if (issues.isEmpty()) {
      issues.addAll(ExtensionStructure.check(extensionSchema, extensionId));
      issues.addAll(new ExtensionRules(now.sources()).check(extensionSchema, namespace, baseId));
    }
    if (!issues.isEmpty()) {
      return sorted(issues);
    }
    JsonNode extension = withId(extensionSchema, extensionId);
    JsonNode registered = now.sources().get(extensionId);
    if (registered != null) {
      return registered.equals(extension)
          ? List.of()
          : List.of(
              new ValidationIssue(
                  "",
                  EXTENSION_ALREADY_REGISTERED,
                  methodology + " already registered a different " + documentType + " extension",
                  "publish the changed extension as a new version of the methodology: a change of"
                      + " rules is a new version (OGCR 6.1.1)"));
    }
    String compositionId = compositionId(methodology, documentType);
    sources.put(extensionId, extension);
    sources.put(compositionId, composition(compositionId, methodology, documentType, baseId));
    return List.of();
  }

  private List<ValidationIssue> metaSchemaIssues(JsonNode extension) {
    if (!extension.isObject() && !extension.isBoolean()) {
      return List.of(
          new ValidationIssue(
              "",
              EXTENSION_INVALID_SCHEMA,
              "the extension is not a JSON Schema: a schema is an object or a boolean",
              "write the extension as a JSON Schema 2020-12 object"));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    JsonNode dialect = extension.path("$schema");
    if (!dialect.isMissingNode() && !DIALECT.equals(dialect.asText())) {
      issues.add(
          new ValidationIssue(
              "/$schema",
              EXTENSION_INVALID_SCHEMA,
              "the extension declares the dialect " + dialect + "; only 2020-12 is supported",
              "set $schema to " + DIALECT + " or leave it out"));
    }
    for (ValidationIssue issue : SchemaIssues.of(metaSchema.validate(extension), Map.of())) {
      issues.add(
          new ValidationIssue(
              issue.pointer(),
              EXTENSION_INVALID_SCHEMA,
              "the extension is not a valid JSON Schema 2020-12: " + issue.message(),
              issue.fix()));
    }
    return issues;
  }

  private JsonNode withId(JsonNode extension, String id) {
    if (!extension.isObject()) {
      // a boolean schema has no $id: wrap it so that it can be registered
      ObjectNode wrapper = json.createObjectNode();
      wrapper.put("$schema", DIALECT).put("$id", id);
      wrapper.putArray("allOf").add(extension);
      return wrapper;
    }
    ObjectNode copy = ((ObjectNode) extension).deepCopy();
    copy.put("$schema", DIALECT);
    copy.put("$id", id);
    return copy;
  }

  private JsonNode composition(
      String id, MethodologyRef methodology, String documentType, String baseId) {
    ObjectNode composition = json.createObjectNode();
    composition.put("$schema", DIALECT).put("$id", id);
    composition.put("title", documentType + " under " + methodology);
    composition.put(
        "description",
        "The base " + documentType + " schema and the extension of " + methodology + ", together.");
    ArrayNode allOf = composition.putArray("allOf");
    allOf
        .add(json.createObjectNode().put("$ref", baseId))
        .add(json.createObjectNode().put("$ref", extensionId(methodology, documentType)));
    return composition;
  }

  /** One registry over {@code sources}, every schema compiled with its refs resolved now. */
  private Compiled compile(Map<String, JsonNode> sources) {
    Map<String, String> texts = new LinkedHashMap<>();
    sources.forEach((id, node) -> texts.put(id, node.toString()));
    SchemaRegistry registry = registry(texts);
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (String id : sources.keySet()) {
      Schema schema = registry.getSchema(SchemaLocation.of(id));
      schema.initializeValidators();
      schemas.put(id, schema);
    }
    return new Compiled(Map.copyOf(sources), Map.copyOf(schemas));
  }

  private static SchemaRegistry registry(Map<String, String> texts) {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder
                .schemas(texts)
                .schemaRegistryConfig(CONFIG)
                .schemaLoader(
                    loader ->
                        loader.fetchRemoteResources(false).allow(iri -> isLocal(iri.toString()))));
  }

  /** Registered ids, and the meta-schemas the validator bundles on its own classpath. */
  private static boolean isLocal(String iri) {
    return iri.startsWith("https://ogcr.org/")
        || iri.startsWith("https://json-schema.org/draft/2020-12/");
  }

  private Schema loadMetaSchema() {
    Schema schema = registry(Map.of()).getSchema(SchemaLocation.of(DIALECT));
    schema.initializeValidators();
    return schema;
  }

  private static String baseSchemaId(String documentType) {
    if (PDD.equals(documentType)) {
      return PDD_SCHEMA_ID;
    }
    if (MRV.equals(documentType)) {
      return MRV_SCHEMA_ID;
    }
    throw new IllegalArgumentException(
        "documentType must be " + PDD + " or " + MRV + "; was " + documentType);
  }

  private static String methodologyBase(MethodologyRef methodology, String documentType) {
    baseSchemaId(documentType);
    return METHODOLOGY_IDS
        + methodology.id()
        + "/"
        + methodology.version()
        + "/"
        + documentType.toLowerCase(Locale.ROOT);
  }

  private static List<ValidationIssue> sorted(List<ValidationIssue> issues) {
    return issues.stream().distinct().sorted().toList();
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
