package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The schema comes from the migrations alone, from an empty database, on both engines. */
class MigrationsTest {

  static final Set<String> TABLES =
      Set.of(
          "documents",
          "methodologies",
          "projects",
          "pdd_versions",
          "reports",
          "property_files",
          "accounts",
          "issuances",
          "credit_blocks",
          "credit_events",
          "attestations",
          "audit_log",
          "audit_head",
          "ledger_outbox",
          "serial_sequences",
          "directory",
          "kyc_attestations",
          "idempotency_records",
          "ledger_entries",
          "ledger_head",
          "ledger_blocks",
          "credentials",
          "access_log",
          "locks",
          "chain_head",
          "chain_blocks",
          "chain_logs",
          "chain_tokens");

  private static void migratesFromScratchAndOnlyOnce(JdbcDatabase db) {
    List<String> applied =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select \"version\" from \"flyway_schema_history\""
                                + " where \"success\" order by \"installed_rank\"")
                        .mapTo(String.class)
                        .list());
    assertThat(applied).contains("1", "2", "4", "6", "10").doesNotHaveDuplicates();
    List<String> names =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select lower(table_name) from information_schema.tables"
                                + " where lower(table_schema) = 'public'")
                        .mapTo(String.class)
                        .list());
    Set<String> tables = new TreeSet<>(names);
    assertThat(tables).containsAll(TABLES);

    // opening again applies nothing new
    JdbcDatabase again = JdbcDatabase.open(db.dataSource());
    int after =
        again
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from \"flyway_schema_history\"")
                        .mapTo(Integer.class)
                        .one());
    assertThat(after).isEqualTo(applied.size());
  }

  @Test
  void anEmptyH2DatabaseIsMigratedFromScratch() {
    migratesFromScratchAndOnlyOnce(JdbcDatabase.h2Memory("migrations-" + System.nanoTime()));
  }

  @Test
  void anEmptyPostgresqlDatabaseIsMigratedFromScratch() {
    migratesFromScratchAndOnlyOnce(TestDatabases.freshPostgres("migrations_" + System.nanoTime()));
  }
}
