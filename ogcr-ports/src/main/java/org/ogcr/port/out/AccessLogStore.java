package org.ogcr.port.out;

import java.time.Instant;
import java.util.List;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;

/**
 * The access log: every access attempt and its outcome, append-only, in the order appended. It does
 * <em>not</em> take part in the unit of work: each append commits at once, on its own, also when
 * called inside a transaction that later rolls back, so a refused request is still logged. Nothing
 * is ever changed; only {@link #purgeBefore} removes records.
 */
public interface AccessLogStore {

  /** Appends {@code record} (its sequence is ignored); returns it at the sequence assigned. */
  AccessRecord append(AccessRecord record);

  /**
   * Records in sequence order from {@code fromSequence} on, at most {@code limit} (1 to 10,000).
   */
  List<AccessRecord> read(long fromSequence, int limit);

  /**
   * Matching records after the cursor, in sequence order; the cursor is the sequence of the last
   * record of the previous page.
   *
   * @throws InvalidValueException when the cursor is not one
   */
  KeysetPage<AccessRecord> search(AccessQuery query, KeysetRequest request);

  /** Removes every record from before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);

  /** The sequence a cursor names. */
  static long position(String cursor) {
    try {
      long position = Long.parseLong(cursor);
      if (position >= 0) {
        return position;
      }
    } catch (NumberFormatException e) {
      // reported below with the cursor
    }
    throw new InvalidValueException(
        "cursor", cursor, "must be a cursor returned as next by the previous page");
  }
}
