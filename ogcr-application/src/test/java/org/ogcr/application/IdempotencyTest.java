package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.application.TestRegistry.ALICE;
import static org.ogcr.application.TestRegistry.SIGRUN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.in.IdempotentRequests;
import org.ogcr.port.in.IdempotentRequests.Outcome;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.model.RecordedResponse;

/** Writes sent with an Idempotency-Key run at most once, and a repeat gets the first response. */
class IdempotencyTest {

  static final ProjectId NULHEGAN = CreditLifecycleTest.NULHEGAN;

  TestRegistry t;
  Registry r;
  IdempotentRequests once;
  AtomicInteger runs;

  @BeforeEach
  void setUp() {
    t = TestRegistry.create();
    r = t.registry;
    once = r.idempotency();
    runs = new AtomicInteger();
  }

  /** Submits the Nulhegan project as {@code who}, answering as a REST adapter would. */
  private Supplier<RecordedResponse> submit(Principal who) {
    return () -> {
      runs.incrementAndGet();
      try {
        r.projects()
            .submit(
                new SubmitProject(
                    who, NULHEGAN, TestRegistry.document("nulhegan-forest.pdd.json")));
        return RecordedResponse.of(201, "application/json", "{\"id\":\"nulhegan-forest\"}");
      } catch (DomainException e) {
        return RecordedResponse.of(
            409, "application/problem+json", "{\"code\":\"" + e.code() + "\"}");
      }
    };
  }

  private long auditLength() {
    return t.adapters.ports().audit().head().orElseThrow().sequence();
  }

  @Test
  void givenRepeatWithSameKeyAndRequest_itIsNotRunAgain_andGetsTheFirstResponse() {
    Outcome first = once.once(ALICE, "key-1", "POST /projects sha256:aa", submit(ALICE));
    long audited = auditLength();
    Outcome again = once.once(ALICE, "key-1", "POST /projects sha256:aa", submit(ALICE));

    assertThat(first.replayed()).isFalse();
    assertThat(first.response().status()).isEqualTo(201);
    assertThat(again).isEqualTo(new Outcome(first.response(), true));
    assertThat(runs).hasValue(1);
    assertThat(auditLength()).isEqualTo(audited);
    assertThat(r.projects().find(NULHEGAN)).isPresent();
  }

  @Test
  void givenNewKey_theSameRequestRunsAgain_andTheUseCaseDecides() {
    once.once(ALICE, "key-1", "fp", submit(ALICE));
    Outcome second = once.once(ALICE, "key-2", "fp", submit(ALICE));
    assertThat(runs).hasValue(2);
    assertThat(second.replayed()).isFalse();
    assertThat(second.response().body()).contains("already_exists");
  }

  @Test
  void givenKeyReusedForAnotherRequest_itIsRefused_andNothingRuns() {
    once.once(ALICE, "key-1", "POST /projects sha256:aa", submit(ALICE));
    assertThatThrownBy(() -> once.once(ALICE, "key-1", "POST /projects sha256:bb", submit(ALICE)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo("idempotency_key_reused");
              assertThat(e.getMessage()).contains("key-1").contains("new key");
            });
    assertThat(runs).hasValue(1);
  }

  @Test
  void givenSameKeyFromAnotherActor_itIsAnotherRequest() {
    once.once(SIGRUN, "key-1", "fp", submit(SIGRUN));
    Outcome alice = once.once(ALICE, "key-1", "fp", submit(ALICE));
    assertThat(runs).hasValue(2);
    assertThat(alice.replayed()).isFalse();
  }

  @Test
  void givenRefusedUseCase_theRefusalIsRecordedAndReplayed_andItsDenialStaysAudited() {
    Principal stranger = Principal.of("dev-mallory", "elsewhere", org.ogcr.port.in.Role.DEVELOPER);
    Outcome refused = once.once(stranger, "k", "fp", submit(stranger));
    assertThat(refused.response().status()).isEqualTo(409);
    AuditEntry denial = t.adapters.ports().audit().head().orElseThrow().entry();
    assertThat(denial.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(denial.actor()).isEqualTo(stranger.actor());

    assertThat(once.once(stranger, "k", "fp", submit(stranger)))
        .isEqualTo(new Outcome(refused.response(), true));
    assertThat(runs).hasValue(1);
    assertThat(r.projects().find(NULHEGAN)).isEmpty();
  }

  @Test
  void givenRequestThatThrows_nothingIsRecordedOrChanged_andTheKeyIsFreeForARetry() {
    long audited = auditLength();
    assertThatThrownBy(
            () ->
                once.once(
                    ALICE,
                    "k",
                    "fp",
                    () -> {
                      submit(ALICE).get();
                      throw new IllegalStateException("connection lost");
                    }))
        .hasMessage("connection lost");
    assertThat(r.projects().find(NULHEGAN)).isEmpty();
    assertThat(auditLength()).isEqualTo(audited);
    assertThat(t.adapters.ports().idempotency().find(ALICE.actor(), "k")).isEmpty();

    assertThat(once.once(ALICE, "k", "fp", submit(ALICE)).response().status()).isEqualTo(201);
    assertThat(r.projects().find(NULHEGAN)).isPresent();
  }

  @Test
  void givenServerErrorResponse_itIsReturnedButNotRecorded_soARepeatRunsAgain() {
    Outcome failed =
        once.once(
            ALICE, "k", "fp", () -> RecordedResponse.of(503, "application/problem+json", "{}"));
    assertThat(failed).isEqualTo(new Outcome(failed.response(), false));
    assertThat(t.adapters.ports().idempotency().find(ALICE.actor(), "k")).isEmpty();
    assertThat(once.once(ALICE, "k", "fp", submit(ALICE)).response().status()).isEqualTo(201);
  }

  @Test
  void givenKeyPastItsRetention_itStartsANewRequest_andPurgeForgetsOnlyExpiredKeys() {
    once.once(ALICE, "old", "fp", submit(ALICE));
    t.clock.advance(Duration.ofHours(23));
    once.once(ALICE, "recent", "fp", () -> RecordedResponse.of(200, "", ""));
    t.clock.advance(Duration.ofHours(1).plusSeconds(1));

    Outcome fresh = once.once(ALICE, "old", "another request", submit(ALICE));
    assertThat(fresh.replayed()).isFalse();
    assertThat(fresh.response().body()).contains("already_exists");

    t.clock.advance(Duration.ofHours(24));
    assertThat(once.purgeExpired()).as("only the first, claimed at t + 23 h").isEqualTo(1);
    t.clock.advance(Duration.ofSeconds(1));
    assertThat(once.purgeExpired()).as("the renewed one, claimed at t + 24 h 1 s").isEqualTo(1);
    assertThat(once.purgeExpired()).isZero();
  }

  @Test
  void givenMalformedKeyOrFingerprint_itIsRefusedNamingTheField_andNothingRuns() {
    for (String key : List.of("", "has space", "é", "k".repeat(256))) {
      assertThatThrownBy(() -> once.once(ALICE, key, "fp", submit(ALICE)))
          .isInstanceOfSatisfying(
              InvalidValueException.class,
              e -> assertThat(e.getMessage()).contains("Idempotency-Key"));
    }
    assertThatThrownBy(() -> once.once(ALICE, "k", " ", submit(ALICE)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.getMessage()).contains("fingerprint"));
    assertThat(once.once(ALICE, "k".repeat(255), "fp", submit(ALICE)).replayed()).isFalse();
    assertThat(runs).hasValue(1);
  }

  @Test
  void givenConcurrentRepeats_theRequestRunsOnce_andEveryoneGetsItsResponse() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return once.once(ALICE, "k", "fp", submit(ALICE));
                }));
      }
      start.countDown();
      List<Outcome> got = new ArrayList<>();
      for (Future<Outcome> f : outcomes) {
        got.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(runs).hasValue(1);
      assertThat(got).extracting(o -> o.response().status()).containsOnly(201);
      assertThat(got).filteredOn(o -> !o.replayed()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
