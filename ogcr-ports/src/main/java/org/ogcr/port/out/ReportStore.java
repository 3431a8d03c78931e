package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.id.ReportId;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;

/** Monitoring reports. */
public interface ReportStore {

  /**
   * @throws StoreConflictException {@code already_exists} when the id is taken
   */
  void insert(ReportRecord report);

  /**
   * Replaces the stored report whose version is {@code report.version() - 1}.
   *
   * @throws StoreConflictException {@code concurrent_update} when the stored version differs
   */
  void update(ReportRecord report);

  Optional<ReportRecord> find(ReportId id);

  /** Matching reports in id order. */
  Page<ReportRecord> search(ReportQuery query, PageRequest page);

  /**
   * Matching reports after the cursor, in id order; the cursor is the last report id of the
   * previous page. An adapter over a database overrides this with an indexed query.
   */
  default KeysetPage<ReportRecord> searchAfter(ReportQuery query, KeysetRequest request) {
    return KeysetPage.of(
        all(query),
        request,
        after -> r -> r.id().value().compareTo(after) > 0,
        r -> r.id().value());
  }

  /** Every report matching {@code query}, in id order. */
  List<ReportRecord> all(ReportQuery query);
}
