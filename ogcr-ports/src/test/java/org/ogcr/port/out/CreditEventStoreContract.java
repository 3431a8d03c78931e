package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.BUYER;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.POOL;
import static org.ogcr.port.out.Fixtures.event;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.CreditEvent.Kind;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;

/** What every {@link CreditEventStore} must do; adapters' tests extend it unchanged. */
public abstract class CreditEventStoreContract {

  /** A store with no event. */
  protected abstract CreditEventStore emptyStore();

  private static final Optional<IssuanceId> ANY_ISSUANCE = Optional.empty();
  private static final Optional<AccountId> ANY_ACCOUNT = Optional.empty();
  private static final Optional<Kind> ANY_KIND = Optional.empty();

  private static List<String> ns(Page<CreditEvent> page) {
    return page.items().stream().map(e -> e.details().get("n")).toList();
  }

  /**
   * Events 1 to 6, appended in the order 3, 1, 2, 6, 5, 4 (their receipts sort in yet another
   * order): the issue of iss-1, a transfer and a sale to the buyer, a retirement, and two events of
   * iss-2.
   */
  private static CreditEventStore withHistory(CreditEventStore store) {
    store.append(event(3, Kind.ISSUED, "iss-1", Optional.empty(), Optional.of(LLC)));
    store.append(event(1, Kind.TRANSFERRED, "iss-1", Optional.of(LLC), Optional.of(BUYER)));
    store.append(event(2, Kind.SOLD, "iss-1", Optional.of(LLC), Optional.of(BUYER)));
    store.append(event(6, Kind.RETIRED, "iss-1", Optional.of(BUYER), Optional.empty()));
    store.append(event(5, Kind.ISSUED, "iss-2", Optional.empty(), Optional.of(POOL)));
    store.append(event(4, Kind.TRANSFERRED, "iss-2", Optional.of(POOL), Optional.of(LLC)));
    return store;
  }

  @Test
  void givenAppendedEvent_find_returnsItExactlyAsStored() {
    CreditEventStore store = emptyStore();
    CreditEvent sale = event(7, Kind.SOLD, "iss-1", Optional.of(LLC), Optional.of(BUYER));
    store.append(sale);
    assertThat(store.find(sale.receipt())).contains(sale);
    assertThat(store.find(Fixtures.hash("never recorded"))).isEmpty();
  }

  @Test
  void givenRecordedReceipt_append_isRefusedAndTheEventStays() {
    CreditEventStore store = emptyStore();
    CreditEvent first = event(1, Kind.ISSUED, "iss-1", Optional.empty(), Optional.of(LLC));
    store.append(first);
    CreditEvent sameReceipt =
        new CreditEvent(
            first.receipt(),
            Kind.RETIRED,
            first.issuance(),
            first.range(),
            Optional.of(LLC),
            Optional.empty(),
            first.actor(),
            first.at(),
            first.details());
    assertThatThrownBy(() -> store.append(sameReceipt))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.find(first.receipt())).contains(first);
    assertThat(store.search(ANY_ISSUANCE, ANY_ACCOUNT, ANY_KIND, PageRequest.FIRST).total())
        .isEqualTo(1);
  }

  @Test
  void givenNoFilter_search_returnsEveryEventInTheOrderRecorded() {
    CreditEventStore store = withHistory(emptyStore());
    assertThat(ns(store.search(ANY_ISSUANCE, ANY_ACCOUNT, ANY_KIND, PageRequest.FIRST)))
        .containsExactly("3", "1", "2", "6", "5", "4");
  }

  @Test
  void givenIssuanceAccountAndKindFilters_search_requiresEachToMatch() {
    CreditEventStore store = withHistory(emptyStore());
    Optional<IssuanceId> iss1 = Optional.of(new IssuanceId("iss-1"));
    assertThat(ns(store.search(iss1, ANY_ACCOUNT, ANY_KIND, PageRequest.FIRST)))
        .containsExactly("3", "1", "2", "6");
    // an account matches as the sender or the receiver
    assertThat(ns(store.search(ANY_ISSUANCE, Optional.of(LLC), ANY_KIND, PageRequest.FIRST)))
        .containsExactly("3", "1", "2", "4");
    assertThat(ns(store.search(ANY_ISSUANCE, Optional.of(BUYER), ANY_KIND, PageRequest.FIRST)))
        .containsExactly("1", "2", "6");
    assertThat(
            ns(
                store.search(
                    ANY_ISSUANCE, ANY_ACCOUNT, Optional.of(Kind.TRANSFERRED), PageRequest.FIRST)))
        .containsExactly("1", "4");
    assertThat(
            ns(
                store.search(
                    iss1, Optional.of(LLC), Optional.of(Kind.TRANSFERRED), PageRequest.FIRST)))
        .containsExactly("1");
    assertThat(
            store
                .search(
                    Optional.of(new IssuanceId("iss-2")),
                    Optional.of(BUYER),
                    ANY_KIND,
                    PageRequest.FIRST)
                .total())
        .isZero();
  }

  @Test
  void givenManyEvents_search_pagesWithTotalsAndOffsets() {
    CreditEventStore store = withHistory(emptyStore());
    Page<CreditEvent> middle =
        store.search(ANY_ISSUANCE, ANY_ACCOUNT, ANY_KIND, new PageRequest(2, 3));
    assertThat(middle.total()).isEqualTo(6);
    assertThat(ns(middle)).containsExactly("2", "6", "5");
    assertThat(middle.hasNext()).isTrue();
    Page<CreditEvent> end =
        store.search(ANY_ISSUANCE, ANY_ACCOUNT, ANY_KIND, new PageRequest(5, 3));
    assertThat(ns(end)).containsExactly("4");
    assertThat(end.hasNext()).isFalse();
    Page<CreditEvent> ofLlc =
        store.search(ANY_ISSUANCE, Optional.of(LLC), ANY_KIND, new PageRequest(3, 10));
    assertThat(ofLlc.total()).isEqualTo(4);
    assertThat(ns(ofLlc)).containsExactly("4");
  }

  @Test
  void searchAfter_walksEventsInTheOrderRecordedAndRefusesAForgedCursor() {
    CreditEventStore store = emptyStore();
    for (int n = 1; n <= 5; n++) {
      store.append(event(n, Kind.TRANSFERRED, "iss-1", Optional.of(LLC), Optional.of(BUYER)));
    }
    store.append(event(9, Kind.RETIRED, "iss-2", Optional.of(BUYER), Optional.empty()));
    org.ogcr.port.model.KeysetPage<CreditEvent> first =
        store.searchAfter(
            Optional.of(new org.ogcr.domain.id.IssuanceId("iss-1")),
            Optional.empty(),
            Optional.empty(),
            org.ogcr.port.model.KeysetRequest.first(3));
    assertThat(first.items()).extracting(e -> e.range().first()).containsExactly(1L, 2L, 3L);
    org.ogcr.port.model.KeysetPage<CreditEvent> rest =
        store.searchAfter(
            Optional.of(new org.ogcr.domain.id.IssuanceId("iss-1")),
            Optional.empty(),
            Optional.empty(),
            new org.ogcr.port.model.KeysetRequest(first.next(), 3));
    assertThat(rest.items()).extracting(e -> e.range().first()).containsExactly(4L, 5L);
    assertThat(rest.next()).isEmpty();
    assertThatThrownBy(
            () ->
                store.searchAfter(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    new org.ogcr.port.model.KeysetRequest(Optional.of("-1"), 3)))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class);
  }
}
