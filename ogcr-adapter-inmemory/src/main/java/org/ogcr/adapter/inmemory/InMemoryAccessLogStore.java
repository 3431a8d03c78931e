package org.ogcr.adapter.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ogcr.domain.common.Require;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.out.AccessLogStore;

/**
 * The access log in memory. It stays out of every unit of work: it has a lock of its own, never
 * waits for a running transaction, and an append made inside a transaction that rolls back stays.
 */
public final class InMemoryAccessLogStore implements AccessLogStore {

  private final Object lock = new Object();
  private final List<AccessRecord> records = new ArrayList<>();
  private long last;

  @Override
  public AccessRecord append(AccessRecord record) {
    Require.nonNull("record", record);
    synchronized (lock) {
      AccessRecord stored = record.withSequence(++last);
      records.add(stored);
      return stored;
    }
  }

  @Override
  public List<AccessRecord> read(long fromSequence, int limit) {
    Require.positive("fromSequence", fromSequence);
    Require.between("limit", limit, 1, 10_000);
    synchronized (lock) {
      return records.stream().filter(r -> r.sequence() >= fromSequence).limit(limit).toList();
    }
  }

  @Override
  public KeysetPage<AccessRecord> search(AccessQuery query, KeysetRequest request) {
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    long after = request.after().map(AccessLogStore::position).orElse(0L);
    List<AccessRecord> fetched = new ArrayList<>(request.limit() + 1);
    synchronized (lock) {
      for (AccessRecord r : records) {
        if (r.sequence() > after && query.matches(r)) {
          fetched.add(r);
          if (fetched.size() > request.limit()) {
            break;
          }
        }
      }
    }
    return KeysetPage.trimmed(fetched, request, r -> Long.toString(r.sequence()));
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    Require.nonNull("cutoff", cutoff);
    synchronized (lock) {
      int before = records.size();
      records.removeIf(r -> r.at().isBefore(cutoff));
      return before - records.size();
    }
  }
}
