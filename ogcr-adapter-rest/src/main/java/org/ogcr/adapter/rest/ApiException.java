package org.ogcr.adapter.rest;

import java.util.List;
import java.util.Map;

/**
 * A refusal the HTTP layer itself makes (malformed JSON, a missing scope, too many requests…),
 * answered as an RFC 9457 problem with a stable code.
 *
 * @param errors one entry per failing field or parameter, for validation problems
 * @param headers extra response headers, for example {@code Retry-After}
 */
final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final List<Problems.FieldError> errors;
  private final Map<String, String> headers;

  ApiException(
      int status,
      String code,
      String detail,
      List<Problems.FieldError> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  ApiException(int status, String code, String detail) {
    this(status, code, detail, List.of(), Map.of());
  }

  /** A request parameter or body member breaks a rule. */
  static ApiException invalid(String pointer, String rule, String message, String fix) {
    return new ApiException(
        400,
        "invalid_request",
        message,
        List.of(new Problems.FieldError(pointer, rule, message, fix)),
        Map.of());
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  List<Problems.FieldError> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }
}
