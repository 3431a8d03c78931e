package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.model.IdempotencyRecord;
import org.ogcr.port.model.RecordedResponse;

/** What every {@link IdempotencyStore} must do; adapters' tests extend it unchanged. */
public abstract class IdempotencyStoreContract {

  private static final ActorId ALICE = new ActorId("alice");
  private static final ActorId BOB = new ActorId("bob");

  /** A store with no record. */
  protected abstract IdempotencyStore emptyStore();

  /** The unit of work the store takes part in. */
  protected abstract UnitOfWork unitOfWork();

  private static RecordedResponse created(String id) {
    return new RecordedResponse(
        201,
        "application/json",
        "{\"id\":\"" + id + "\",\"name\":\"Forêt – \\\"Nulhegan\\\" 🌲\"}",
        Map.of("Location", "/projects/" + id, "ETag", "\"v1\""));
  }

  @Test
  void givenClaimedKey_find_returnsItWithoutResponse_thenWithTheRecordedOne() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "key-1", "fp-1", T0.plusNanos(42_000));
    assertThat(store.find(ALICE, "key-1"))
        .contains(
            new IdempotencyRecord(ALICE, "key-1", "fp-1", T0.plusNanos(42_000), Optional.empty()));
    store.complete(ALICE, "key-1", created("p-1"));
    assertThat(store.find(ALICE, "key-1"))
        .contains(
            new IdempotencyRecord(
                ALICE, "key-1", "fp-1", T0.plusNanos(42_000), Optional.of(created("p-1"))));
    assertThat(store.find(ALICE, "key-2")).isEmpty();
  }

  @Test
  void givenResponseWithoutBodyOrHeaders_find_returnsItExactly() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "k", "fp", T0);
    RecordedResponse noContent = RecordedResponse.of(204, "", "");
    store.complete(ALICE, "k", noContent);
    assertThat(store.find(ALICE, "k").flatMap(IdempotencyRecord::response)).contains(noContent);
  }

  @Test
  void givenKeyClaimedOnce_claimAgain_isRefusedAsExisting_andKeepsTheFirst() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "key-1", "fp-1", T0);
    assertThatThrownBy(() -> store.claim(ALICE, "key-1", "fp-2", T0.plusSeconds(1)))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.find(ALICE, "key-1").orElseThrow().fingerprint()).isEqualTo("fp-1");
  }

  @Test
  void givenSameKeyOfTwoOwners_eachHasItsOwnRecord_andKeysAreCaseSensitive() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "key-1", "fp-a", T0);
    store.claim(BOB, "key-1", "fp-b", T0);
    store.claim(ALICE, "KEY-1", "fp-A", T0);
    store.complete(BOB, "key-1", created("b"));
    assertThat(store.find(ALICE, "key-1").orElseThrow().fingerprint()).isEqualTo("fp-a");
    assertThat(store.find(ALICE, "key-1").orElseThrow().response()).isEmpty();
    assertThat(store.find(BOB, "key-1").orElseThrow().response()).contains(created("b"));
    assertThat(store.find(ALICE, "KEY-1").orElseThrow().fingerprint()).isEqualTo("fp-A");
  }

  @Test
  void givenUnclaimedOrCompletedKey_complete_isRefused_andChangesNothing() {
    IdempotencyStore store = emptyStore();
    assertThatThrownBy(() -> store.complete(ALICE, "nope", created("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nope");
    assertThat(store.find(ALICE, "nope")).isEmpty();
    store.claim(ALICE, "k", "fp", T0);
    store.complete(ALICE, "k", created("first"));
    assertThatThrownBy(() -> store.complete(ALICE, "k", created("second")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already");
    assertThat(store.find(ALICE, "k").orElseThrow().response()).contains(created("first"));
  }

  @Test
  void givenRecords_release_forgetsOneKeyOfOneOwner() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "k", "fp", T0);
    store.claim(BOB, "k", "fp", T0);
    assertThat(store.release(ALICE, "k")).isTrue();
    assertThat(store.release(ALICE, "k")).isFalse();
    assertThat(store.find(ALICE, "k")).isEmpty();
    assertThat(store.find(BOB, "k")).isPresent();
    store.claim(ALICE, "k", "fp-again", T0.plusSeconds(5));
    assertThat(store.find(ALICE, "k").orElseThrow().fingerprint()).isEqualTo("fp-again");
  }

  @Test
  void givenRecordsOfSeveralAges_purgeBefore_forgetsOnlyTheOlderOnes() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "old", "fp", T0);
    store.complete(ALICE, "old", created("old"));
    store.claim(BOB, "old", "fp", T0.plusSeconds(59));
    store.claim(ALICE, "cutoff", "fp", T0.plusSeconds(60));
    store.claim(ALICE, "new", "fp", T0.plusSeconds(61));
    assertThat(store.purgeBefore(T0.plusSeconds(60))).isEqualTo(2);
    assertThat(store.find(ALICE, "old")).isEmpty();
    assertThat(store.find(BOB, "old")).isEmpty();
    assertThat(store.find(ALICE, "cutoff")).isPresent();
    assertThat(store.find(ALICE, "new")).isPresent();
    assertThat(store.purgeBefore(T0.plusSeconds(60))).isZero();
  }

  @Test
  void givenLongestKeyAndFingerprint_theyAreKept() {
    IdempotencyStore store = emptyStore();
    String key = "k".repeat(IdempotencyStore.MAX_KEY_LENGTH);
    String fingerprint = "f".repeat(IdempotencyStore.MAX_FINGERPRINT_LENGTH);
    store.claim(ALICE, key, fingerprint, T0);
    assertThat(store.find(ALICE, key).orElseThrow().fingerprint()).isEqualTo(fingerprint);
  }

  @Test
  void givenTransactionThatRollsBack_itsClaimAndResponseAreForgotten() {
    IdempotencyStore store = emptyStore();
    store.claim(ALICE, "kept", "fp", T0);
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .transact(
                        () -> {
                          store.claim(ALICE, "k", "fp", T0);
                          store.complete(ALICE, "k", created("p"));
                          store.complete(ALICE, "kept", created("q"));
                          assertThat(store.release(ALICE, "kept")).isTrue();
                          throw new IllegalStateException("the request failed");
                        }))
        .hasMessage("the request failed");
    assertThat(store.find(ALICE, "k")).isEmpty();
    assertThat(store.find(ALICE, "kept").orElseThrow().response()).isEmpty();
  }

  @Test
  void givenRefusedClaimInsideATransaction_theTransactionGoesOn() {
    IdempotencyStore store = emptyStore();
    unitOfWork()
        .transact(
            () -> {
              store.claim(ALICE, "k", "fp", T0);
              assertThatThrownBy(() -> store.claim(ALICE, "k", "fp", T0))
                  .isInstanceOf(StoreConflictException.class);
              store.complete(ALICE, "k", created("p"));
              return null;
            });
    assertThat(store.find(ALICE, "k").orElseThrow().response()).contains(created("p"));
  }
}
