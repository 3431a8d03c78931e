package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.DomainException;
import org.ogcr.port.in.Principal;

/**
 * One request as an operation sees it: the caller, path and query parameters, and the body. Every
 * parameter that breaks its rule is refused with a 400 problem naming it.
 */
final class Call {

  private final Context ctx;
  private final Optional<Caller> caller;
  private final String body;
  private JsonNode json;

  Call(Context ctx, Optional<Caller> caller, String body) {
    this.ctx = ctx;
    this.caller = caller;
    this.body = body;
  }

  Optional<Caller> caller() {
    return caller;
  }

  /** The authenticated principal; routes that need one are never reached without it. */
  Principal principal() {
    return caller
        .map(Caller::principal)
        .orElseThrow(() -> new ApiException(401, "authentication_required", "sign in first"));
  }

  String path() {
    return ctx.path();
  }

  String header(String name) {
    return ctx.header(name);
  }

  /** A path parameter read as an identifier type, its refusal naming the parameter. */
  <T> T pathParam(String name, Function<String, T> parse) {
    String raw = ctx.pathParam(name);
    try {
      return parse.apply(raw);
    } catch (DomainException e) {
      throw ApiException.invalid(
          "/path/" + name,
          e.code(),
          name + " in the path: " + e.getMessage(),
          "use the id the registry returned");
    }
  }

  String pathParam(String name) {
    return ctx.pathParam(name);
  }

  Optional<String> query(String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw ApiException.invalid(
          "/query/" + name,
          "single_value",
          "query parameter " + name + " is given " + values.size() + " times",
          "give " + name + " once (comma-separate several values where the parameter allows)");
    }
    return values.isEmpty() || values.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(values.get(0));
  }

  /** A comma-separated query parameter, each value parsed. */
  <T> List<T> queryList(String name, Function<String, T> parse, String fix) {
    return query(name)
        .map(v -> List.of(v.split(",", -1)).stream().map(s -> parse(name, s, parse, fix)).toList())
        .orElse(List.of());
  }

  <T> Optional<T> query(String name, Function<String, T> parse, String fix) {
    return query(name).map(v -> parse(name, v, parse, fix));
  }

  int queryInt(String name, int fallback, int min, int max) {
    return query(
            name,
            v -> {
              int n = Integer.parseInt(v);
              if (n < min || n > max) {
                throw new NumberFormatException();
              }
              return n;
            },
            "give a whole number from " + min + " to " + max)
        .orElse(fallback);
  }

  Optional<Instant> queryInstant(String name) {
    return query(
        name, Instant::parse, "give an RFC 3339 UTC instant, for example 2026-03-01T00:00:00Z");
  }

  Optional<LocalDate> queryDate(String name) {
    return query(name, LocalDate::parse, "give a date as YYYY-MM-DD, for example 2026-01-01");
  }

  private static <T> T parse(String name, String value, Function<String, T> parse, String fix) {
    try {
      return parse.apply(value.trim());
    } catch (DomainException e) {
      throw ApiException.invalid(
          "/query/" + name, e.code(), "query parameter " + name + ": " + e.getMessage(), fix);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw ApiException.invalid(
          "/query/" + name,
          "invalid_parameter",
          "query parameter " + name + " cannot be read: " + value,
          fix);
    }
  }

  java.util.Map<String, List<String>> queryParamMap() {
    return ctx.queryParamMap();
  }

  String bodyOrEmpty() {
    return body;
  }

  /** The raw body, for documents whose exact text is the record (PDD, MRV, methodology). */
  String bodyText() {
    if (body.isBlank()) {
      throw ApiException.invalid(
          "", "body_required", "the request has no body", "send the document as JSON");
    }
    return body;
  }

  /** The body as a JSON object, read strictly. */
  Body body() {
    if (json == null) {
      try {
        json = StrictJson.read(bodyText());
      } catch (StrictJson.MalformedJsonException e) {
        throw ApiException.invalid(
            "", "malformed_json", "the body " + e.getMessage(), "send strict JSON (RFC 8259)");
      }
      if (!json.isObject()) {
        throw ApiException.invalid(
            "", "object_required", "the body must be a JSON object", "send a JSON object");
      }
    }
    return new Body(json);
  }
}
