package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.Scopes;

/** What every {@link CredentialStore} must do; adapters' tests extend it unchanged. */
public abstract class CredentialStoreContract {

  private static final OrganisationId REGISTRY = new OrganisationId("registry");
  private static final OrganisationId TRUST = new OrganisationId("northwoods-trust");
  private static final ActorId ANN = new ActorId("admin-ann");
  private static final ActorId ALICE = new ActorId("dev-alice");

  /** A store with no credential. */
  protected abstract CredentialStore emptyStore();

  /** The unit of work the store takes part in. */
  protected abstract UnitOfWork unitOfWork();

  /**
   * A credential of {@code actor} at {@code organisation}, issued by Ann at {@link Fixtures#T0}.
   */
  static Credential credential(String id, OrganisationId organisation, ActorId actor) {
    return new Credential(
        id,
        organisation,
        actor,
        EnumSet.of(Role.DEVELOPER, Role.HOLDER),
        Set.of(Scopes.PROJECTS_WRITE, Scopes.CREDITS_READ),
        "CI pipeline of " + actor,
        120,
        hash('1'),
        T0,
        ANN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1);
  }

  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }

  @Test
  void givenInsertedCredentials_find_returnsEachExactly_andNothingForOtherIds() {
    CredentialStore store = emptyStore();
    Credential plain = credential("aaaaaaaaaaaaaaaa", TRUST, ALICE);
    Credential full =
        new Credential(
            "b2345672345672zz",
            REGISTRY,
            ANN,
            EnumSet.allOf(Role.class),
            Scopes.ALL,
            "Forêt – \"Nulhegan\" 🌲 ops",
            1,
            hash('f'),
            T0.plusNanos(123_000),
            ANN,
            Optional.of(T0.plusSeconds(86_400)),
            Optional.empty(),
            Optional.empty(),
            1);
    Credential roleless =
        new Credential(
            "cccccccccccccccc",
            TRUST,
            ALICE,
            Set.of(),
            Set.of(Scopes.PROJECTS_READ),
            "x",
            Integer.MAX_VALUE,
            hash('0'),
            T0,
            ANN,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            1);
    store.insert(plain);
    store.insert(full);
    store.insert(roleless);
    assertThat(store.find("aaaaaaaaaaaaaaaa")).contains(plain);
    assertThat(store.find("b2345672345672zz")).contains(full);
    assertThat(store.find("cccccccccccccccc")).contains(roleless);
    assertThat(store.find("dddddddddddddddd")).isEmpty();
    assertThat(store.find("not a credential id")).isEmpty();
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  void givenTakenId_insert_isRefusedAsExisting_andKeepsTheFirst() {
    CredentialStore store = emptyStore();
    Credential first = credential("aaaaaaaaaaaaaaaa", TRUST, ALICE);
    store.insert(first);
    assertThatThrownBy(() -> store.insert(credential("aaaaaaaaaaaaaaaa", REGISTRY, ANN)))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.find("aaaaaaaaaaaaaaaa")).contains(first);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void givenCredentialAtAnotherVersion_insert_isRefused() {
    CredentialStore store = emptyStore();
    Credential revoked = credential("aaaaaaaaaaaaaaaa", TRUST, ALICE).revokedAt(T0, ANN);
    assertThatThrownBy(() -> store.insert(revoked)).isInstanceOf(InvalidValueException.class);
    assertThat(store.count()).isZero();
  }

  @Test
  void givenCredentialsOfTwoOrganisations_list_returnsThemInIdOrder_allOrOfOne() {
    CredentialStore store = emptyStore();
    for (String id : new String[] {"zzzzzzzzzzzzzzzz", "aaaaaaaaaaaaaaab", "2222222222222222"}) {
      store.insert(credential(id, TRUST, ALICE));
    }
    store.insert(credential("mmmmmmmmmmmmmmmm", REGISTRY, ANN));
    store.insert(credential("aaaaaaaaaaaaaaaa", REGISTRY, ANN));
    assertThat(store.list(Optional.empty()))
        .extracting(Credential::id)
        .containsExactly(
            "2222222222222222",
            "aaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaab",
            "mmmmmmmmmmmmmmmm",
            "zzzzzzzzzzzzzzzz");
    assertThat(store.list(Optional.of(REGISTRY)))
        .extracting(Credential::id)
        .containsExactly("aaaaaaaaaaaaaaaa", "mmmmmmmmmmmmmmmm");
    assertThat(store.list(Optional.of(new OrganisationId("nobody")))).isEmpty();
  }

  @Test
  void givenActiveCredential_revoke_recordsWhenAndWho_atTheNextVersion_once() {
    CredentialStore store = emptyStore();
    Credential issued = credential("aaaaaaaaaaaaaaaa", TRUST, ALICE);
    store.insert(issued);
    Credential revoked = store.revoke("aaaaaaaaaaaaaaaa", T0.plusSeconds(60), ANN);
    assertThat(revoked).isEqualTo(issued.revokedAt(T0.plusSeconds(60), ANN));
    assertThat(revoked.version()).isEqualTo(2);
    assertThat(store.find("aaaaaaaaaaaaaaaa")).contains(revoked);
    assertThatThrownBy(() -> store.revoke("aaaaaaaaaaaaaaaa", T0.plusSeconds(61), ALICE))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThat(store.find("aaaaaaaaaaaaaaaa")).contains(revoked);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void givenUnknownId_revoke_isRefused_andStoresNothing() {
    CredentialStore store = emptyStore();
    assertThatThrownBy(() -> store.revoke("aaaaaaaaaaaaaaaa", T0, ANN))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThat(store.count()).isZero();
  }

  @Test
  void givenLongestLabelAndManyScopes_theyAreKept() {
    CredentialStore store = emptyStore();
    Set<String> scopes = new TreeSet<>(Scopes.ALL);
    for (char c = 'a'; c <= 'v'; c++) {
      scopes.add(String.valueOf(c).repeat(32) + ":" + String.valueOf(c).repeat(31));
    }
    Credential wide =
        new Credential(
            "aaaaaaaaaaaaaaaa",
            REGISTRY,
            ANN,
            EnumSet.allOf(Role.class),
            scopes,
            "é".repeat(Credential.MAX_LABEL),
            600,
            hash('a'),
            T0,
            ANN,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            1);
    store.insert(wide);
    assertThat(store.find(wide.id())).contains(wide);
  }

  @Test
  void givenTransactionThatRollsBack_itsInsertAndRevocationAreForgotten() {
    CredentialStore store = emptyStore();
    Credential kept = credential("kkkkkkkkkkkkkkkk", TRUST, ALICE);
    store.insert(kept);
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .transact(
                        () -> {
                          store.insert(credential("aaaaaaaaaaaaaaaa", TRUST, ALICE));
                          store.revoke("kkkkkkkkkkkkkkkk", T0.plusSeconds(1), ANN);
                          assertThat(store.count()).isEqualTo(2);
                          throw new IllegalStateException("the use case failed");
                        }))
        .hasMessage("the use case failed");
    assertThat(store.find("aaaaaaaaaaaaaaaa")).isEmpty();
    assertThat(store.find("kkkkkkkkkkkkkkkk")).contains(kept);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void givenRefusedInsertInsideATransaction_theTransactionGoesOn() {
    CredentialStore store = emptyStore();
    unitOfWork()
        .transact(
            () -> {
              store.insert(credential("aaaaaaaaaaaaaaaa", TRUST, ALICE));
              assertThatThrownBy(() -> store.insert(credential("aaaaaaaaaaaaaaaa", TRUST, ALICE)))
                  .isInstanceOf(StoreConflictException.class);
              store.insert(credential("bbbbbbbbbbbbbbbb", TRUST, ALICE));
              return null;
            });
    assertThat(store.count()).isEqualTo(2);
  }
}
