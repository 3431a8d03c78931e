package org.ogcr.application;

import static org.ogcr.application.Access.requireRole;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.port.in.AccessLogUseCases;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.out.AccessLogStore;
import org.ogcr.port.out.Clock;

/**
 * Records access attempts and shows them to administrators and auditors. The store commits each
 * record on its own, outside any unit of work, so refused requests stay logged.
 */
final class AccessLogService implements AccessLogUseCases {

  static final String RESOURCE = "access-log";

  private final AccessLogStore store;
  private final Clock clock;
  private final Decisions decisions;

  AccessLogService(AccessLogStore store, Clock clock, Decisions decisions) {
    this.store = store;
    this.clock = clock;
    this.decisions = decisions;
  }

  @Override
  public AccessRecord record(Attempt attempt) {
    Attempt a =
        attempt != null
            ? attempt
            : new Attempt(null, null, null, null, 0, null, null, "no attempt was given");
    Optional<Principal> who = a.principal();
    return store.append(
        AccessRecord.of(
            clock.now(),
            who.map(Principal::actor),
            who.map(Principal::organisation),
            a.credentialId(),
            a.method(),
            a.path(),
            a.status(),
            a.outcome(),
            a.clientAddress(),
            a.detail()));
  }

  @Override
  public KeysetPage<AccessRecord> read(Principal who, AccessQuery query, KeysetRequest request) {
    Require.nonNull("principal", who);
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    decisions.checkRead(
        who,
        "access_log.read",
        RESOURCE,
        () -> requireRole(who, "reading the access log", Role.ADMINISTRATOR, Role.AUDITOR));
    return store.search(query, request);
  }

  @Override
  public int purgeBefore(Principal who, Instant cutoff) {
    Require.nonNull("principal", who);
    // the decision is audited first; the store then removes the records, outside its transaction
    decisions.decide(
        who,
        "access_log.purge",
        RESOURCE,
        now -> {
          requireRole(who, "purging the access log", Role.ADMINISTRATOR);
          Require.nonNull("cutoff", cutoff);
          return new Decisions.Outcome<>(null, "records from before " + cutoff);
        });
    return store.purgeBefore(cutoff);
  }
}
