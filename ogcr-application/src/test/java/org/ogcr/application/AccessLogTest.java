package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.application.TestRegistry.ADMIN;
import static org.ogcr.application.TestRegistry.ALICE;
import static org.ogcr.application.TestRegistry.AUDITOR;
import static org.ogcr.application.TestRegistry.OPERATOR;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.in.AccessDeniedException;
import org.ogcr.port.in.AccessLogUseCases;
import org.ogcr.port.in.AccessLogUseCases.Attempt;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.AccessRecord.Outcome;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;

/**
 * The access log: every attempt recorded at the clock's instant whatever the edge passes, kept when
 * the request's own transaction rolls back, read by administrators and auditors only, with filters
 * and cursor pages, and purged by administrators.
 */
class AccessLogTest {

  TestRegistry t;
  Registry r;
  AccessLogUseCases log;

  @BeforeEach
  void setUp() {
    t = TestRegistry.create();
    r = t.registry;
    log = r.accessLog();
  }

  private static Attempt get(Principal who, String path, int status, Outcome outcome) {
    return new Attempt(
        Optional.ofNullable(who),
        Optional.empty(),
        "GET",
        path,
        status,
        outcome,
        "198.51.100.4",
        outcome == Outcome.ALLOWED ? "" : "refused");
  }

  private List<AccessRecord> all() {
    return log.read(AUDITOR, AccessQuery.ALL, KeysetRequest.first(1000)).items();
  }

  private ChainedEntry lastAudit() {
    return t.adapters.ports().audit().head().orElseThrow();
  }

  @Test
  void givenAttempts_record_appendsThemAtTheClocksInstant_andAdministratorsAndAuditorsReadThem() {
    AccessRecord first = log.record(get(ALICE, "/projects", 200, Outcome.ALLOWED));
    t.clock.advance(Duration.ofSeconds(3));
    AccessRecord second = log.record(get(null, "/credentials", 401, Outcome.FAILED));

    assertThat(first.sequence()).isPositive();
    assertThat(second.sequence()).isGreaterThan(first.sequence());
    assertThat(first.actor()).contains(ALICE.actor());
    assertThat(first.organisation()).contains(ALICE.organisation());
    assertThat(first.at()).isEqualTo(t.clock.now().minusSeconds(3));
    assertThat(second.actor()).isEmpty();
    assertThat(second.organisation()).isEmpty();
    assertThat(second.at()).isEqualTo(t.clock.now());
    assertThat(second.clientAddress()).isEqualTo("198.51.100.4");

    long audited = lastAudit().sequence();
    assertThat(log.read(ADMIN, AccessQuery.ALL, KeysetRequest.first(10)).items())
        .containsExactly(first, second);
    assertThat(log.read(AUDITOR, AccessQuery.ALL, KeysetRequest.first(10)).items())
        .containsExactly(first, second);
    // reads are not decisions: the audit is unchanged
    assertThat(lastAudit().sequence()).isEqualTo(audited);
  }

  @Test
  void givenOddInput_record_neverThrows_andKeepsWhatItCan() {
    String huge = "/p?q=" + "\u0000\r\n\ud800🌲".repeat(10_000);
    List<Attempt> odd =
        List.of(
            new Attempt(null, null, null, null, -1, null, null, null),
            new Attempt(
                Optional.empty(),
                Optional.of("x".repeat(5_000)),
                "PROPFIND-EXTENDED-METHOD",
                huge,
                1_000_000,
                Outcome.DENIED,
                "x".repeat(10_000),
                huge),
            new Attempt(
                Optional.of(ALICE),
                Optional.of(""),
                "",
                "",
                Integer.MIN_VALUE,
                Outcome.ALLOWED,
                "",
                ""));
    for (Attempt a : odd) {
      assertThatCode(() -> log.record(a)).doesNotThrowAnyException();
    }
    assertThatCode(() -> log.record(null)).doesNotThrowAnyException();

    List<AccessRecord> kept = all();
    assertThat(kept).hasSize(4);
    AccessRecord empty = kept.get(0);
    assertThat(empty.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(empty.status()).isZero();
    assertThat(empty.method()).isEmpty();
    assertThat(empty.path()).isEmpty();
    assertThat(empty.credentialId()).isEmpty();
    AccessRecord clipped = kept.get(1);
    assertThat(clipped.status()).isZero();
    assertThat(clipped.method()).hasSize(AccessRecord.MAX_METHOD).endsWith("…");
    assertThat(clipped.path().length()).isLessThanOrEqualTo(AccessRecord.MAX_PATH);
    assertThat(clipped.path()).startsWith("/p?q=\uFFFD\uFFFD\uFFFD\uFFFD🌲").endsWith("…");
    assertThat(clipped.detail().length()).isLessThanOrEqualTo(AccessRecord.MAX_DETAIL);
    assertThat(clipped.credentialId().orElseThrow()).hasSize(AccessRecord.MAX_CREDENTIAL_ID);
    assertThat(clipped.clientAddress()).hasSize(AccessRecord.MAX_CLIENT_ADDRESS);
    assertThat(kept.get(2).credentialId()).isEmpty();
    assertThat(kept.get(2).status()).isZero();
    assertThat(kept.get(3).detail()).isEqualTo("no attempt was given");
  }

  @Test
  void givenRequestWhoseUseCaseIsRefused_itsAccessRecordStays() {
    Principal stranger = Principal.of("dev-mallory", "elsewhere", org.ogcr.port.in.Role.DEVELOPER);
    assertThatThrownBy(
            () ->
                t.adapters
                    .ports()
                    .unitOfWork()
                    .transact(
                        () -> {
                          log.record(
                              get(stranger, "/projects/nulhegan-forest", 403, Outcome.DENIED));
                          return r.projects()
                              .submit(
                                  new SubmitProject(
                                      stranger,
                                      new ProjectId("nulhegan-forest"),
                                      TestRegistry.document("nulhegan-forest.pdd.json")));
                        }))
        .isInstanceOf(DomainException.class);
    assertThat(all()).extracting(AccessRecord::path).containsExactly("/projects/nulhegan-forest");
    assertThat(r.projects().find(new ProjectId("nulhegan-forest"))).isEmpty();
  }

  @Test
  void givenRecordsOfSeveralActorsAndTimes_read_filtersThem_andPagesByCursor() {
    Instant start = t.clock.now();
    for (int i = 0; i < 6; i++) {
      log.record(get(i % 2 == 0 ? ALICE : OPERATOR, "/r/" + i, 200, Outcome.ALLOWED));
      log.record(get(null, "/r/" + i, 401, Outcome.FAILED));
      t.clock.advance(Duration.ofMinutes(1));
    }
    assertThat(
            log.read(ADMIN, AccessQuery.ALL.withActor(ALICE.actor()), KeysetRequest.first(10))
                .items())
        .extracting(AccessRecord::path)
        .containsExactly("/r/0", "/r/2", "/r/4");
    assertThat(
            log.read(
                    ADMIN,
                    AccessQuery.ALL
                        .withOutcome(Outcome.FAILED)
                        .between(start.plusSeconds(60), start.plusSeconds(180)),
                    KeysetRequest.first(10))
                .items())
        .extracting(AccessRecord::path)
        .containsExactly("/r/1", "/r/2");
    KeysetPage<AccessRecord> page = log.read(AUDITOR, AccessQuery.ALL, KeysetRequest.first(5));
    assertThat(page.items()).hasSize(5);
    KeysetPage<AccessRecord> rest =
        log.read(AUDITOR, AccessQuery.ALL, new KeysetRequest(page.next(), 100));
    assertThat(rest.items()).hasSize(7);
    assertThat(rest.next()).isEmpty();
  }

  @Test
  void givenNeitherAdministratorNorAuditor_read_isRefused_andTheDenialIsAudited() {
    log.record(get(ALICE, "/projects", 200, Outcome.ALLOWED));
    for (Principal who : List.of(ALICE, OPERATOR)) {
      assertThatThrownBy(() -> log.read(who, AccessQuery.ALL, KeysetRequest.first(10)))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e -> {
                assertThat(e.code()).isEqualTo("role_required");
                assertThat(e.getMessage()).contains("administrator or auditor");
              });
      AuditEntry denial = lastAudit().entry();
      assertThat(denial.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
      assertThat(denial.action()).isEqualTo("access_log.read");
      assertThat(denial.actor()).isEqualTo(who.actor());
    }
  }

  @Test
  void givenAdministrator_purgeBefore_removesOlderRecords_andIsAudited_whileOthersAreRefused() {
    log.record(get(ALICE, "/old", 200, Outcome.ALLOWED));
    t.clock.advance(Duration.ofDays(90));
    Instant cutoff = t.clock.now();
    log.record(get(ALICE, "/new", 200, Outcome.ALLOWED));

    assertThatThrownBy(() -> log.purgeBefore(AUDITOR, cutoff))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("role_required"));
    assertThat(lastAudit().entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(all()).hasSize(2);

    assertThat(log.purgeBefore(ADMIN, cutoff)).isEqualTo(1);
    AuditEntry purge = lastAudit().entry();
    assertThat(purge.action()).isEqualTo("access_log.purge");
    assertThat(purge.outcome()).isEqualTo(AuditEntry.Outcome.ALLOWED);
    assertThat(purge.detail()).contains(cutoff.toString());
    assertThat(all()).extracting(AccessRecord::path).containsExactly("/new");
  }
}
