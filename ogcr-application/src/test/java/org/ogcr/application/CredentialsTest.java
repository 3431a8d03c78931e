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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.adapter.inmemory.InMemoryAdapters;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.AccessDeniedException;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.in.CredentialUseCases.IssueCredential;
import org.ogcr.port.in.CredentialUseCases.IssuedCredential;
import org.ogcr.port.in.CredentialUseCases.RevokeCredential;
import org.ogcr.port.in.CredentialView;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.Scopes;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetRequest;

/**
 * Credentials: issued by administrators with their key shown once, only the secret's hash kept,
 * keys checked in constant time and refused when wrong, unknown, revoked or expired, refusals in
 * the access log, decisions in the audit log, and the first administrator's credential issued
 * exactly once.
 */
class CredentialsTest {

  static final Pattern KEY = Pattern.compile("ogcr_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
  static final OrganisationId TRUST = new OrganisationId("northwoods-trust");

  TestRegistry t;
  Registry r;
  CredentialUseCases credentials;

  @BeforeEach
  void setUp() {
    t = TestRegistry.create();
    r = t.registry;
    credentials = r.credentials();
  }

  private IssueCredential forAlice(Principal by) {
    return new IssueCredential(
        by,
        ALICE.actor(),
        ALICE.organisation(),
        EnumSet.of(Role.DEVELOPER, Role.HOLDER),
        Set.of(Scopes.PROJECTS_WRITE, Scopes.CREDITS_READ),
        "Alice's CI pipeline",
        120,
        Optional.empty());
  }

  private IssueCredential forAlice(Function<IssueCredential, IssueCredential> change) {
    return change.apply(forAlice(ADMIN));
  }

  private ChainedEntry lastAudit() {
    return t.adapters.ports().audit().head().orElseThrow();
  }

  private List<AccessRecord> accessLog() {
    return r.accessLog().read(ADMIN, AccessQuery.ALL, KeysetRequest.first(1000)).items();
  }

  private static String secretOf(IssuedCredential issued) {
    var m = KEY.matcher(issued.key());
    assertThat(m.matches()).isTrue();
    return m.group(2);
  }

  @Test
  void givenAdministrator_issue_showsTheKeyOnce_storesOnlyItsHash_andTheKeyAuthenticates() {
    IssuedCredential issued = credentials.issue(forAlice(ADMIN));

    CredentialView view = issued.credential();
    assertThat(issued.key()).matches(KEY).startsWith("ogcr_" + view.id() + "_");
    assertThat(issued.key()).endsWith("_" + issued.secret());
    assertThat(issued.toString()).doesNotContain(issued.secret());
    assertThat(view.actor()).isEqualTo(ALICE.actor());
    assertThat(view.organisation()).isEqualTo(ALICE.organisation());
    assertThat(view.roles()).containsExactlyInAnyOrder(Role.DEVELOPER, Role.HOLDER);
    assertThat(view.scopes()).containsExactly(Scopes.CREDITS_READ, Scopes.PROJECTS_WRITE);
    assertThat(view.createdAt()).isEqualTo(t.clock.now());
    assertThat(view.createdBy()).isEqualTo(ADMIN.actor());
    assertThat(view.revoked()).isFalse();
    assertThat(view.version()).isEqualTo(1);

    Credential stored = t.adapters.ports().credentials().find(view.id()).orElseThrow();
    assertThat(CredentialView.of(stored)).isEqualTo(view);
    assertThat(stored.secretHash())
        .matches("[0-9a-f]{64}")
        .isEqualTo(CredentialService.sha256Hex(issued.secret()))
        .doesNotContain(issued.secret());
    assertThat(stored.toString()).doesNotContain(stored.secretHash());

    // the key is never shown again: not by list or find, not in the audit
    assertThat(credentials.list(ADMIN, Optional.empty())).containsExactly(view);
    assertThat(credentials.find(ADMIN, view.id())).contains(view);
    AuditEntry decision = lastAudit().entry();
    assertThat(decision.outcome()).isEqualTo(AuditEntry.Outcome.ALLOWED);
    assertThat(decision.action()).isEqualTo("credential.issue");
    assertThat(decision.detail()).contains(view.id()).doesNotContain(issued.secret());

    Credential authenticated = credentials.authenticate(issued.key()).orElseThrow();
    assertThat(authenticated).isEqualTo(stored);
    assertThat(authenticated.principal())
        .isEqualTo(
            new Principal(
                ALICE.actor(), ALICE.organisation(), Set.of(Role.DEVELOPER, Role.HOLDER)));
    assertThat(credentials.authenticateClient(view.id(), issued.secret())).contains(stored);
    assertThat(credentials.active(view.id())).contains(stored);
    assertThat(credentials.active("aaaaaaaaaaaaaaaa")).isEmpty();
    assertThat(credentials.active(null)).isEmpty();
    assertThat(accessLog()).isEmpty();
  }

  @Test
  void givenTwoIssues_eachGetsItsOwnIdAndSecret() {
    IssuedCredential one = credentials.issue(forAlice(ADMIN));
    IssuedCredential two = credentials.issue(forAlice(ADMIN));
    assertThat(one.credential().id()).isNotEqualTo(two.credential().id());
    assertThat(one.secret()).isNotEqualTo(two.secret());
    assertThat(credentials.authenticate(one.key()).orElseThrow().id())
        .isEqualTo(one.credential().id());
    assertThat(credentials.authenticate(two.key()).orElseThrow().id())
        .isEqualTo(two.credential().id());
  }

  @Test
  void givenWrongSecretOrUnknownId_authenticate_refuses_andTheAccessLogNamesTheCredential() {
    IssuedCredential issued = credentials.issue(forAlice(ADMIN));
    String id = issued.credential().id();
    String secret = secretOf(issued);
    String otherSecret =
        secret.charAt(0) == 'A' ? "B" + secret.substring(1) : "A" + secret.substring(1);
    String unknown = id.charAt(0) == 'a' ? "b" + id.substring(1) : "a" + id.substring(1);

    assertThat(credentials.authenticate("ogcr_" + id + "_" + otherSecret)).isEmpty();
    assertThat(credentials.authenticate("ogcr_" + unknown + "_" + secret)).isEmpty();
    assertThat(credentials.authenticateClient(id, otherSecret)).isEmpty();
    assertThat(credentials.authenticateClient(unknown, secret)).isEmpty();

    assertThat(accessLog())
        .extracting(AccessRecord::credentialId, AccessRecord::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Optional.of(id), "api key refused: wrong secret"),
            org.assertj.core.groups.Tuple.tuple(
                Optional.of(unknown), "api key refused: unknown credential"),
            org.assertj.core.groups.Tuple.tuple(
                Optional.of(id), "oauth client refused: wrong secret"),
            org.assertj.core.groups.Tuple.tuple(
                Optional.of(unknown), "oauth client refused: unknown credential"));
    assertThat(accessLog())
        .allSatisfy(
            a -> {
              assertThat(a.outcome()).isEqualTo(AccessRecord.Outcome.FAILED);
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.actor()).isEmpty();
              assertThat(a.at()).isEqualTo(t.clock.now());
              assertThat(a.detail()).doesNotContain(secret);
            });
  }

  @Test
  void givenRevokedCredential_itNeverAuthenticatesAgain_andRevokingAgainIsRefused() {
    IssuedCredential issued = credentials.issue(forAlice(ADMIN));
    String id = issued.credential().id();
    t.clock.advance(Duration.ofMinutes(5));

    CredentialView revoked = credentials.revoke(new RevokeCredential(ADMIN, id, "laptop stolen"));

    assertThat(revoked.revokedAt()).contains(t.clock.now());
    assertThat(revoked.revokedBy()).contains(ADMIN.actor());
    assertThat(revoked.version()).isEqualTo(2);
    assertThat(lastAudit().entry().action()).isEqualTo("credential.revoke");
    assertThat(lastAudit().entry().resource()).isEqualTo("credential/" + id);
    assertThat(lastAudit().entry().detail()).contains("laptop stolen");
    assertThat(credentials.authenticate(issued.key())).isEmpty();
    assertThat(credentials.authenticateClient(id, issued.secret())).isEmpty();
    assertThat(accessLog())
        .extracting(AccessRecord::detail)
        .allMatch(d -> d.contains("refused: revoked at " + t.clock.now()));

    assertThat(credentials.active(id)).isEmpty();

    long audited = lastAudit().sequence();
    assertThatThrownBy(() -> credentials.revoke(new RevokeCredential(ADMIN, id, "again")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("credential_revoked"));
    assertThat(lastAudit().sequence()).isEqualTo(audited + 1);
    assertThat(lastAudit().entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(credentials.find(ADMIN, id)).contains(revoked);
  }

  @Test
  void givenUnknownOrMalformedId_revoke_isRefused_andTheDenialAudited() {
    assertThatThrownBy(
            () -> credentials.revoke(new RevokeCredential(ADMIN, "aaaaaaaaaaaaaaaa", "why")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    assertThat(lastAudit().entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(lastAudit().entry().resource()).isEqualTo("credential/aaaaaaaaaaaaaaaa");
    assertThatThrownBy(
            () -> credentials.revoke(new RevokeCredential(ADMIN, "../etc/passwd\u0000", "why")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("credentialId"));
    assertThat(lastAudit().entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    assertThat(lastAudit().entry().resource()).isEqualTo("credentials");
    IssuedCredential issued = credentials.issue(forAlice(ADMIN));
    assertThatThrownBy(
            () -> credentials.revoke(new RevokeCredential(ADMIN, issued.credential().id(), " ")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThat(credentials.authenticate(issued.key())).isPresent();
  }

  @Test
  void givenExpiry_theCredentialAuthenticatesUntilThen_andNeverAfter() {
    Instant expiry = t.clock.now().plus(Duration.ofDays(30));
    IssuedCredential issued =
        credentials.issue(
            forAlice(
                c ->
                    new IssueCredential(
                        c.principal(),
                        c.actor(),
                        c.organisation(),
                        c.roles(),
                        c.scopes(),
                        c.label(),
                        c.ratePerMinute(),
                        Optional.of(expiry))));
    assertThat(issued.credential().expiresAt()).contains(expiry);
    t.clock.advance(Duration.ofDays(30).minusNanos(1_000));
    assertThat(credentials.authenticate(issued.key())).isPresent();
    assertThat(credentials.active(issued.credential().id())).isPresent();
    t.clock.advance(Duration.ofNanos(1_000));
    assertThat(credentials.active(issued.credential().id())).isEmpty();
    assertThat(credentials.authenticate(issued.key())).isEmpty();
    assertThat(credentials.authenticateClient(issued.credential().id(), issued.secret())).isEmpty();
    assertThat(accessLog())
        .extracting(AccessRecord::detail)
        .containsExactly(
            "api key refused: expired at " + expiry, "oauth client refused: expired at " + expiry);
  }

  @Test
  void givenMalformedKeys_authenticate_isEmpty_withoutAnException_andLogsOnlyWellFormedIds() {
    IssuedCredential issued = credentials.issue(forAlice(ADMIN));
    String id = issued.credential().id();
    String key = issued.key();
    List<String> malformed = new ArrayList<>();
    malformed.add(null);
    malformed.addAll(
        List.of(
            "",
            " ",
            "ogcr_",
            "ogcr__",
            "Bearer " + key,
            key + " ",
            " " + key,
            key.toUpperCase(java.util.Locale.ROOT),
            "OGCR_" + key.substring(5),
            "ogcr-" + key.substring(5),
            key.substring(0, key.length() - 1),
            key + "A",
            key.replace('_', '\u0000'),
            "ogcr_" + id + "_\ud800" + "x".repeat(42),
            "ogcr_" + id.substring(1) + "_" + issued.secret(),
            "ogcr_" + "🌲".repeat(8) + "_" + issued.secret(),
            "x".repeat(1_000_000),
            key + "x".repeat(1_000_000)));
    for (String m : malformed) {
      assertThatCode(() -> assertThat(credentials.authenticate(m)).isEmpty())
          .as("%s", m == null ? "null" : m.substring(0, Math.min(m.length(), 80)))
          .doesNotThrowAnyException();
    }
    for (String[] client :
        new String[][] {
          {null, null},
          {id, null},
          {null, issued.secret()},
          {"", ""},
          {id.toUpperCase(java.util.Locale.ROOT), issued.secret()},
          {id, issued.secret() + "A"},
          {id, ""},
          {id, "\u0000".repeat(43)},
          {"x".repeat(100_000), issued.secret()}
        }) {
      assertThatCode(
              () -> assertThat(credentials.authenticateClient(client[0], client[1])).isEmpty())
          .doesNotThrowAnyException();
    }
    // attempts that name the credential's id are logged as such; the rest name nothing to log
    assertThat(accessLog())
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.credentialId()).contains(id);
              assertThat(a.outcome()).isEqualTo(AccessRecord.Outcome.FAILED);
            });
    assertThat(credentials.authenticate(key)).isPresent();
  }

  @Test
  void givenNonAdministrator_issueRevokeListAndFind_areRefused_andEachDenialIsAudited() {
    IssuedCredential issued = credentials.issue(forAlice(ADMIN));
    String id = issued.credential().id();
    for (Principal who : List.of(OPERATOR, AUDITOR, ALICE)) {
      long before = lastAudit().sequence();
      List<Runnable> calls =
          List.of(
              () -> credentials.issue(forAlice(who)),
              () -> credentials.revoke(new RevokeCredential(who, id, "why")),
              () -> credentials.list(who, Optional.empty()),
              () -> credentials.find(who, id));
      for (Runnable call : calls) {
        assertThatThrownBy(call::run)
            .isInstanceOfSatisfying(
                AccessDeniedException.class,
                e -> {
                  assertThat(e.code()).isEqualTo("role_required");
                  assertThat(e.getMessage()).contains("administrator");
                });
      }
      List<ChainedEntry> denials = t.adapters.ports().audit().read(before + 1, 100);
      assertThat(denials)
          .extracting(e -> e.entry().action())
          .containsExactly(
              "credential.issue", "credential.revoke", "credential.list", "credential.find");
      assertThat(denials)
          .allSatisfy(
              e -> {
                assertThat(e.entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
                assertThat(e.entry().actor()).isEqualTo(who.actor());
                assertThat(e.entry().detail()).startsWith("role_required: ");
              });
    }
    assertThat(t.adapters.ports().credentials().count()).isEqualTo(1);
    assertThat(credentials.authenticate(issued.key())).isPresent();
    assertThat(r.audit().verifyChain()).isEmpty();
  }

  @Test
  void givenActorNotListedUnderTheOrganisation_issue_isRefusedAsIdentityMismatch() {
    for (IssueCredential wrong :
        List.of(
            forAlice(
                c ->
                    new IssueCredential(
                        ADMIN,
                        new ActorId("dev-nobody"),
                        TRUST,
                        c.roles(),
                        c.scopes(),
                        c.label(),
                        1,
                        Optional.empty())),
            forAlice(
                c ->
                    new IssueCredential(
                        ADMIN,
                        ALICE.actor(),
                        new OrganisationId("registry"),
                        c.roles(),
                        c.scopes(),
                        c.label(),
                        1,
                        Optional.empty())))) {
      assertThatThrownBy(() -> credentials.issue(wrong))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e -> assertThat(e.code()).isEqualTo("identity_mismatch"));
      assertThat(lastAudit().entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
      assertThat(lastAudit().entry().detail()).startsWith("identity_mismatch: ");
    }
    assertThat(t.adapters.ports().credentials().count()).isZero();
  }

  @Test
  void givenInvalidScopeLabelRateOrExpiry_issue_isRefusedAsInvalid_andNothingIsStored() {
    Instant now = t.clock.now();
    List<IssueCredential> invalid =
        List.of(
            forAlice(c -> with(c, Set.of("projects:delete"), c.label(), 1, Optional.empty())),
            forAlice(c -> with(c, Set.of("PROJECTS:WRITE"), c.label(), 1, Optional.empty())),
            forAlice(c -> with(c, Set.of(), c.label(), 1, Optional.empty())),
            forAlice(c -> with(c, c.scopes(), " ", 1, Optional.empty())),
            forAlice(c -> with(c, c.scopes(), "x".repeat(257), 1, Optional.empty())),
            forAlice(c -> with(c, c.scopes(), "tab\there", 1, Optional.empty())),
            forAlice(c -> with(c, c.scopes(), "label", 0, Optional.empty())),
            forAlice(c -> with(c, c.scopes(), "label", -5, Optional.empty())),
            forAlice(c -> with(c, c.scopes(), "label", 1, Optional.of(now))),
            forAlice(c -> with(c, c.scopes(), "label", 1, Optional.of(now.minusSeconds(1)))));
    for (IssueCredential c : invalid) {
      long before = lastAudit().sequence();
      assertThatThrownBy(() -> credentials.issue(c))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_value"));
      assertThat(lastAudit().sequence()).isEqualTo(before + 1);
      assertThat(lastAudit().entry().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
    }
    assertThat(t.adapters.ports().credentials().count()).isZero();
  }

  private static IssueCredential with(
      IssueCredential c, Set<String> scopes, String label, int rate, Optional<Instant> expiry) {
    return new IssueCredential(
        c.principal(), c.actor(), c.organisation(), c.roles(), scopes, label, rate, expiry);
  }

  @Test
  void givenCredentialsOfTwoOrganisations_list_returnsThemInIdOrder_allOrOfOne() {
    IssuedCredential alices = credentials.issue(forAlice(ADMIN));
    IssuedCredential admins =
        credentials.issue(
            new IssueCredential(
                ADMIN,
                ADMIN.actor(),
                ADMIN.organisation(),
                Set.of(Role.ADMINISTRATOR),
                Set.of(Scopes.ADMIN),
                "ops",
                60,
                Optional.empty()));
    assertThat(credentials.list(ADMIN, Optional.empty()))
        .extracting(CredentialView::id)
        .containsExactlyElementsOf(
            new java.util.TreeSet<>(List.of(alices.credential().id(), admins.credential().id())));
    assertThat(credentials.list(ADMIN, Optional.of(TRUST))).containsExactly(alices.credential());
    assertThat(credentials.find(ADMIN, "not-an-id")).isEmpty();
    assertThat(credentials.find(ADMIN, "aaaaaaaaaaaaaaaa")).isEmpty();
  }

  @Test
  void givenNoCredential_bootstrap_issuesTheFirstAdministratorsCredentialOnce() {
    ActorId root = new ActorId("admin-root");
    OrganisationId registry = new OrganisationId("registry");
    IssuedCredential first = credentials.bootstrap(root, registry).orElseThrow();

    CredentialView c = first.credential();
    assertThat(c.actor()).isEqualTo(root);
    assertThat(c.organisation()).isEqualTo(registry);
    assertThat(c.roles()).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.OPERATOR);
    assertThat(c.scopes()).containsExactlyElementsOf(Scopes.ALL);
    assertThat(c.label()).isEqualTo("first administrator");
    assertThat(c.ratePerMinute()).isEqualTo(CredentialUseCases.BOOTSTRAP_RATE_PER_MINUTE);
    assertThat(c.expiresAt()).isEmpty();
    assertThat(c.createdBy()).isEqualTo(root);
    AuditEntry audited = lastAudit().entry();
    assertThat(audited.action()).isEqualTo("credential.bootstrap");
    assertThat(audited.outcome()).isEqualTo(AuditEntry.Outcome.ALLOWED);
    assertThat(audited.actor()).isEqualTo(root);
    assertThat(audited.resource()).isEqualTo("credential/" + c.id());
    assertThat(audited.detail()).doesNotContain(first.secret());

    Credential authenticated = credentials.authenticate(first.key()).orElseThrow();
    assertThat(authenticated.principal().has(Role.ADMINISTRATOR)).isTrue();
    assertThat(authenticated.hasScope(Scopes.ADMIN)).isTrue();
    // the credential's principal administers credentials
    assertThat(credentials.list(authenticated.principal(), Optional.empty())).containsExactly(c);

    long audit = lastAudit().sequence();
    assertThat(credentials.bootstrap(root, registry)).isEmpty();
    assertThat(credentials.bootstrap(new ActorId("admin-other"), registry)).isEmpty();
    credentials.revoke(new RevokeCredential(ADMIN, c.id(), "rotated"));
    assertThat(credentials.bootstrap(root, registry)).isEmpty();
    assertThat(t.adapters.ports().credentials().count()).isEqualTo(1);
    assertThat(lastAudit().sequence()).isEqualTo(audit + 1);
  }

  @Test
  void givenAnyCredential_bootstrap_issuesNothing() {
    credentials.issue(forAlice(ADMIN));
    assertThat(credentials.bootstrap(ADMIN.actor(), ADMIN.organisation())).isEmpty();
    assertThat(t.adapters.ports().credentials().count()).isEqualTo(1);
  }

  @Test
  void givenTwoRegistriesOverOneStoreStartingTogether_bootstrap_issuesExactlyOneCredential()
      throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T00:00:00Z"));
    InMemoryAdapters adapters = InMemoryAdapters.create(clock, JsonDocumentReader.withDefaults());
    Registry one = Registry.start(adapters.ports(), RegistrySettings.defaults());
    Registry two = Registry.start(adapters.ports(), RegistrySettings.defaults());
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Optional<IssuedCredential>> outcomes = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Optional<IssuedCredential>>> started = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Registry registry = i % 2 == 0 ? one : two;
        started.add(
            pool.submit(
                () -> {
                  go.await();
                  return registry
                      .credentials()
                      .bootstrap(new ActorId("admin-root"), new OrganisationId("registry"));
                }));
      }
      go.countDown();
      for (Future<Optional<IssuedCredential>> f : started) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(adapters.ports().credentials().count()).isEqualTo(1);
    assertThat(
            adapters.ports().audit().read(1, 100).stream()
                .filter(e -> e.entry().action().equals("credential.bootstrap")))
        .hasSize(1);
    IssuedCredential issued = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
    assertThat(two.credentials().authenticate(issued.key())).isPresent();
  }
}
