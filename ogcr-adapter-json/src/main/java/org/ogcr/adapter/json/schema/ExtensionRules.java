package org.ogcr.adapter.json.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ogcr.domain.document.ValidationIssue;

/**
 * OGCR 6.1.2 for one methodology extension: the fields it adds are namespaced, and it neither
 * removes nor contradicts a required field of the base schema it is composed with ({@code allOf}).
 *
 * <p>The extension is read side by side with the base schema, location by location (the document
 * root, then each property both declare, following the base's {@code $ref}s and {@code allOf}s and
 * the extension's local {@code $ref}s and {@code allOf}s). Two rules:
 *
 * <ul>
 *   <li><b>Namespaced</b>: where the base closes an object ({@code additionalProperties: false}), a
 *       property the extension declares or requires that the base does not define must be named
 *       {@code <namespace>:<name>}. Inside an object the base leaves open ({@code
 *       methodologyInputs}) and inside the extension's own fields, names are free.
 *   <li><b>No contradiction</b>: at a location the base requires to exist (the root, a required
 *       field), where the extension's constraint applies unconditionally (not under {@code anyOf},
 *       {@code oneOf}, {@code if}/{@code then}/{@code else}), the extension may not: be {@code
 *       false}; declare a {@code type} disjoint from the base's; declare a {@code const} or {@code
 *       enum} the base's {@code const} or {@code enum} excludes; use {@code not} on nothing ({@code
 *       not: {}}), on a required field ({@code not: {required: [name]}}), or on the field's own
 *       type; or close the object ({@code additionalProperties: false}) without declaring a
 *       required base field.
 * </ul>
 *
 * Pointers of the issues point into the extension schema.
 */
final class ExtensionRules {

  static final String NOT_NAMESPACED = "extension_not_namespaced";
  static final String CONTRADICTS_BASE = "extension_contradicts_base";

  private static final String CONTRADICTION_FIX =
      "remove this constraint: an extension may make a base field stricter (require it, narrow"
          + " it) but may not remove or contradict a required base field (OGCR 6.1.2)";

  private final Map<String, JsonNode> sources;

  /** {@code sources}: every registered schema by {@code $id}, to resolve the base's refs. */
  ExtensionRules(Map<String, JsonNode> sources) {
    this.sources = sources;
  }

  /** A schema node and the URI its relative {@code $ref}s resolve against. */
  private record Located(JsonNode node, URI base) {}

  List<ValidationIssue> check(JsonNode extension, String namespace, String baseId) {
    List<ValidationIssue> issues = new ArrayList<>();
    List<Located> base = expand(List.of(new Located(sources.get(baseId), URI.create(baseId))));
    new Walk(extension, namespace, issues).visit(extension, "", base, true, true, null);
    return issues;
  }

  /** One reading of one extension. */
  private final class Walk {
    private final JsonNode root;
    private final String namespace;
    private final List<ValidationIssue> issues;
    private final Set<String> followedRefs = new HashSet<>();

    Walk(JsonNode root, String namespace, List<ValidationIssue> issues) {
      this.root = root;
      this.namespace = namespace;
      this.issues = issues;
    }

    /**
     * @param unconditional the extension's constraint here always applies
     * @param mustExist the base requires the instance here to exist (the root, a required field)
     * @param field the name of the field here, {@code null} at the root
     */
    void visit(
        JsonNode ext,
        String pointer,
        List<Located> base,
        boolean unconditional,
        boolean mustExist,
        String field) {
      boolean binding = unconditional && mustExist;
      if (ext.isBoolean()) {
        if (binding && !ext.asBoolean()) {
          contradiction(pointer, "declares " + what(field) + " false, so no document can pass");
        }
        return;
      }
      if (!ext.isObject()) {
        return;
      }
      followLocalRef(ext, pointer, base, unconditional, mustExist, field);
      if (binding) {
        checkType(ext, pointer, base, field);
        checkValues(ext, pointer, base, field);
        checkNot(ext, pointer, base, field);
        checkClosed(ext, pointer, base);
      }
      Set<String> baseRequired = required(base);
      boolean closed = closed(base);
      for (Map.Entry<String, JsonNode> property : ext.path("properties").properties()) {
        String name = property.getKey();
        String at = ValidationIssue.child(pointer, "properties", name);
        List<Located> declared = declarations(base, name);
        if (declared.isEmpty()) {
          // the extension's own field: named with the namespace where the base closes the object;
          // what it holds is the extension's business
          requireNamespaced(name, at, closed);
        } else {
          visit(
              property.getValue(),
              at,
              expand(declared),
              unconditional,
              mustExist && baseRequired.contains(name),
              name);
        }
      }
      JsonNode required = ext.path("required");
      for (int i = 0; i < required.size(); i++) {
        String name = required.get(i).asText();
        if (declarations(base, name).isEmpty()) {
          requireNamespaced(name, ValidationIssue.child(pointer, "required", i), closed);
        }
      }
      JsonNode items = ext.path("items");
      if (!items.isMissingNode()) {
        visit(
            items, pointer + "/items", expand(children(base, "items")), unconditional, false, null);
      }
      forEach(ext.path("allOf"), pointer + "/allOf", base, unconditional, mustExist, field);
      forEach(ext.path("anyOf"), pointer + "/anyOf", base, false, mustExist, field);
      forEach(ext.path("oneOf"), pointer + "/oneOf", base, false, mustExist, field);
      for (String conditional : List.of("if", "then", "else")) {
        if (ext.has(conditional)) {
          visit(ext.get(conditional), pointer + "/" + conditional, base, false, mustExist, field);
        }
      }
    }

    private void forEach(
        JsonNode members,
        String pointer,
        List<Located> base,
        boolean unconditional,
        boolean mustExist,
        String field) {
      for (int i = 0; i < members.size(); i++) {
        visit(members.get(i), pointer + "/" + i, base, unconditional, mustExist, field);
      }
    }

    /** An extension may name its own {@code $defs}; refs elsewhere are registered schemas. */
    private void followLocalRef(
        JsonNode ext,
        String pointer,
        List<Located> base,
        boolean unconditional,
        boolean mustExist,
        String field) {
      String ref = ext.path("$ref").asText("");
      if (!ref.startsWith("#") || !followedRefs.add(ref + " at " + pointer)) {
        return;
      }
      String target = ref.substring(1);
      // "#/…" is a JSON pointer (percent-decoded); "#name" an anchor, which this reading skips
      if (target.isEmpty() || target.startsWith("/")) {
        String decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        JsonNode node = root.at(decoded);
        if (!node.isMissingNode()) {
          visit(node, decoded, base, unconditional, mustExist, field);
        }
      }
    }

    private void checkType(JsonNode ext, String pointer, List<Located> base, String field) {
      Set<String> extTypes = types(ext);
      Set<String> baseTypes = baseTypes(base);
      if (!extTypes.isEmpty() && !baseTypes.isEmpty() && !compatible(extTypes, baseTypes)) {
        contradiction(
            pointer + "/type",
            "gives "
                + what(field)
                + " the type "
                + String.join(" or ", extTypes)
                + " where the base requires "
                + String.join(" or ", baseTypes));
      }
    }

    private void checkValues(JsonNode ext, String pointer, List<Located> base, String field) {
      Optional<Set<JsonNode>> bounded = baseValues(base);
      if (bounded.isEmpty()) {
        return;
      }
      Set<JsonNode> allowed = bounded.get();
      if (ext.has("const") && !allowed.contains(ext.get("const"))) {
        contradiction(
            pointer + "/const",
            "fixes " + what(field) + " to " + ext.get("const") + ", which the base does not allow");
      }
      JsonNode values = ext.path("enum");
      if (values.isArray()) {
        boolean any = false;
        for (JsonNode value : values) {
          any |= allowed.contains(value);
        }
        if (!any) {
          contradiction(
              pointer + "/enum",
              "limits " + what(field) + " to " + values + ", none of which the base allows");
        }
      }
    }

    private void checkNot(JsonNode ext, String pointer, List<Located> base, String field) {
      if (!ext.has("not")) {
        return;
      }
      JsonNode not = ext.get("not");
      String at = pointer + "/not";
      if ((not.isBoolean() && not.asBoolean()) || (not.isObject() && not.isEmpty())) {
        contradiction(at, "uses not on " + what(field) + " as a whole, so no document can pass");
        return;
      }
      Set<String> baseRequired = required(base);
      JsonNode forbidden = not.path("required");
      for (int i = 0; i < forbidden.size(); i++) {
        if (baseRequired.contains(forbidden.get(i).asText())) {
          contradiction(
              ValidationIssue.child(at, "required", i),
              "uses not on the required base field " + forbidden.get(i).asText());
        }
      }
      Set<String> notTypes = types(not);
      Set<String> baseTypes = baseTypes(base);
      if (!notTypes.isEmpty() && !baseTypes.isEmpty() && notTypes.containsAll(baseTypes)) {
        contradiction(
            at + "/type",
            "uses not on the type of "
                + what(field)
                + " ("
                + String.join(" or ", baseTypes)
                + "), which the base requires");
      }
    }

    private void checkClosed(JsonNode ext, String pointer, List<Located> base) {
      Set<String> required = required(base);
      if (required.isEmpty()) {
        return;
      }
      // additionalProperties and unevaluatedProperties both close the object; inside an allOf the
      // extension's unevaluatedProperties sees only its own declarations
      for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
        JsonNode closing = ext.path(keyword);
        if (!closing.isBoolean() || closing.asBoolean()) {
          continue;
        }
        List<String> shutOut = new ArrayList<>();
        for (String name : required) {
          if (!ext.path("properties").has(name) && !matchesPattern(ext, name)) {
            shutOut.add(name);
          }
        }
        if (!shutOut.isEmpty()) {
          contradiction(
              pointer + "/" + keyword,
              "closes the object without declaring the required base field(s) "
                  + String.join(", ", shutOut));
        }
      }
      if (ext.has("propertyNames")) {
        contradiction(
            pointer + "/propertyNames",
            "constrains the names of an object that holds required base field(s) "
                + String.join(", ", required));
      }
      JsonNode max = ext.path("maxProperties");
      if (max.canConvertToInt() && max.asInt() < required.size()) {
        contradiction(
            pointer + "/maxProperties",
            "allows fewer properties ("
                + max.asInt()
                + ") than the required base field(s) "
                + String.join(", ", required));
      }
    }

    private boolean matchesPattern(JsonNode ext, String name) {
      for (Map.Entry<String, JsonNode> pattern : ext.path("patternProperties").properties()) {
        try {
          if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
            return true;
          }
        } catch (PatternSyntaxException e) {
          // the meta-schema does not check regex syntax; such a pattern matches nothing here
        }
      }
      return false;
    }

    private void requireNamespaced(String name, String pointer, boolean closed) {
      if (closed && !name.startsWith(namespace + ":")) {
        issues.add(
            new ValidationIssue(
                pointer,
                NOT_NAMESPACED,
                "the extension adds the field "
                    + name
                    + ", which the base schema does not define, without the methodology's"
                    + " namespace "
                    + namespace,
                "name it "
                    + namespace
                    + ":"
                    + name.substring(name.indexOf(':') + 1)
                    + ": every field an extension adds carries the methodology's namespace"
                    + " (OGCR 6.1.2)"));
      }
    }

    private void contradiction(String pointer, String what) {
      issues.add(
          new ValidationIssue(
              pointer, CONTRADICTS_BASE, "the extension " + what, CONTRADICTION_FIX));
    }
  }

  private static String what(String field) {
    return field == null ? "the whole document" : "the required base field " + field;
  }

  /** The node itself, the targets of its {@code $ref}s and the members of its {@code allOf}s. */
  private List<Located> expand(List<Located> nodes) {
    List<Located> expanded = new ArrayList<>();
    Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Located node : nodes) {
      expandInto(node, expanded, seen);
    }
    return expanded;
  }

  private void expandInto(Located located, List<Located> into, Set<JsonNode> seen) {
    JsonNode node = located.node();
    if (node == null || !node.isObject() || !seen.add(node)) {
      return;
    }
    into.add(located);
    String ref = node.path("$ref").asText("");
    if (!ref.isEmpty()) {
      Located target = resolve(located.base(), ref);
      if (target != null) {
        expandInto(target, into, seen);
      }
    }
    for (JsonNode member : node.path("allOf")) {
      expandInto(new Located(member, located.base()), into, seen);
    }
  }

  private Located resolve(URI base, String ref) {
    URI target = base.resolve(ref);
    String fragment = target.getFragment();
    String document = target.toString();
    int hash = document.indexOf('#');
    if (hash >= 0) {
      document = document.substring(0, hash);
    }
    JsonNode root = sources.get(document);
    if (root == null) {
      return null;
    }
    JsonNode node = fragment == null || fragment.isEmpty() ? root : root.at(fragment);
    return node.isMissingNode() ? null : new Located(node, URI.create(document));
  }

  private static List<Located> declarations(List<Located> base, String name) {
    List<Located> declared = new ArrayList<>();
    for (Located located : base) {
      JsonNode declaration = located.node().path("properties").path(name);
      if (!declaration.isMissingNode()) {
        declared.add(new Located(declaration, located.base()));
      }
    }
    return declared;
  }

  private static List<Located> children(List<Located> base, String keyword) {
    List<Located> children = new ArrayList<>();
    for (Located located : base) {
      JsonNode child = located.node().path(keyword);
      if (!child.isMissingNode()) {
        children.add(new Located(child, located.base()));
      }
    }
    return children;
  }

  private static Set<String> required(List<Located> base) {
    Set<String> required = new LinkedHashSet<>();
    for (Located located : base) {
      located.node().path("required").forEach(name -> required.add(name.asText()));
    }
    return required;
  }

  private static boolean closed(List<Located> base) {
    for (Located located : base) {
      JsonNode additional = located.node().path("additionalProperties");
      if (additional.isBoolean() && !additional.asBoolean()) {
        return true;
      }
    }
    return false;
  }

  /** The types every member of the base allows (allOf: the intersection); empty if unstated. */
  private static Set<String> baseTypes(List<Located> base) {
    Set<String> types = null;
    for (Located located : base) {
      Set<String> declared = types(located.node());
      if (!declared.isEmpty()) {
        if (types == null) {
          types = new LinkedHashSet<>(declared);
        } else {
          types.retainAll(declared);
        }
      }
    }
    return types == null ? Set.of() : types;
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    } else {
      type.forEach(t -> types.add(t.asText()));
    }
    return types;
  }

  private static boolean compatible(Set<String> a, Set<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y)
            || (x.equals("integer") && y.equals("number"))
            || (x.equals("number") && y.equals("integer"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The values the base's {@code const} or {@code enum} allow; empty if it names none. */
  private static Optional<Set<JsonNode>> baseValues(List<Located> base) {
    for (Located located : base) {
      JsonNode node = located.node();
      if (node.has("const")) {
        return Optional.of(Set.of(node.get("const")));
      }
      if (node.path("enum").isArray()) {
        Set<JsonNode> values = new HashSet<>();
        node.get("enum").forEach(values::add);
        return Optional.of(values);
      }
    }
    return Optional.empty();
  }
}
