package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.model.Account;

/** Registry accounts. */
public interface AccountStore {

  /**
   * @throws StoreConflictException {@code already_exists} when the id is taken
   */
  void insert(Account account);

  Optional<Account> find(AccountId id);

  /** The organisation's accounts in id order. */
  List<Account> ofHolder(OrganisationId holder);
}
