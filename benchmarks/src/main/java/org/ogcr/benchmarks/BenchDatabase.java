package org.ogcr.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ogcr.adapter.jdbc.JdbcCreditBlockStore;
import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.ogcr.adapter.jdbc.JdbcUnitOfWork;

/**
 * A real PostgreSQL for one benchmark fork (the embedded server the tests use), with the registry's
 * schema migrated, the block store over it, and a table for the per-credit baseline: one row per
 * credit, as a registry that stores credits one by one would.
 */
final class BenchDatabase implements AutoCloseable {

  final EmbeddedPostgres server;
  final JdbcDatabase database;
  final JdbcUnitOfWork uow;
  final JdbcCreditBlockStore blocks;

  BenchDatabase() {
    try {
      server = EmbeddedPostgres.builder().setServerConfig("max_connections", "50").start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL", e);
    }
    // pooled, as the reference server's connections are: a connection per transaction would
    // measure PostgreSQL's connection start-up instead
    database =
        JdbcDatabase.open(new org.ogcr.server.ConnectionPool(server.getPostgresDatabase(), 4));
    uow = database.unitOfWork();
    blocks = new JdbcCreditBlockStore(uow);
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "create table if not exists bench_credits (issuance_id varchar(128) not null,"
                        + " serial bigint not null, owner varchar(128) not null, status"
                        + " varchar(16) not null, primary key (issuance_id, serial))"));
  }

  /**
   * Seeds {@code count} held credit blocks, 1,000 blocks of 10 credits per issuance ({@code
   * seed-000000}, …), held by 1,000 accounts, and updates the planner's statistics.
   */
  void seedBlocks(long count) {
    execute(
        "insert into credit_blocks (issuance_id, first_serial, last_serial, owner, status)"
            + " select 'seed-' || lpad((g / 1000)::text, 6, '0'), (g % 1000) * 10 + 1,"
            + " (g % 1000) * 10 + 10, 'acct-' || (g % 1000), 'HELD'"
            + " from generate_series(0, "
            + (count - 1)
            + ") g");
    execute("analyze credit_blocks");
  }

  /** Runs a statement, e.g. to seed rows with generate_series. */
  void execute(String sql) {
    database.jdbi().useHandle(h -> h.execute(sql));
  }

  long count(String table) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
