package org.ogcr.port.out;

import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;

/** The public record of acts on credits, in the order they happened. */
public interface CreditEventStore {

  /**
   * @throws StoreConflictException {@code already_exists} when the receipt is recorded
   */
  void append(CreditEvent event);

  Optional<CreditEvent> find(DocumentHash receipt);

  /**
   * Events in the order recorded, of one issuance and touching one account (as {@code from} or
   * {@code to}) when given, optionally of one kind.
   */
  Page<CreditEvent> search(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      PageRequest page);

  /**
   * Events after the cursor, in the order recorded, with the same filters as {@link #search}. The
   * cursor is the position of the last event of the previous page in the order recorded, a positive
   * number.
   *
   * @throws org.ogcr.domain.common.InvalidValueException when the cursor is not one
   */
  KeysetPage<CreditEvent> searchAfter(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      KeysetRequest request);

  /** The position a cursor names. */
  static long position(String cursor) {
    try {
      long position = Long.parseLong(cursor);
      if (position > 0) {
        return position;
      }
    } catch (NumberFormatException e) {
      // reported below with the cursor
    }
    throw new org.ogcr.domain.common.InvalidValueException(
        "cursor", cursor, "must be a cursor returned as next by the previous page");
  }
}
