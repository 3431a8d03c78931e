package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.out.CreditEventStore;
import org.ogcr.port.out.StoreConflictException;

/** Credit events in memory, in the order appended; takes part in its {@link InMemoryUnitOfWork}. */
public final class InMemoryCreditEventStore implements CreditEventStore {

  private final InMemoryUnitOfWork uow;
  private final List<CreditEvent> events = new ArrayList<>();
  private final Map<DocumentHash, CreditEvent> byReceipt = new HashMap<>();

  public InMemoryCreditEventStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void append(CreditEvent event) {
    Require.nonNull("event", event);
    uow.locked(
        () -> {
          if (byReceipt.containsKey(event.receipt())) {
            throw StoreConflictException.exists("the credit event with receipt " + event.receipt());
          }
          events.add(event);
          byReceipt.put(event.receipt(), event);
          uow.onRollback(
              () -> {
                byReceipt.remove(event.receipt());
                events.remove(events.size() - 1);
              });
        });
  }

  @Override
  public Optional<CreditEvent> find(DocumentHash receipt) {
    Require.nonNull("receipt", receipt);
    return uow.locked(() -> Optional.ofNullable(byReceipt.get(receipt)));
  }

  @Override
  public Page<CreditEvent> search(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      PageRequest page) {
    Require.nonNull("issuance", issuance);
    Require.nonNull("account", account);
    Require.nonNull("kind", kind);
    Require.nonNull("page", page);
    List<CreditEvent> matching =
        uow.locked(
            () ->
                events.stream()
                    .filter(e -> issuance.map(i -> i.equals(e.issuance())).orElse(true))
                    .filter(
                        e ->
                            account
                                .map(
                                    a ->
                                        e.from().equals(Optional.of(a))
                                            || e.to().equals(Optional.of(a)))
                                .orElse(true))
                    .filter(e -> kind.map(k -> k == e.kind()).orElse(true))
                    .toList());
    return Page.of(matching, page);
  }

  @Override
  public KeysetPage<CreditEvent> searchAfter(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      KeysetRequest request) {
    Require.nonNull("request", request);
    long after = request.after().map(CreditEventStore::position).orElse(0L);
    record Positioned(long position, CreditEvent event) {}
    List<Positioned> page =
        uow.locked(
            () -> {
              List<Positioned> found = new java.util.ArrayList<>();
              for (int i = (int) Math.min(after, events.size()); i < events.size(); i++) {
                CreditEvent e = events.get(i);
                if (issuance.map(x -> x.equals(e.issuance())).orElse(true)
                    && account
                        .map(a -> e.from().equals(Optional.of(a)) || e.to().equals(Optional.of(a)))
                        .orElse(true)
                    && kind.map(k -> k == e.kind()).orElse(true)) {
                  found.add(new Positioned(i + 1L, e));
                  if (found.size() > request.limit()) {
                    break;
                  }
                }
              }
              return found;
            });
    return KeysetPage.trimmed(page, request, p -> Long.toString(p.position()))
        .map(Positioned::event);
  }
}
