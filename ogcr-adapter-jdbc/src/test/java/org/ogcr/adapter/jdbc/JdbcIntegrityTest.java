package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.POOL;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.block;
import static org.ogcr.port.out.Fixtures.issuance;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.port.model.IssuanceRecord;

/** The invariant queries find a clean record clean, and find each kind of corruption. */
class JdbcIntegrityTest {

  /** One issued issuance of 429 units as two blocks, 1–394 and 395–429. */
  private static JdbcDatabase issued(JdbcDatabase db) {
    IssuanceRecord record = issuance("iss-1", 1).issued(T0, DocumentHash.sha256("receipt")).build();
    assertThat(record.split().total()).isEqualTo(429);
    new JdbcIssuanceStore(db.unitOfWork()).insert(record);
    new JdbcCreditBlockStore(db.unitOfWork())
        .insertIssuance(
            List.of(
                block("iss-1", 1, 394, LLC, CreditStatus.ISSUED),
                block("iss-1", 395, 429, POOL, CreditStatus.ISSUED)));
    return db;
  }

  private static void checkCleanThenLostBlock(JdbcDatabase db) {
    JdbcIntegrity integrity = new JdbcIntegrity(issued(db));
    assertThat(integrity.supply()).isEmpty();
    assertThat(integrity.coverage()).isEmpty();

    db.jdbi().useHandle(h -> h.execute("delete from credit_blocks where first_serial = 395"));

    assertThat(integrity.supply())
        .containsExactly(new JdbcIntegrity.SupplyViolation("iss-1", 429, 394));
    assertThat(integrity.coverage())
        .containsExactly(new JdbcIntegrity.CoverageViolation("iss-1", 395, 430));
  }

  @Test
  void onH2_aLostBlockBreaksSupplyAndCoverage() {
    checkCleanThenLostBlock(TestDatabases.h2());
  }

  @Test
  void onPostgres_aLostBlockBreaksSupplyAndCoverage() {
    checkCleanThenLostBlock(TestDatabases.postgres());
  }

  @Test
  void onH2_anOverlappingBlockWrittenBehindTheStoresBackIsFound() {
    JdbcDatabase db = issued(TestDatabases.h2());
    // H2 has no exclusion constraint: only the stores' locking keeps blocks apart there
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into credit_blocks (issuance_id, first_serial, last_serial, owner,"
                        + " status) values ('iss-1', 390, 400, 'buyer-1', 'HELD')"));
    JdbcIntegrity integrity = new JdbcIntegrity(db);
    assertThat(integrity.supply()).extracting(v -> v.inBlocks()).containsExactly(440L);
    assertThat(integrity.coverage())
        .contains(new JdbcIntegrity.CoverageViolation("iss-1", 395, 390));
  }

  @Test
  void onPostgres_theSchemaItselfRefusesOverlappingBlocks() {
    JdbcDatabase db = issued(TestDatabases.postgres());
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "insert into credit_blocks (issuance_id, first_serial,"
                                    + " last_serial, owner, status)"
                                    + " values ('iss-1', 390, 400, 'buyer-1', 'HELD')")))
        .hasMessageContaining("credit_blocks_no_overlap");
    assertThat(new JdbcIntegrity(db).coverage()).isEmpty();
  }
}
