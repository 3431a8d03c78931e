package org.ogcr.adapter.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The databases the adapter's tests run on: one H2 in memory and one real PostgreSQL 17 (embedded
 * from Maven, started once per test JVM), each migrated once and emptied before every use.
 */
public final class TestDatabases {

  private static JdbcDatabase h2;
  private static EmbeddedPostgres postgresServer;
  private static JdbcDatabase postgres;

  /** Tables in an order that empties children before parents. */
  private static final List<String> TABLES =
      List.of(
          "credit_events",
          "credit_blocks",
          "issuances",
          "accounts",
          "property_files",
          "reports",
          "pdd_versions",
          "projects",
          "methodologies",
          "documents",
          "attestations",
          "audit_log",
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
          "chain_blocks",
          "chain_logs",
          "chain_tokens");

  private TestDatabases() {}

  /** The H2 database, empty. */
  public static synchronized JdbcDatabase h2() {
    if (h2 == null) {
      h2 = JdbcDatabase.h2Memory("ogcr-test");
    }
    return empty(h2);
  }

  /** The PostgreSQL database, empty. */
  public static synchronized JdbcDatabase postgres() {
    if (postgres == null) {
      try {
        postgresServer = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgresServer.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting; the temporary cluster is removed with it
                    }
                  }));
      postgres = JdbcDatabase.open(postgresServer.getPostgresDatabase());
    }
    return empty(postgres);
  }

  /** A new, empty PostgreSQL database on the same server, migrated by opening it. */
  public static synchronized JdbcDatabase freshPostgres(String name) {
    postgres();
    postgres.jdbi().useHandle(h -> h.execute("create database " + name));
    return JdbcDatabase.open(postgresServer.getDatabase("postgres", name));
  }

  /** Both, by name, for parameterised tests. */
  public static JdbcDatabase named(Engine engine) {
    return engine == Engine.H2 ? h2() : postgres();
  }

  private static JdbcDatabase empty(JdbcDatabase db) {
    db.jdbi()
        .useHandle(
            h -> {
              for (String table : TABLES) {
                h.execute("delete from " + table);
              }
              h.execute(
                  "update audit_head set sequence = 0, hash ="
                      + " '0000000000000000000000000000000000000000000000000000000000000000'");
              h.execute("update chain_head set number = -1, hash = ''");
            });
    return db;
  }
}
