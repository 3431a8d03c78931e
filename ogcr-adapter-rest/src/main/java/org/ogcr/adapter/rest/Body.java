package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;

/**
 * A request's JSON object, read member by member. Every problem is collected with its JSON pointer
 * and {@link #check} refuses them all at once, so a client fixes every field in one round.
 */
final class Body {

  private final JsonNode root;
  private final List<Problems.FieldError> errors = new ArrayList<>();

  Body(JsonNode root) {
    this.root = root;
  }

  /** A required string member, parsed; null (after recording the problem) when it fails. */
  <T> T required(String name, Function<String, T> parse, String fix) {
    return optional(name, parse, fix)
        .orElseGet(
            () -> {
              if (!root.has(name) || root.get(name).isNull()) {
                errors.add(
                    new Problems.FieldError("/" + name, "required", name + " is required", fix));
              }
              return null;
            });
  }

  String requiredText(String name, String fix) {
    return required(name, s -> s, fix);
  }

  <T> Optional<T> optional(String name, Function<String, T> parse, String fix) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String text;
    if (node.isTextual()) {
      text = node.asText();
    } else if (node.isNumber() || node.isBoolean()) {
      text = node.asText();
      if (node.isNumber()) {
        text = node.decimalValue().toPlainString();
      }
    } else {
      errors.add(
          new Problems.FieldError("/" + name, "type", name + " must be a string or number", fix));
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text));
    } catch (InvalidValueException e) {
      errors.add(new Problems.FieldError("/" + name, e.code(), name + ": " + e.getMessage(), fix));
    } catch (DomainException e) {
      errors.add(new Problems.FieldError("/" + name, e.code(), name + ": " + e.getMessage(), fix));
    } catch (RuntimeException e) {
      errors.add(
          new Problems.FieldError(
              "/" + name, "invalid_value", name + " cannot be read: " + abbreviated(text), fix));
    }
    return Optional.empty();
  }

  Optional<String> optionalText(String name, String fix) {
    return optional(name, s -> s, fix);
  }

  boolean flag(String name, boolean fallback, String fix) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      errors.add(new Problems.FieldError("/" + name, "type", name + " must be true or false", fix));
      return fallback;
    }
    return node.booleanValue();
  }

  /** A required whole number, at least {@code min}. */
  long count(String name, long min, String fix) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      errors.add(new Problems.FieldError("/" + name, "required", name + " is required", fix));
      return min;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
      errors.add(
          new Problems.FieldError(
              "/" + name,
              "invalid_value",
              name + " must be a whole number of at least " + min,
              fix));
      return min;
    }
    return node.longValue();
  }

  /** A required array of strings, each parsed. */
  <T> List<T> list(String name, Function<String, T> parse, String fix) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      errors.add(new Problems.FieldError("/" + name, "type", name + " must be an array", fix));
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String pointer = "/" + name + "/" + i;
      if (!item.isTextual()) {
        errors.add(new Problems.FieldError(pointer, "type", pointer + " must be a string", fix));
        continue;
      }
      try {
        out.add(parse.apply(item.asText()));
      } catch (DomainException e) {
        errors.add(
            new Problems.FieldError(pointer, e.code(), pointer + ": " + e.getMessage(), fix));
      } catch (RuntimeException e) {
        errors.add(
            new Problems.FieldError(
                pointer,
                "invalid_value",
                pointer + " cannot be read: " + abbreviated(item.asText()),
                fix));
      }
    }
    return out;
  }

  JsonNode node(String name) {
    return root.get(name);
  }

  /** Records a problem the caller found while combining members. */
  void fail(String pointer, String rule, String message, String fix) {
    errors.add(new Problems.FieldError(pointer, rule, message, fix));
  }

  /** Refuses the request with every problem found so far. */
  void check() {
    if (!errors.isEmpty()) {
      throw new ApiException(
          400,
          "invalid_request",
          errors.size() == 1
              ? errors.get(0).message()
              : errors.size() + " members of the body are invalid; see errors",
          errors,
          java.util.Map.of());
    }
  }

  static BigDecimal decimal(String text) {
    return new BigDecimal(text);
  }

  private static String abbreviated(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
