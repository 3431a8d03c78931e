package org.ogcr.adapter.inmemory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ReportId;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.out.ReportStore;
import org.ogcr.port.out.StoreConflictException;

/** Monitoring reports in memory, in id order; takes part in its {@link InMemoryUnitOfWork}. */
public final class InMemoryReportStore implements ReportStore {

  private final InMemoryUnitOfWork uow;
  private final Map<String, ReportRecord> byId = new TreeMap<>();

  public InMemoryReportStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(ReportRecord report) {
    Require.nonNull("report", report);
    uow.locked(
        () -> {
          String key = report.id().value();
          if (byId.containsKey(key)) {
            throw StoreConflictException.exists("report " + key);
          }
          byId.put(key, report);
          uow.onRollback(() -> byId.remove(key));
        });
  }

  @Override
  public void update(ReportRecord report) {
    Require.nonNull("report", report);
    uow.locked(
        () -> {
          String key = report.id().value();
          ReportRecord stored =
              Versions.requireBefore(
                  "report " + key, byId.get(key), report.version(), ReportRecord::version);
          byId.put(key, report);
          uow.onRollback(() -> byId.put(key, stored));
        });
  }

  @Override
  public Optional<ReportRecord> find(ReportId id) {
    Require.nonNull("id", id);
    return uow.locked(() -> Optional.ofNullable(byId.get(id.value())));
  }

  @Override
  public Page<ReportRecord> search(ReportQuery query, PageRequest page) {
    Require.nonNull("page", page);
    return Page.of(all(query), page);
  }

  @Override
  public List<ReportRecord> all(ReportQuery query) {
    Require.nonNull("query", query);
    return uow.locked(() -> byId.values().stream().filter(query::matches).toList());
  }
}
