package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.out.CreditBlockStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * The current credit blocks in table {@code credit_blocks}: one row per block, keyed by issuance
 * and first serial. Every read goes through that primary key or the owner and status indexes.
 *
 * <p>{@link #replace} is a compare-and-set: it locks the rows of the blocks it removes, deletes
 * each removed block only where it is stored exactly as given (issuance, range, owner, status and
 * provenance), and refuses with {@code stale_blocks} otherwise, rolling back to where it started so
 * that nothing changes. Of two concurrent replaces of the same block, the second waits for the
 * first's lock, then finds the block gone (or is run again by the unit of work after a
 * serialization failure, and then finds it gone). Changes that remove different blocks of one
 * issuance run side by side: they lock only those rows, never the issuance. The blocks of an
 * issuance never overlap: {@link #insertIssuance} refuses overlapping blocks; a {@link BlockChange}
 * adds blocks covering exactly the serials it removes, whose rows it holds locked, so two changes
 * that both succeed add blocks in disjoint spans; and an added block that would overlap a block
 * that stays is refused as stale. On PostgreSQL an exclusion constraint enforces the same in the
 * schema.
 */
public final class JdbcCreditBlockStore implements CreditBlockStore {

  private static final String COLUMNS =
      "issuance_id, first_serial, last_serial, owner, status, replacement_for";

  /** SQLSTATE of a write PostgreSQL's exclusion constraint refused: overlapping blocks. */
  private static final String EXCLUSION_VIOLATION = "23P01";

  private final JdbcUnitOfWork uow;

  public JdbcCreditBlockStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  /**
   * @throws InvalidValueException when the blocks are empty, of several issuances, or overlap
   */
  @Override
  public void insertIssuance(List<CreditBlock> blocks) {
    Require.nonEmpty("blocks", blocks);
    Require.noNulls("blocks", blocks);
    IssuanceId issuance = blocks.get(0).issuance();
    List<CreditBlock> initial = new ArrayList<>(blocks);
    initial.sort(Comparator.comparing(CreditBlock::range));
    for (int i = 0; i < initial.size(); i++) {
      CreditBlock b = initial.get(i);
      if (!b.issuance().equals(issuance)) {
        throw new InvalidValueException("blocks", b, "must all be blocks of issuance " + issuance);
      }
      if (i > 0 && initial.get(i - 1).range().overlaps(b.range())) {
        throw new InvalidValueException("blocks", b, "must not overlap one another");
      }
    }
    try {
      // a savepoint inside a running transaction: a refused insert leaves the caller's work usable
      uow.transact(
          () ->
              uow.withHandle(
                  h -> {
                    lockIssuance(h, issuance);
                    // the issuance's last block, if it has any: one index seek
                    if (blockAtOrBefore(h, issuance, Long.MAX_VALUE).isPresent()) {
                      throw blocksExist(issuance);
                    }
                    insert(h, initial);
                    return null;
                  }));
    } catch (RuntimeException e) {
      if (!(e instanceof StoreConflictException)
          && hasState(e, Sql.UNIQUE_VIOLATION, EXCLUSION_VIOLATION)) {
        // a concurrent insert of the same issuance's blocks committed first
        StoreConflictException refused = blocksExist(issuance);
        refused.initCause(e);
        throw refused;
      }
      throw e;
    }
  }

  private static StoreConflictException blocksExist(IssuanceId issuance) {
    return StoreConflictException.exists("the blocks of issuance " + issuance);
  }

  @Override
  public void replace(BlockChange change) {
    Require.nonNull("change", change);
    IssuanceId issuance = change.removed().get(0).issuance();
    try {
      // a savepoint inside a running transaction: a refused change is undone, the rest stays
      uow.transact(
          () ->
              uow.withHandle(
                  h -> {
                    Map<Long, CreditBlock> stored = lockBlocks(h, change.removed());
                    for (CreditBlock gone : change.removed()) {
                      CreditBlock current = stored.get(gone.range().first());
                      if (!gone.equals(current)) {
                        throw stale(
                            "block "
                                + gone
                                + " is not current"
                                + (current == null
                                    ? ""
                                    : "; the block stored there is " + current));
                      }
                    }
                    for (CreditBlock gone : change.removed()) {
                      if (deleteExactly(h, gone) == 0) {
                        throw stale("block " + gone + " is not current");
                      }
                    }
                    SerialRange span =
                        new SerialRange(
                            change.added().get(0).range().first(),
                            change.added().get(change.added().size() - 1).range().last());
                    blockAtOrBefore(h, issuance, span.last())
                        .filter(staying -> staying.range().overlaps(span))
                        .ifPresent(
                            staying -> {
                              throw stale(
                                  "the added blocks overlap block " + staying + " that stays");
                            });
                    insert(h, change.added());
                    return null;
                  }));
    } catch (RuntimeException e) {
      if (!(e instanceof StoreConflictException)
          && hasState(e, Sql.UNIQUE_VIOLATION, EXCLUSION_VIOLATION)) {
        // the schema refused an added block: another change got there first
        StoreConflictException refused =
            stale("the added blocks of issuance " + issuance + " overlap current blocks");
        refused.initCause(e);
        throw refused;
      }
      throw e;
    }
  }

  @Override
  public List<CreditBlock> ofIssuance(IssuanceId issuance) {
    Require.nonNull("issuance", issuance);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from credit_blocks where issuance_id = :issuance"
                        + " order by first_serial")
                .bind("issuance", issuance.value())
                .map(JdbcCreditBlockStore::block)
                .list());
  }

  /** Two short index range scans in one statement, whatever the issuance's number of blocks. */
  @Override
  public List<CreditBlock> around(IssuanceId issuance, long unit) {
    Require.nonNull("issuance", issuance);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select * from ((select "
                        + COLUMNS
                        + " from credit_blocks where issuance_id = :issuance"
                        + " and first_serial <= :unit"
                        + " order by first_serial desc fetch first 2 rows only)"
                        + " union all (select "
                        + COLUMNS
                        + " from credit_blocks where issuance_id = :issuance"
                        + " and first_serial > :unit"
                        + " order by first_serial fetch first 1 rows only)) around"
                        + " order by first_serial")
                .bind("issuance", issuance.value())
                .bind("unit", unit)
                .map(JdbcCreditBlockStore::block)
                .list());
  }

  @Override
  public List<CreditBlock> ofOwner(AccountId owner) {
    Require.nonNull("owner", owner);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from credit_blocks where owner = :owner"
                        + " order by issuance_id, first_serial")
                .bind("owner", owner.value())
                .map(JdbcCreditBlockStore::block)
                .list());
  }

  /** Matching blocks in issuance id, then first serial order, with the number matching in all. */
  @Override
  public KeysetPage<CreditBlock> searchAfter(BlockQuery query, KeysetRequest request) {
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    Optional<CreditBlockStore.BlockKey> after =
        request.after().map(CreditBlockStore.BlockKey::parse);
    if (query.issuances().map(Set::isEmpty).orElse(false)) {
      return new KeysetPage<>(List.of(), Optional.empty());
    }
    StringBuilder where = new StringBuilder(" where 1 = 1");
    query.issuances().ifPresent(s -> where.append(" and issuance_id in (<issuances>)"));
    query.owner().ifPresent(o -> where.append(" and owner = :owner"));
    if (!query.statuses().isEmpty()) {
      where.append(" and status in (<statuses>)");
    }
    // a row comparison, which an index on (…, issuance_id, first_serial) seeks; the equivalent
    // "issuance_id > a or (issuance_id = a and first_serial > b)" it cannot
    after.ifPresent(
        a -> where.append(" and (issuance_id, first_serial) > (:afterIssuance, :afterFirst)"));
    return uow.withHandle(
        h -> {
          Query q =
              filter(
                      h.createQuery(
                          "select "
                              + COLUMNS
                              + " from credit_blocks"
                              + where
                              + " order by issuance_id, first_serial limit :limit"),
                      query)
                  .bind("limit", request.limit() + 1);
          after.ifPresent(a -> q.bind("afterIssuance", a.issuance()).bind("afterFirst", a.first()));
          List<CreditBlock> fetched = q.map(JdbcCreditBlockStore::block).list();
          return KeysetPage.trimmed(fetched, request, CreditBlockStore::cursorOf);
        });
  }

  @Override
  public Page<CreditBlock> search(BlockQuery query, PageRequest page) {
    Require.nonNull("query", query);
    Require.nonNull("page", page);
    if (query.issuances().map(Set::isEmpty).orElse(false)) {
      return new Page<>(List.of(), 0, page);
    }
    StringBuilder where = new StringBuilder(" where 1 = 1");
    query.issuances().ifPresent(s -> where.append(" and issuance_id in (<issuances>)"));
    query.owner().ifPresent(o -> where.append(" and owner = :owner"));
    if (!query.statuses().isEmpty()) {
      where.append(" and status in (<statuses>)");
    }
    return uow.withHandle(
        h -> {
          long total =
              filter(h.createQuery("select count(*) from credit_blocks" + where), query)
                  .mapTo(Long.class)
                  .one();
          List<CreditBlock> items =
              filter(
                      h.createQuery(
                          "select "
                              + COLUMNS
                              + " from credit_blocks"
                              + where
                              + " order by issuance_id, first_serial"
                              + " limit :limit offset :offset"),
                      query)
                  .bind("limit", page.limit())
                  .bind("offset", page.offset())
                  .map(JdbcCreditBlockStore::block)
                  .list();
          return new Page<>(items, total, page);
        });
  }

  private static Query filter(Query q, BlockQuery query) {
    query
        .issuances()
        .ifPresent(s -> q.bindList("issuances", s.stream().map(IssuanceId::value).toList()));
    query.owner().ifPresent(o -> q.bind("owner", o.value()));
    if (!query.statuses().isEmpty()) {
      q.bindList("statuses", query.statuses().stream().map(CreditStatus::name).toList());
    }
    return q;
  }

  // ----- writes

  /**
   * Locks the issuance's row, when it is stored, so that two inserts of one issuance's blocks take
   * turns.
   */
  private static void lockIssuance(Handle h, IssuanceId issuance) {
    h.createQuery("select id from issuances where id = :id for update")
        .bind("id", issuance.value())
        .mapTo(String.class)
        .findOne();
  }

  /** Locks and reads the stored blocks where {@code blocks} start, by first serial. */
  private static Map<Long, CreditBlock> lockBlocks(Handle h, List<CreditBlock> blocks) {
    Map<Long, CreditBlock> stored = new HashMap<>();
    h.createQuery(
            "select "
                + COLUMNS
                + " from credit_blocks"
                + " where issuance_id = :issuance and first_serial in (<firsts>)"
                + " order by first_serial for update")
        .bind("issuance", blocks.get(0).issuance().value())
        .bindList("firsts", blocks.stream().map(b -> b.range().first()).toList())
        .map(JdbcCreditBlockStore::block)
        .forEach(b -> stored.put(b.range().first(), b));
    return stored;
  }

  /** Deletes {@code block} where it is stored exactly so; the number of rows deleted, 0 or 1. */
  private static int deleteExactly(Handle h, CreditBlock block) {
    Optional<DocumentHash> replacementFor = block.provenance().replacementFor();
    Update delete =
        h.createUpdate(
                "delete from credit_blocks where issuance_id = :issuance"
                    + " and first_serial = :first and last_serial = :last"
                    + " and owner = :owner and status = :status and "
                    + (replacementFor.isPresent()
                        ? "replacement_for = :replacementFor"
                        : "replacement_for is null"))
            .bind("issuance", block.issuance().value())
            .bind("first", block.range().first())
            .bind("last", block.range().last())
            .bind("owner", block.owner().value())
            .bind("status", block.status().name());
    replacementFor.ifPresent(r -> delete.bind("replacementFor", r.hex()));
    return delete.execute();
  }

  /** The block holding the highest first serial at or below {@code serial}: one index seek. */
  private static Optional<CreditBlock> blockAtOrBefore(Handle h, IssuanceId issuance, long serial) {
    return h.createQuery(
            "select "
                + COLUMNS
                + " from credit_blocks"
                + " where issuance_id = :issuance and first_serial <= :serial"
                + " order by first_serial desc fetch first 1 rows only")
        .bind("issuance", issuance.value())
        .bind("serial", serial)
        .map(JdbcCreditBlockStore::block)
        .findOne();
  }

  private static void insert(Handle h, List<CreditBlock> blocks) {
    PreparedBatch batch =
        h.prepareBatch(
            "insert into credit_blocks ("
                + COLUMNS
                + ") values (:issuance, :first, :last, :owner, :status, :replacementFor)");
    for (CreditBlock b : blocks) {
      batch
          .bind("issuance", b.issuance().value())
          .bind("first", b.range().first())
          .bind("last", b.range().last())
          .bind("owner", b.owner().value())
          .bind("status", b.status().name())
          .bind(
              "replacementFor", b.provenance().replacementFor().map(DocumentHash::hex).orElse(null))
          .add();
    }
    batch.execute();
  }

  private static StoreConflictException stale(String why) {
    return new StoreConflictException("stale_blocks", why + "; read the blocks again");
  }

  private static boolean hasState(Throwable e, String... states) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          for (String state : states) {
            if (state.equals(s.getSQLState())) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  // ----- rows

  private static CreditBlock block(ResultSet rs, StatementContext ctx) throws SQLException {
    String replacementFor = rs.getString("replacement_for");
    return new CreditBlock(
        new IssuanceId(rs.getString("issuance_id")),
        new SerialRange(rs.getLong("first_serial"), rs.getLong("last_serial")),
        new AccountId(rs.getString("owner")),
        CreditStatus.valueOf(rs.getString("status")),
        replacementFor == null
            ? Provenance.ORIGINAL
            : new Provenance.Replacement(new DocumentHash(replacementFor)));
  }
}
