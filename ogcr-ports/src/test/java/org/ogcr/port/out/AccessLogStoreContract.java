package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.AccessRecord.Outcome;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;

/** What every {@link AccessLogStore} must do; adapters' tests extend it unchanged. */
public abstract class AccessLogStoreContract {

  private static final ActorId ALICE = new ActorId("dev-alice");
  private static final ActorId BOB = new ActorId("ver-bob");
  private static final OrganisationId TRUST = new OrganisationId("northwoods-trust");

  /** A store with no record. */
  protected abstract AccessLogStore emptyStore();

  /** A unit of work of the same adapter family, which the store must stay out of. */
  protected abstract UnitOfWork unitOfWork();

  private static AccessRecord allowed(ActorId actor, int secondsAfterT0, String path) {
    return AccessRecord.of(
        T0.plusSeconds(secondsAfterT0),
        Optional.of(actor),
        Optional.of(TRUST),
        Optional.of("aaaaaaaaaaaaaaaa"),
        "GET",
        path,
        200,
        Outcome.ALLOWED,
        "203.0.113.7",
        "");
  }

  private static AccessRecord failed(int secondsAfterT0, String credential) {
    return AccessRecord.of(
        T0.plusSeconds(secondsAfterT0),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(credential),
        "POST",
        "/projects",
        401,
        Outcome.FAILED,
        "2001:db8::1",
        "wrong secret");
  }

  @Test
  void givenAppends_eachGetsTheNextSequence_andReadReturnsThemExactlyInOrder() {
    AccessLogStore store = emptyStore();
    AccessRecord one = store.append(allowed(ALICE, 0, "/projects?status=validated"));
    AccessRecord two = store.append(failed(1, null));
    AccessRecord three =
        store.append(
            AccessRecord.of(
                T0.plusNanos(1_000),
                Optional.of(BOB),
                Optional.of(new OrganisationId("vermont-verifiers")),
                Optional.empty(),
                "DELETE",
                "/projects/forêt-🌲",
                403,
                Outcome.DENIED,
                "",
                "role_required: verifying a report requires role verifier"));
    assertThat(one.sequence()).isPositive();
    assertThat(two.sequence()).isGreaterThan(one.sequence());
    assertThat(three.sequence()).isGreaterThan(two.sequence());
    assertThat(one)
        .isEqualTo(allowed(ALICE, 0, "/projects?status=validated").withSequence(one.sequence()));
    assertThat(store.read(one.sequence(), 10)).containsExactly(one, two, three);
    assertThat(store.read(two.sequence(), 1)).containsExactly(two);
    assertThat(store.read(three.sequence() + 1, 10)).isEmpty();
  }

  @Test
  void givenLongestTexts_theyAreKept_andLongerOnesWereClippedBeforeStoring() {
    AccessLogStore store = emptyStore();
    AccessRecord longest =
        AccessRecord.of(
            T0,
            Optional.of(ALICE),
            Optional.of(TRUST),
            Optional.of("c".repeat(AccessRecord.MAX_CREDENTIAL_ID)),
            "M".repeat(AccessRecord.MAX_METHOD),
            "/" + "p".repeat(AccessRecord.MAX_PATH - 1),
            599,
            Outcome.ALLOWED,
            "a".repeat(AccessRecord.MAX_CLIENT_ADDRESS),
            "é".repeat(AccessRecord.MAX_DETAIL));
    AccessRecord stored = store.append(longest);
    assertThat(store.read(stored.sequence(), 1)).containsExactly(stored);
    assertThat(stored.path()).hasSize(AccessRecord.MAX_PATH);

    AccessRecord odd =
        store.append(
            AccessRecord.of(
                T0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                null,
                "/x\u0000y\r\n" + "🌲".repeat(AccessRecord.MAX_PATH),
                0,
                Outcome.FAILED,
                "\ud800",
                null));
    assertThat(store.read(odd.sequence(), 1)).containsExactly(odd);
    assertThat(odd.path()).startsWith("/x\uFFFDy\uFFFD\uFFFD🌲").endsWith("…");
    assertThat(odd.path().length()).isLessThanOrEqualTo(AccessRecord.MAX_PATH);
    assertThat(odd.clientAddress()).isEqualTo("\uFFFD");
    assertThat(odd.method()).isEmpty();
    assertThat(odd.detail()).isEmpty();
  }

  @Test
  void givenRecordsOfSeveralActorsAndTimes_search_filtersThem_andPagesByCursor() {
    AccessLogStore store = emptyStore();
    List<AccessRecord> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(store.append(allowed(i % 2 == 0 ? ALICE : BOB, i * 60, "/r/" + i)));
      all.add(store.append(failed(i * 60 + 1, i % 3 == 0 ? "bbbbbbbbbbbbbbbb" : null)));
    }

    assertThat(store.search(AccessQuery.ALL, KeysetRequest.first(100)).items())
        .containsExactlyElementsOf(all);
    assertThat(store.search(AccessQuery.ALL.withActor(BOB), KeysetRequest.first(100)).items())
        .extracting(AccessRecord::path)
        .containsExactly("/r/1", "/r/3", "/r/5", "/r/7", "/r/9");
    assertThat(
            store
                .search(
                    AccessQuery.ALL.withCredential("bbbbbbbbbbbbbbbb"), KeysetRequest.first(100))
                .items())
        .extracting(r -> r.at().getEpochSecond() - T0.getEpochSecond())
        .containsExactly(1L, 181L, 361L, 541L);
    assertThat(
            store
                .search(AccessQuery.ALL.withOutcome(Outcome.FAILED), KeysetRequest.first(100))
                .items())
        .hasSize(10)
        .allMatch(r -> r.outcome() == Outcome.FAILED && r.actor().isEmpty());
    // from is inclusive, before exclusive
    assertThat(
            store
                .search(
                    AccessQuery.ALL
                        .withActor(ALICE)
                        .between(T0.plusSeconds(120), T0.plusSeconds(360)),
                    KeysetRequest.first(100))
                .items())
        .extracting(AccessRecord::path)
        .containsExactly("/r/2", "/r/4");
    assertThat(
            store
                .search(AccessQuery.ALL.withFrom(T0.plusSeconds(541)), KeysetRequest.first(100))
                .items())
        .containsExactly(all.get(19));
    assertThat(
            store
                .search(AccessQuery.ALL.withBefore(T0.plusSeconds(1)), KeysetRequest.first(100))
                .items())
        .containsExactly(all.get(0));

    // cursor pages walk the log without gap or repeat
    List<AccessRecord> walked = new ArrayList<>();
    KeysetRequest request = KeysetRequest.first(3);
    while (true) {
      KeysetPage<AccessRecord> page = store.search(AccessQuery.ALL, request);
      walked.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      assertThat(page.items()).hasSize(3);
      request = new KeysetRequest(page.next(), 3);
    }
    assertThat(walked).containsExactlyElementsOf(all);

    KeysetPage<AccessRecord> firstOfBob =
        store.search(AccessQuery.ALL.withActor(BOB), KeysetRequest.first(2));
    assertThat(firstOfBob.items()).extracting(AccessRecord::path).containsExactly("/r/1", "/r/3");
    assertThat(
            store
                .search(AccessQuery.ALL.withActor(BOB), new KeysetRequest(firstOfBob.next(), 10))
                .items())
        .extracting(AccessRecord::path)
        .containsExactly("/r/5", "/r/7", "/r/9");
  }

  @Test
  void givenCursorThatIsNotOne_search_isRefused() {
    AccessLogStore store = emptyStore();
    assertThatThrownBy(
            () -> store.search(AccessQuery.ALL, new KeysetRequest(Optional.of("abc"), 10)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    assertThatThrownBy(
            () -> store.search(AccessQuery.ALL, new KeysetRequest(Optional.of("-1"), 10)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void givenRecordsOfSeveralAges_purgeBefore_removesOnlyTheOlderOnes() {
    AccessLogStore store = emptyStore();
    AccessRecord old = store.append(allowed(ALICE, 0, "/old"));
    store.append(failed(59, null));
    AccessRecord atCutoff = store.append(allowed(ALICE, 60, "/cutoff"));
    AccessRecord young = store.append(allowed(BOB, 61, "/young"));
    assertThat(store.purgeBefore(T0.plusSeconds(60))).isEqualTo(2);
    assertThat(store.read(old.sequence(), 10)).containsExactly(atCutoff, young);
    assertThat(store.purgeBefore(T0.plusSeconds(60))).isZero();
    AccessRecord next = store.append(failed(62, null));
    assertThat(next.sequence()).isGreaterThan(young.sequence());
  }

  @Test
  void givenAppendInsideATransactionThatRollsBack_theRecordIsKept() {
    AccessLogStore store = emptyStore();
    AccessRecord[] appended = new AccessRecord[1];
    assertThatThrownBy(
            () ->
                unitOfWork()
                    .transact(
                        () -> {
                          appended[0] = store.append(failed(0, "aaaaaaaaaaaaaaaa"));
                          throw new IllegalStateException("the request was refused");
                        }))
        .hasMessage("the request was refused");
    assertThat(store.read(appended[0].sequence(), 10)).containsExactly(appended[0]);
  }
}
