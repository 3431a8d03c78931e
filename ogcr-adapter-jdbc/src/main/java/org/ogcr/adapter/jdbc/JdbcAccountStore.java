package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.model.Account;
import org.ogcr.port.out.AccountStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Registry accounts in table {@code accounts}, one row each. The primary key keeps ids unique under
 * concurrent callers; {@link #ofHolder} reads the {@code (holder, id)} index. Instants are stored
 * to the microsecond, as the domain keeps them.
 */
public final class JdbcAccountStore implements AccountStore {

  private static final String COLUMNS = "id, holder, kind, opened_at";

  private final JdbcUnitOfWork uow;

  public JdbcAccountStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(Account account) {
    Require.nonNull("account", account);
    try {
      // a savepoint inside a running transaction: a refused insert leaves the caller's work usable
      uow.transact(
          () ->
              uow.withHandle(
                  h ->
                      h.createUpdate(
                              "insert into accounts ("
                                  + COLUMNS
                                  + ") values (:id, :holder, :kind, :openedAt)")
                          .bind("id", account.id().value())
                          .bind("holder", account.holder().value())
                          .bind("kind", account.kind().name())
                          .bind(
                              "openedAt", Sql.at(account.openedAt().truncatedTo(ChronoUnit.MICROS)))
                          .execute()));
    } catch (RuntimeException e) {
      if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
        throw StoreConflictException.exists("account " + account.id().value());
      }
      throw e;
    }
  }

  @Override
  public Optional<Account> find(AccountId id) {
    Require.nonNull("id", id);
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from accounts where id = :id")
                .bind("id", id.value())
                .map(JdbcAccountStore::account)
                .findOne());
  }

  @Override
  public List<Account> ofHolder(OrganisationId holder) {
    Require.nonNull("holder", holder);
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from accounts where holder = :holder order by id")
                .bind("holder", holder.value())
                .map(JdbcAccountStore::account)
                .list());
  }

  private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Account(
        new AccountId(rs.getString("id")),
        new OrganisationId(rs.getString("holder")),
        Account.Kind.valueOf(rs.getString("kind")),
        Sql.instant(rs, "opened_at"));
  }
}
