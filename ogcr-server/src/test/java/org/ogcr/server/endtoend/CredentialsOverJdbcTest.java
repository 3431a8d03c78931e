package org.ogcr.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.adapter.inmemory.InMemoryCreditLedger;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.jdbc.JdbcAdapters;
import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.CredentialUseCases.IssuedCredential;
import org.ogcr.port.model.AccessQuery;
import org.ogcr.port.model.AccessRecord;
import org.ogcr.port.model.KeysetRequest;

/**
 * The first administrator's credential over the JDBC adapter: several registry instances, each with
 * its own database handle as separate server processes would have, start together on an empty
 * database and bootstrap at once; exactly one credential is issued, on PostgreSQL and on an H2 file
 * database, and it authenticates on every instance.
 */
class CredentialsOverJdbcTest {

  static final ActorId ROOT = new ActorId("admin-root");
  static final OrganisationId REGISTRY = new OrganisationId("registry");

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void instancesBootstrappingTogetherOnPostgresqlIssueExactlyOneCredential() throws Exception {
    String name = "fresh_" + System.nanoTime();
    try (var c = postgres.getPostgresDatabase().getConnection();
        var st = c.createStatement()) {
      st.execute("create database " + name);
    }
    DataSource ds = postgres.getDatabase("postgres", name);
    assertBootstrapsOnce(() -> JdbcDatabase.open(ds));
  }

  @Test
  void instancesBootstrappingTogetherOnAnH2FileIssueExactlyOneCredential(@TempDir Path data)
      throws Exception {
    assertBootstrapsOnce(() -> JdbcDatabase.h2File(data));
  }

  private static void assertBootstrapsOnce(Supplier<JdbcDatabase> open) throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
    List<Registry> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(
          Registry.start(
              JdbcAdapters.create(
                      open.get(),
                      clock,
                      new InMemoryCreditLedger(),
                      JsonDocumentReader.withDefaults())
                  .ports(),
              RegistrySettings.defaults()));
    }
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Optional<IssuedCredential>> outcomes = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Optional<IssuedCredential>>> sent = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Registry r = instances.get(i % instances.size());
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return r.credentials().bootstrap(ROOT, REGISTRY);
                }));
      }
      go.countDown();
      for (Future<Optional<IssuedCredential>> f : sent) {
        outcomes.add(f.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
    IssuedCredential issued = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow();
    for (Registry r : instances) {
      Credential c = r.credentials().authenticate(issued.key()).orElseThrow();
      assertThat(c.id()).isEqualTo(issued.credential().id());
      assertThat(r.credentials().list(c.principal(), Optional.empty()))
          .containsExactly(issued.credential());
    }
    Registry any = instances.get(0);
    List<ChainedEntry> audit = any.audit().entries(1, 10_000);
    assertThat(audit).filteredOn(e -> e.entry().action().equals("credential.bootstrap")).hasSize(1);
    assertThat(any.audit().verifyChain()).isEmpty();

    // a wrong secret is refused and logged on the access log, outside any transaction
    String wrong = issued.key().substring(0, issued.key().length() - 1) + "A";
    if (wrong.equals(issued.key())) {
      wrong = issued.key().substring(0, issued.key().length() - 1) + "B";
    }
    assertThat(instances.get(1).credentials().authenticate(wrong)).isEmpty();
    Credential admin = any.credentials().authenticate(issued.key()).orElseThrow();
    List<AccessRecord> log =
        any.accessLog()
            .read(
                admin.principal(),
                AccessQuery.ALL.withCredential(admin.id()),
                KeysetRequest.first(10))
            .items();
    assertThat(log).hasSize(1);
    assertThat(log.get(0).outcome()).isEqualTo(AccessRecord.Outcome.FAILED);
    assertThat(log.get(0).detail()).isEqualTo("api key refused: wrong secret");
  }
}
