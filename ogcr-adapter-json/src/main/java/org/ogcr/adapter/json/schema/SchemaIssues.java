package org.ogcr.adapter.json.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.ogcr.domain.document.ValidationIssue;

/**
 * Turns the validator's errors into {@link ValidationIssue}s: code {@code schema_<keyword in
 * snake_case>}, an RFC 6901 pointer to the offending value (for a missing or unexpected property,
 * to that property), the validator's message with the value found, and a sentence saying how to fix
 * it, with the schema's own example where it has one.
 */
final class SchemaIssues {

  /** Keywords that report on one property of an object, which {@link Error#getProperty} names. */
  private static final Set<String> PROPERTY_KEYWORDS =
      Set.of("required", "dependentRequired", "additionalProperties", "unevaluatedProperties");

  private static final int MAX_VALUE_CHARS = 80;

  private SchemaIssues() {}

  /** One issue per distinct error, in document order (by pointer, then code). */
  static List<ValidationIssue> of(List<Error> errors, Map<String, JsonNode> sources) {
    Set<ValidationIssue> distinct = new LinkedHashSet<>();
    for (Error error : errors) {
      distinct.add(of(error, sources));
    }
    List<ValidationIssue> issues = new ArrayList<>(distinct);
    issues.sort(null);
    return List.copyOf(issues);
  }

  static ValidationIssue of(Error error, Map<String, JsonNode> sources) {
    String keyword = error.getKeyword() == null ? "unknown" : error.getKeyword();
    String property = PROPERTY_KEYWORDS.contains(keyword) ? error.getProperty() : null;
    String at = pointer(error.getInstanceLocation());
    String pointer = property == null ? at : ValidationIssue.child(at, property);
    return new ValidationIssue(
        pointer, code(keyword), message(error, property), fix(keyword, error, property, sources));
  }

  /**
   * {@code schema_} and the keyword in snake_case: {@code additionalProperties} → {@code
   * schema_additional_properties}.
   */
  static String code(String keyword) {
    StringBuilder snake = new StringBuilder("schema");
    boolean wordStart = true;
    for (char c : keyword.toCharArray()) {
      if (Character.isUpperCase(c)) {
        snake.append('_').append(Character.toLowerCase(c));
        wordStart = false;
      } else if (Character.isLetterOrDigit(c) && c < 128) {
        if (wordStart) {
          snake.append('_');
          wordStart = false;
        }
        snake.append(c);
      }
    }
    return snake.toString();
  }

  /** RFC 6901 pointer of a node path: each name or index as one escaped reference token. */
  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    if (path != null) {
      for (int i = 0; i < path.getNameCount(); i++) {
        pointer.append('/').append(ValidationIssue.escape(String.valueOf(path.getElement(i))));
      }
    }
    return pointer.toString();
  }

  private static String message(Error error, String property) {
    String text = error.getMessage();
    if (text == null || text.isBlank()) {
      text = "fails the schema keyword " + error.getKeyword();
    }
    JsonNode value = error.getInstanceNode();
    if (property != null || value == null) {
      return text;
    }
    return text + "; was " + describe(value);
  }

  private static String describe(JsonNode value) {
    if (value.isArray()) {
      return "an array of " + value.size() + (value.size() == 1 ? " item" : " items");
    }
    if (value.isObject()) {
      return "an object";
    }
    String text = value.toString();
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
  }

  private static String fix(
      String keyword, Error error, String property, Map<String, JsonNode> sources) {
    JsonNode rule = error.getSchemaNode();
    JsonNode owner = owningSchema(error.getSchemaLocation(), sources);
    String fix;
    switch (keyword) {
      case "required":
      case "dependentRequired":
        fix = "add the field " + property + firstSentence(owner.path("properties").path(property));
        break;
      case "additionalProperties":
      case "unevaluatedProperties":
        fix =
            "remove the field "
                + property
                + ", which the schema does not define here; a field a methodology adds is named"
                + " <namespace>:<name>, for example ecm:habitatSurvey";
        break;
      case "type":
        fix = "send a value of type " + list(rule, " or ");
        break;
      case "enum":
        fix = "use one of " + list(rule, ", ");
        break;
      case "const":
        fix = "set it to " + plain(rule);
        break;
      case "pattern":
        fix = "write a value matching " + plain(rule) + example(owner);
        break;
      case "format":
        fix = "write " + formatHint(plain(rule)) + example(owner);
        break;
      case "minimum":
        fix = "use a value of at least " + plain(rule);
        break;
      case "maximum":
        fix = "use a value of at most " + plain(rule);
        break;
      case "exclusiveMinimum":
        fix = "use a value greater than " + plain(rule);
        break;
      case "exclusiveMaximum":
        fix = "use a value less than " + plain(rule);
        break;
      case "minLength":
        fix = "write at least " + count(rule, "character");
        break;
      case "maxLength":
        fix = "write at most " + count(rule, "character");
        break;
      case "minItems":
        fix = "give at least " + count(rule, "item");
        break;
      case "maxItems":
        fix = "give at most " + count(rule, "item");
        break;
      case "uniqueItems":
        fix = "remove the repeated items";
        break;
      case "false":
        fix = "remove this field: the schema allows nothing here";
        break;
      default:
        fix =
            "change the value so that it satisfies the "
                + keyword
                + " rule at "
                + error.getSchemaLocation();
    }
    return fix;
  }

  private static String formatHint(String format) {
    switch (format) {
      case "date":
        return "a real calendar date as YYYY-MM-DD";
      case "date-time":
        return "an RFC 3339 date-time such as 2026-01-01T00:00:00Z";
      case "email":
        return "a valid e-mail address";
      case "uri":
        return "an absolute URI such as https://example.org/document";
      default:
        return "a valid " + format;
    }
  }

  /**
   * The schema object holding the failing keyword, from the registered sources: for {@code
   * …/$defs/semver/pattern}, the {@code semver} definition with its description and examples.
   */
  private static JsonNode owningSchema(SchemaLocation location, Map<String, JsonNode> sources) {
    if (location == null || location.getAbsoluteIri() == null) {
      return missing();
    }
    JsonNode node = sources.get(location.getAbsoluteIri().toString());
    NodePath fragment = location.getFragment();
    if (node == null || fragment == null) {
      return missing();
    }
    for (int i = 0; i < fragment.getNameCount() - 1 && !node.isMissingNode(); i++) {
      Object element = fragment.getElement(i);
      node =
          element instanceof Integer ? node.path((Integer) element) : node.path(element.toString());
    }
    return node;
  }

  private static JsonNode missing() {
    return MissingNode.getInstance();
  }

  private static String example(JsonNode owner) {
    JsonNode examples = owner.path("examples");
    return examples.isArray() && !examples.isEmpty()
        ? ", for example " + plain(examples.get(0))
        : "";
  }

  private static String firstSentence(JsonNode declaration) {
    String description = declaration.path("description").asText("");
    if (description.isBlank()) {
      return "";
    }
    int end = description.indexOf(". ");
    return " (" + (end < 0 ? stripDot(description) : description.substring(0, end)) + ")";
  }

  private static String stripDot(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static String list(JsonNode rule, String separator) {
    if (rule == null || !rule.isArray()) {
      return plain(rule);
    }
    return StreamSupport.stream(rule.spliterator(), false)
        .map(SchemaIssues::plain)
        .collect(Collectors.joining(separator));
  }

  private static String count(JsonNode number, String noun) {
    return plain(number) + " " + noun + (number != null && number.asInt() == 1 ? "" : "s");
  }

  private static String plain(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "the value the schema requires";
    }
    return value.isTextual() ? value.asText() : value.toString();
  }
}
