package org.ogcr.port.out;

import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.CreditEvent;
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
}
