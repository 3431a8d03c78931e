package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;

/**
 * OGCR 4.5.2: collections page by offset by default ({@code offset}, {@code limit}), or by cursor
 * when the request gives {@code cursor} or {@code paging=cursor}; {@code limit} is 1 to 1000, 100
 * by default. Each page links to the next one in its body and in an RFC 8288 {@code Link} header.
 */
final class Paging {

  static final int DEFAULT_LIMIT = 100;

  private Paging() {}

  static <T> Reply answer(
      Call call,
      Function<PageRequest, Page<T>> byOffset,
      Function<KeysetRequest, KeysetPage<T>> byCursor,
      Function<T, JsonNode> item) {
    int limit = call.queryInt("limit", DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
    var cursor = call.query("cursor");
    String mode = call.query("paging").orElse(cursor.isPresent() ? "cursor" : "offset");
    Representations.Links links = new Representations.Links(call.path(), call.queryParamMap());
    JsonNode body;
    if (mode.equals("cursor")) {
      if (call.query("offset").isPresent()) {
        throw ApiException.invalid(
            "/query/offset",
            "paging_mixed",
            "offset and cursor paging cannot be combined",
            "drop offset, or drop cursor and paging=cursor");
      }
      KeysetPage<T> page = byCursor.apply(new KeysetRequest(cursor, limit));
      body = Representations.page(page, item, links, limit);
    } else if (mode.equals("offset")) {
      long offset =
          call.query("offset", Long::parseLong, "give a whole number of 0 or more").orElse(0L);
      body = Representations.page(byOffset.apply(new PageRequest(offset, limit)), item, links);
    } else {
      throw ApiException.invalid(
          "/query/paging",
          "invalid_parameter",
          "paging must be offset or cursor",
          "give paging=offset or paging=cursor");
    }
    Reply reply = Reply.ok(body);
    JsonNode next = body.path("links").path("next");
    return next.isTextual()
        ? reply.withHeader("Link", "<" + next.asText() + ">; rel=\"next\"")
        : reply;
  }
}
