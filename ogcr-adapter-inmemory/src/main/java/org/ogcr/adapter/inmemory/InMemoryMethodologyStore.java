package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.port.out.MethodologyStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Registered methodology versions in memory, in registration order, with the catalog they make;
 * takes part in its {@link InMemoryUnitOfWork}.
 */
public final class InMemoryMethodologyStore implements MethodologyStore {

  private final InMemoryUnitOfWork uow;
  private final Set<String> refs = new HashSet<>();
  private final List<String> documents = new ArrayList<>();
  private MethodologyCatalog catalog = MethodologyCatalog.empty();

  public InMemoryMethodologyStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(Methodology methodology, String json) {
    Require.nonNull("methodology", methodology);
    Require.nonNull("json", json);
    uow.locked(
        () -> {
          String ref = methodology.ref().toString();
          if (refs.contains(ref)) {
            throw StoreConflictException.exists("methodology " + ref);
          }
          MethodologyCatalog before = catalog;
          catalog = before.with(methodology);
          refs.add(ref);
          documents.add(json);
          uow.onRollback(
              () -> {
                documents.remove(documents.size() - 1);
                refs.remove(ref);
                catalog = before;
              });
        });
  }

  @Override
  public MethodologyCatalog catalog() {
    return uow.locked(() -> catalog);
  }

  @Override
  public List<String> documents() {
    return uow.locked(() -> List.copyOf(documents));
  }
}
