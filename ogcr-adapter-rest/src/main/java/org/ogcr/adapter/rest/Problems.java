package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.document.DocumentRejectedException;
import org.ogcr.domain.document.ValidationIssue;

/**
 * Every refusal as an RFC 9457 {@code application/problem+json} body: {@code type} (a relative URI
 * naming the stable code), {@code title}, {@code status}, {@code detail}, {@code instance} (the
 * request path), {@code code}, and for validation one {@code errors} entry per failing field with
 * its JSON pointer, rule, message and fix. Codes are listed in {@code docs/error-codes.md}.
 */
final class Problems {

  private Problems() {}

  /** One failing field or parameter: where, which rule, what is wrong and how to fix it. */
  record FieldError(String pointer, String rule, String message, String fix) {}

  /** The status of each domain code that is not a 409 conflict with the registry's state. */
  private static final Map<String, Integer> STATUS =
      Map.ofEntries(
          Map.entry("invalid_value", 400),
          Map.entry("json_not_canonicalizable", 400),
          Map.entry("document_invalid", 422),
          Map.entry("idempotency_key_reused", 422),
          Map.entry("not_found", 404),
          Map.entry("role_required", 403),
          Map.entry("not_owner", 403),
          Map.entry("conflict_of_interest", 403),
          Map.entry("identity_mismatch", 403),
          Map.entry("signer_lacks_role", 403),
          Map.entry("signer_recused", 403));

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not found"),
          Map.entry(405, "Method not allowed"),
          Map.entry(406, "Not acceptable"),
          Map.entry(409, "Conflict"),
          Map.entry(412, "Precondition failed"),
          Map.entry(413, "Content too large"),
          Map.entry(415, "Unsupported media type"),
          Map.entry(422, "Unprocessable content"),
          Map.entry(428, "Precondition required"),
          Map.entry(429, "Too many requests"),
          Map.entry(500, "Internal server error"),
          Map.entry(503, "Service unavailable"));

  static int statusOf(DomainException e) {
    return STATUS.getOrDefault(e.code(), 409);
  }

  static Reply of(DomainException e, String instance) {
    List<FieldError> errors = List.of();
    if (e instanceof InvalidValueException invalid) {
      errors =
          List.of(
              new FieldError(
                  "/" + ValidationIssue.escape(invalid.field()),
                  "invalid_value",
                  invalid.getMessage(),
                  "send a value of " + invalid.field() + " that satisfies: " + invalid.rule()));
    } else if (e instanceof DocumentRejectedException rejected) {
      errors =
          rejected.issues().stream()
              .map(i -> new FieldError(i.pointer(), i.code(), i.message(), i.fix()))
              .toList();
    }
    return reply(statusOf(e), e.code(), e.getMessage(), instance, errors, Map.of());
  }

  static Reply of(ApiException e, String instance) {
    return reply(e.status(), e.code(), e.getMessage(), instance, e.errors(), e.headers());
  }

  /** A failure of the registry, not of the request: nothing internal is shown. */
  static Reply internal(String instance, String incident) {
    return reply(
        500,
        "internal_error",
        "the registry failed to answer; nothing was changed by this request unless a later read"
            + " shows it. Report incident "
            + incident
            + " to the operator",
        instance,
        List.of(),
        Map.of());
  }

  static Reply reply(
      int status,
      String code,
      String detail,
      String instance,
      List<FieldError> errors,
      Map<String, String> headers) {
    ObjectNode body = StrictJson.MAPPER.createObjectNode();
    body.put("type", "/problems/" + code);
    body.put("title", Optional.ofNullable(TITLES.get(status)).orElse("Error"));
    body.put("status", status);
    body.put("detail", detail == null ? "" : detail);
    body.put("instance", instance);
    body.put("code", code);
    if (!errors.isEmpty()) {
      ArrayNode list = body.putArray("errors");
      for (FieldError f : errors) {
        list.addObject()
            .put("pointer", f.pointer())
            .put("rule", f.rule())
            .put("message", f.message())
            .put("fix", f.fix());
      }
    }
    Reply reply = new Reply(status, Reply.PROBLEM, Reply.write(body), headers);
    return reply;
  }
}
