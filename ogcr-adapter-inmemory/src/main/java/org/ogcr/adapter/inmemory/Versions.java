package org.ogcr.adapter.inmemory;

import java.util.function.ToLongFunction;
import org.ogcr.port.out.StoreConflictException;

/** The optimistic-concurrency check every versioned in-memory store shares. */
final class Versions {

  private Versions() {}

  /**
   * The stored record an update to {@code nextVersion} may replace: the one at {@code nextVersion -
   * 1}.
   *
   * @param what names the record in the message, for example {@code project nulhegan-forest}
   * @param stored the stored record, or null when there is none
   * @throws StoreConflictException {@code concurrent_update} when nothing is stored under the id or
   *     the stored version is not the one before
   */
  static <T> T requireBefore(String what, T stored, long nextVersion, ToLongFunction<T> version) {
    long expected = nextVersion - 1;
    if (stored == null) {
      throw new StoreConflictException(
          "concurrent_update",
          what + " is not stored, so version " + expected + " cannot be replaced");
    }
    if (version.applyAsLong(stored) != expected) {
      throw StoreConflictException.changed(what, expected);
    }
    return stored;
  }
}
