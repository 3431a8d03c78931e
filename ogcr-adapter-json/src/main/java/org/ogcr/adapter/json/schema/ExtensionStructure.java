package org.ogcr.adapter.json.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.document.ValidationIssue;

/**
 * What the meta-schema cannot see in an extension but would break validation later: references that
 * lead back to where they start without descending into the document (a {@code $ref} to itself, to
 * an enclosing schema, to the extension's own {@code $id} or to its composition with the base),
 * which would make every validation of a citing document recurse without end; embedded schema
 * resources ({@code $id} below the root), which would change what {@code #} means; and references
 * to other methodologies' extensions, which registration order cannot keep acyclic. References
 * elsewhere are left to the registry, which resolves only the registered base schemas.
 */
final class ExtensionStructure {

  /** Keywords whose subschemas apply to the same instance as the schema holding them. */
  private static final List<String> IN_PLACE = List.of("allOf", "anyOf", "oneOf");

  private static final List<String> IN_PLACE_SINGLE = List.of("not", "if", "then", "else");

  private static final String METHODOLOGY_IDS = "https://ogcr.org/methodologies/";

  private final JsonNode root;
  private final URI id;
  private final List<ValidationIssue> issues = new ArrayList<>();
  private final Map<JsonNode, String> pointers = new IdentityHashMap<>();
  private final List<JsonNode> inDocumentOrder = new ArrayList<>();
  private final Map<String, JsonNode> anchors = new HashMap<>();

  private ExtensionStructure(JsonNode root, String id) {
    this.root = root;
    this.id = URI.create(id);
  }

  /**
   * @param id the {@code $id} the extension will be registered under, against which its relative
   *     references resolve
   */
  static List<ValidationIssue> check(JsonNode extension, String id) {
    ExtensionStructure structure = new ExtensionStructure(extension, id);
    structure.index(extension, "");
    structure.findLoops();
    return structure.issues;
  }

  /** Records every subschema's pointer and every anchor; refuses embedded resources. */
  private void index(JsonNode node, String pointer) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        index(node.get(i), pointer + "/" + i);
      }
      return;
    }
    if (!node.isObject() || pointers.containsKey(node)) {
      return;
    }
    pointers.put(node, pointer);
    inDocumentOrder.add(node);
    if (!pointer.isEmpty() && node.path("$id").isTextual()) {
      invalid(
          pointer + "/$id",
          "the extension embeds another schema resource ($id " + node.get("$id") + ")",
          "remove the $id: an extension is one schema resource, registered under the id the"
              + " registry gives it; put shared parts under $defs");
    }
    for (String anchor : List.of("$anchor", "$dynamicAnchor")) {
      if (node.path(anchor).isTextual()) {
        anchors.put(node.get(anchor).asText(), node);
      }
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (!member.getKey().equals("const")
          && !member.getKey().equals("enum")
          && !member.getKey().equals("examples")
          && !member.getKey().equals("default")) {
        index(member.getValue(), ValidationIssue.child(pointer, member.getKey()));
      }
    }
  }

  /**
   * Depth-first over in-place edges from each subschema in document order, the root first; a back
   * edge is a loop, reported at the reference that closes it.
   */
  private void findLoops() {
    Map<JsonNode, Boolean> state = new IdentityHashMap<>(); // false: on the path, true: done
    Set<String> reported = new HashSet<>();
    for (JsonNode node : inDocumentOrder) {
      visit(node, state, reported);
    }
  }

  private void visit(JsonNode node, Map<JsonNode, Boolean> state, Set<String> reported) {
    Boolean seen = state.get(node);
    if (seen != null) {
      return;
    }
    state.put(node, false);
    for (Edge edge : inPlaceEdges(node)) {
      Boolean target = state.get(edge.target());
      if (Boolean.FALSE.equals(target)) {
        if (reported.add(edge.pointer())) {
          invalid(
              edge.pointer(),
              "the extension refers back to "
                  + describe(edge.target())
                  + " without descending into the document, so validation would never end",
              "make every $ref that leads back to an enclosing schema pass through properties or"
                  + " items first");
        }
      } else if (target == null) {
        visit(edge.target(), state, reported);
      }
    }
    state.put(node, true);
  }

  private String describe(JsonNode target) {
    String pointer = pointers.get(target);
    return pointer.isEmpty() ? "the extension's root" : pointer;
  }

  /** An edge to a subschema that applies to the same instance, and where it is written. */
  private record Edge(JsonNode target, String pointer) {}

  private List<Edge> inPlaceEdges(JsonNode node) {
    List<Edge> edges = new ArrayList<>();
    String pointer = pointers.get(node);
    for (String keyword : IN_PLACE) {
      JsonNode members = node.path(keyword);
      for (int i = 0; i < members.size(); i++) {
        add(edges, members.get(i), ValidationIssue.child(pointer, keyword, i));
      }
    }
    for (String keyword : IN_PLACE_SINGLE) {
      add(edges, node.path(keyword), ValidationIssue.child(pointer, keyword));
    }
    for (Map.Entry<String, JsonNode> dependent : node.path("dependentSchemas").properties()) {
      add(
          edges,
          dependent.getValue(),
          ValidationIssue.child(pointer, "dependentSchemas", dependent.getKey()));
    }
    for (String keyword : List.of("$ref", "$dynamicRef")) {
      if (node.path(keyword).isTextual()) {
        String at = ValidationIssue.child(pointer, keyword);
        resolve(node.get(keyword).asText(), at)
            .ifPresent(target -> edges.add(new Edge(target, at)));
      }
    }
    return edges;
  }

  private void add(List<Edge> edges, JsonNode target, String pointer) {
    if (target.isObject()) {
      edges.add(new Edge(target, pointer));
    }
  }

  /**
   * The subschema of the extension a reference leads to; for a reference to the extension's
   * composition, its root (the composition applies the extension in place). Empty for references
   * the registry resolves (the base schemas) or refuses at load time.
   */
  private Optional<JsonNode> resolve(String reference, String pointer) {
    URI target;
    try {
      target = id.resolve(reference);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String document = target.toString();
    int hash = document.indexOf('#');
    if (hash >= 0) {
      document = document.substring(0, hash);
    }
    if (document.equals(id.toString())) {
      return local(target.getFragment());
    }
    if (document.equals(composition())) {
      return Optional.of(root);
    }
    if (document.startsWith(METHODOLOGY_IDS)) {
      invalid(
          pointer,
          "the extension refers to " + document + ", a methodology's extension",
          "refer only to the registry's base schemas (https://ogcr.org/schemas/…) and to the"
              + " extension's own $defs; copy what you need from another methodology");
    }
    return Optional.empty();
  }

  private Optional<JsonNode> local(String fragment) {
    if (fragment == null || fragment.isEmpty()) {
      return Optional.of(root);
    }
    if (fragment.startsWith("/")) {
      JsonNode node = root.at(fragment);
      return node.isObject() ? Optional.of(node) : Optional.empty();
    }
    return Optional.ofNullable(anchors.get(fragment));
  }

  private String composition() {
    String own = id.toString();
    return own.substring(0, own.length() - ".schema.json".length()) + ".composed.schema.json";
  }

  private void invalid(String pointer, String message, String fix) {
    issues.add(
        new ValidationIssue(pointer, SchemaValidator.EXTENSION_INVALID_SCHEMA, message, fix));
  }
}
