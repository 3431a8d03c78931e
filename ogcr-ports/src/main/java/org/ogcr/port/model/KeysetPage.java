package org.ogcr.port.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ogcr.domain.common.Require;

/**
 * One page of a collection in key order, and the cursor of the next page, present when more items
 * may follow.
 */
public record KeysetPage<T>(List<T> items, Optional<String> next) {

  public KeysetPage {
    items = List.copyOf(Require.nonNull("items", items));
    Require.nonNull("next", next);
  }

  public <R> KeysetPage<R> map(Function<T, R> f) {
    return new KeysetPage<>(items.stream().map(f).toList(), next);
  }

  /**
   * The page of {@code ordered} (already filtered and in key order) after the request's cursor.
   *
   * @param isAfter whether an item comes after the given cursor
   * @param cursorOf the cursor of an item
   */
  public static <T> KeysetPage<T> of(
      List<T> ordered,
      KeysetRequest request,
      Function<String, Predicate<T>> isAfter,
      Function<T, String> cursorOf) {
    Predicate<T> keep = request.after().map(isAfter).orElse(t -> true);
    List<T> page = new ArrayList<>(request.limit() + 1);
    for (T item : ordered) {
      if (keep.test(item)) {
        page.add(item);
        if (page.size() > request.limit()) {
          break;
        }
      }
    }
    return trimmed(page, request, cursorOf);
  }

  /**
   * A page from up to {@code limit + 1} items fetched in key order: the extra item only tells that
   * more follow.
   */
  public static <T> KeysetPage<T> trimmed(
      List<T> fetched, KeysetRequest request, Function<T, String> cursorOf) {
    if (fetched.size() <= request.limit()) {
      return new KeysetPage<>(fetched, Optional.empty());
    }
    List<T> page = fetched.subList(0, request.limit());
    return new KeysetPage<>(page, Optional.of(cursorOf.apply(page.get(page.size() - 1))));
  }
}
