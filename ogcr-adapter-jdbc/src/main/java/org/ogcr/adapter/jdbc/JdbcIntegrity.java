package org.ogcr.adapter.jdbc;

import java.util.List;
import org.ogcr.domain.common.Require;

/**
 * The registry's invariants as single queries over the stored blocks, for operators and auditors to
 * run at any time (and for the tests to run after every hostile scenario): each returns the
 * issuances that break it, so an empty answer is a clean bill.
 */
public final class JdbcIntegrity {

  /** An issuance whose blocks do not add up to what it issued. */
  public record SupplyViolation(String issuance, long issued, long inBlocks) {}

  /** A place where an issuance's blocks leave a gap, overlap, or overrun its range. */
  public record CoverageViolation(String issuance, long expectedFirst, long actualFirst) {}

  private final JdbcDatabase database;

  public JdbcIntegrity(JdbcDatabase database) {
    this.database = Require.nonNull("database", database);
  }

  /**
   * Supply: for every issued issuance, issued = unsold + held + listed + retired + invalidated,
   * buffer included, i.e. its blocks hold exactly its units.
   */
  public List<SupplyViolation> supply() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select i.id, i.units,"
                            + " coalesce(sum(b.last_serial - b.first_serial + 1), 0) as in_blocks"
                            + " from issuances i left join credit_blocks b on b.issuance_id = i.id"
                            + " where i.status = 'ISSUED'"
                            + " group by i.id, i.units"
                            + " having coalesce(sum(b.last_serial - b.first_serial + 1), 0)"
                            + " <> i.units"
                            + " order by i.id")
                    .map(
                        (rs, ctx) ->
                            new SupplyViolation(
                                rs.getString("id"), rs.getLong("units"), rs.getLong("in_blocks")))
                    .list());
  }

  /**
   * Coverage: every issued issuance's blocks, in serial order, start at 1, follow each other
   * without gap or overlap, and end at its last unit. Each row names where the next block should
   * have started and where it did (the end of the range counts as a block starting at units + 1).
   */
  public List<CoverageViolation> coverage() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select issuance_id, expected_first, actual_first from ("
                            + " select b.issuance_id,"
                            + "  coalesce(lag(b.last_serial) over (partition by b.issuance_id"
                            + "   order by b.first_serial), 0) + 1 as expected_first,"
                            + "  b.first_serial as actual_first"
                            + " from credit_blocks b"
                            + " union all"
                            + " select i.id, coalesce(max(b.last_serial), 0) + 1, i.units + 1"
                            + " from issuances i left join credit_blocks b on b.issuance_id = i.id"
                            + " where i.status = 'ISSUED' group by i.id, i.units"
                            + ") steps where expected_first <> actual_first"
                            + " order by issuance_id, actual_first")
                    .map(
                        (rs, ctx) ->
                            new CoverageViolation(
                                rs.getString("issuance_id"),
                                rs.getLong("expected_first"),
                                rs.getLong("actual_first")))
                    .list());
  }
}
