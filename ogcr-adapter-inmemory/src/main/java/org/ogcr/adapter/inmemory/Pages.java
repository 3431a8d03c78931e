package org.ogcr.adapter.inmemory;

import java.util.List;
import org.ogcr.domain.common.Require;

/** Paging of append-only lists addressed by 1-based sequence numbers. */
final class Pages {

  private Pages() {}

  /** Items {@code fromSequence} (1 is the first) onwards, at most {@code limit}, as a copy. */
  static <T> List<T> slice(List<T> items, long fromSequence, int limit) {
    Require.positive("fromSequence", fromSequence);
    Require.between("limit", limit, 1, 10_000);
    if (fromSequence > items.size()) {
      return List.of();
    }
    int from = (int) (fromSequence - 1);
    return List.copyOf(items.subList(from, Math.min(items.size(), from + limit)));
  }
}
