package org.ogcr.adapter.inmemory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.model.Account;
import org.ogcr.port.out.AccountStore;
import org.ogcr.port.out.StoreConflictException;

/** Registry accounts in memory, in id order; takes part in its {@link InMemoryUnitOfWork}. */
public final class InMemoryAccountStore implements AccountStore {

  private final InMemoryUnitOfWork uow;
  private final Map<String, Account> byId = new TreeMap<>();

  public InMemoryAccountStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(Account account) {
    Require.nonNull("account", account);
    uow.locked(
        () -> {
          String key = account.id().value();
          if (byId.containsKey(key)) {
            throw StoreConflictException.exists("account " + key);
          }
          byId.put(key, account);
          uow.onRollback(() -> byId.remove(key));
        });
  }

  @Override
  public Optional<Account> find(AccountId id) {
    Require.nonNull("id", id);
    return uow.locked(() -> Optional.ofNullable(byId.get(id.value())));
  }

  @Override
  public List<Account> ofHolder(OrganisationId holder) {
    Require.nonNull("holder", holder);
    return uow.locked(() -> byId.values().stream().filter(a -> a.holder().equals(holder)).toList());
  }
}
