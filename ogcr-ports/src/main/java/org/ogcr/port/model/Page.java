package org.ogcr.port.model;

import java.util.List;
import java.util.function.Function;
import org.ogcr.domain.common.Require;

/**
 * One page of a collection in a stable order.
 *
 * @param total how many items match the query in all
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

  public Page {
    items = List.copyOf(Require.nonNull("items", items));
    Require.nonNegative("total", total);
    Require.nonNull("request", request);
  }

  public boolean hasNext() {
    return request.offset() + items.size() < total;
  }

  public <R> Page<R> map(Function<T, R> f) {
    return new Page<>(items.stream().map(f).toList(), total, request);
  }

  /** The page of {@code all} (already filtered and ordered) that {@code request} asks for. */
  public static <T> Page<T> of(List<T> all, PageRequest request) {
    int from = (int) Math.min(all.size(), request.offset());
    int to = (int) Math.min(all.size(), (long) from + request.limit());
    return new Page<>(all.subList(from, to), all.size(), request);
  }
}
