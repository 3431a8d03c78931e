package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.account;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.model.Account;

/** What every {@link AccountStore} must do; adapters' tests extend it unchanged. */
public abstract class AccountStoreContract {

  /** A store with no account. */
  protected abstract AccountStore emptyStore();

  @Test
  void givenInsertedAccount_find_returnsItExactlyAsStored() {
    AccountStore store = emptyStore();
    Account pool = account("buffer-pool", "registry", Account.Kind.BUFFER_POOL);
    Account llc = account("nulhegan-llc", "nulhegan", Account.Kind.PROPERTY);
    store.insert(pool);
    store.insert(llc);
    assertThat(store.find(pool.id())).contains(pool);
    assertThat(store.find(llc.id())).contains(llc);
    assertThat(store.find(new AccountId("unknown"))).isEmpty();
  }

  @Test
  void givenTakenId_insert_isRefusedAndTheStoredAccountStays() {
    AccountStore store = emptyStore();
    Account first = account("acc-1", "org-1", Account.Kind.HOLDER);
    store.insert(first);
    assertThatThrownBy(() -> store.insert(account("acc-1", "org-2", Account.Kind.PROPERTY)))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.find(first.id())).contains(first);
    assertThat(store.ofHolder(new OrganisationId("org-2"))).isEmpty();
  }

  @Test
  void givenAccountsOfSeveralHolders_ofHolder_returnsTheHoldersInIdOrder() {
    AccountStore store = emptyStore();
    store.insert(account("acc-c", "org-1", Account.Kind.HOLDER));
    store.insert(account("acc-a", "org-1", Account.Kind.PROPERTY));
    store.insert(account("acc-b", "org-2", Account.Kind.HOLDER));
    store.insert(account("acc-d", "org-1", Account.Kind.HOLDER));
    assertThat(store.ofHolder(new OrganisationId("org-1")))
        .extracting(a -> a.id().value())
        .containsExactly("acc-a", "acc-c", "acc-d");
    assertThat(store.ofHolder(new OrganisationId("org-2")))
        .containsExactly(account("acc-b", "org-2", Account.Kind.HOLDER));
    assertThat(store.ofHolder(new OrganisationId("org-3"))).isEmpty();
  }
}
