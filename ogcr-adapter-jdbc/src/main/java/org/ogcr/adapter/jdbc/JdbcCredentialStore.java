package org.ogcr.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Credential;
import org.ogcr.port.in.Role;
import org.ogcr.port.out.CredentialStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Credentials in table {@code credentials}, one row each, roles and scopes as their names separated
 * by spaces. The primary key keeps ids unique; a revocation is an update that only matches a row
 * not revoked yet, so of two concurrent revocations one wins and the other is refused. Instants are
 * stored to the microsecond.
 */
public final class JdbcCredentialStore implements CredentialStore {

  private static final String COLUMNS =
      "id, organisation, actor, roles, scopes, label, rate_per_minute, secret_hash, created_at,"
          + " created_by, expires_at, revoked_at, revoked_by, version";

  private final JdbcUnitOfWork uow;

  public JdbcCredentialStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(Credential c) {
    Require.nonNull("credential", c);
    if (c.version() != 1) {
      throw new InvalidValueException("version", c.version(), "must be 1 for a new credential");
    }
    try {
      // a savepoint inside a running transaction: a refused insert leaves the caller's work usable
      uow.transact(
          () ->
              uow.withHandle(
                  h ->
                      h.createUpdate(
                              "insert into credentials ("
                                  + COLUMNS
                                  + ") values (:id, :organisation, :actor, :roles, :scopes,"
                                  + " :label, :rate, :hash, :createdAt, :createdBy, :expiresAt,"
                                  + " :revokedAt, :revokedBy, :version)")
                          .bind("id", c.id())
                          .bind("organisation", c.organisation().value())
                          .bind("actor", c.actor().value())
                          .bind("roles", names(c.roles()))
                          .bind("scopes", String.join(" ", c.scopes()))
                          .bind("label", c.label())
                          .bind("rate", c.ratePerMinute())
                          .bind("hash", c.secretHash())
                          .bind("createdAt", micros(c.createdAt()))
                          .bind("createdBy", c.createdBy().value())
                          .bind("expiresAt", micros(c.expiresAt().orElse(null)))
                          .bind("revokedAt", micros(c.revokedAt().orElse(null)))
                          .bind("revokedBy", c.revokedBy().map(ActorId::value).orElse(null))
                          .bind("version", c.version())
                          .execute()));
    } catch (RuntimeException e) {
      if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
        throw StoreConflictException.exists("credential " + c.id());
      }
      throw e;
    }
  }

  @Override
  public Optional<Credential> find(String id) {
    Require.nonNull("id", id);
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from credentials where id = :id")
                .bind("id", id)
                .map(JdbcCredentialStore::credential)
                .findOne());
  }

  @Override
  public List<Credential> list(Optional<OrganisationId> organisation) {
    Require.nonNull("organisation", organisation);
    String order = " order by " + uow.byCodePoint("id");
    return uow.withHandle(
        h ->
            organisation.isEmpty()
                ? h.createQuery("select " + COLUMNS + " from credentials" + order)
                    .map(JdbcCredentialStore::credential)
                    .list()
                : h.createQuery(
                        "select "
                            + COLUMNS
                            + " from credentials where organisation = :organisation"
                            + order)
                    .bind("organisation", organisation.get().value())
                    .map(JdbcCredentialStore::credential)
                    .list());
  }

  @Override
  public Credential revoke(String id, Instant at, ActorId by) {
    Require.nonNull("id", id);
    Require.nonNull("at", at);
    Require.nonNull("by", by);
    return uow.withHandle(
        h -> {
          int changed =
              h.createUpdate(
                      "update credentials set revoked_at = :at, revoked_by = :by,"
                          + " version = version + 1 where id = :id and revoked_at is null")
                  .bind("at", micros(at))
                  .bind("by", by.value())
                  .bind("id", id)
                  .execute();
          Optional<Credential> now = find(id);
          if (changed == 0) {
            throw new StoreConflictException(
                "concurrent_update",
                now.map(
                        c ->
                            "credential "
                                + id
                                + " was revoked at "
                                + c.revokedAt().map(Object::toString).orElse("?")
                                + " by "
                                + c.revokedBy().map(Object::toString).orElse("?")
                                + "; read it again")
                    .orElse("credential " + id + " is not stored, so it cannot be revoked"));
          }
          return now.orElseThrow();
        });
  }

  @Override
  public long count() {
    return uow.withHandle(
        h -> h.createQuery("select count(*) from credentials").mapTo(Long.class).one());
  }

  private static java.time.OffsetDateTime micros(Instant at) {
    return at == null ? null : Sql.at(at.truncatedTo(ChronoUnit.MICROS));
  }

  private static String names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(" "));
  }

  private static Set<Role> roles(String names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (!names.isEmpty()) {
      Arrays.stream(names.split(" ")).map(Role::valueOf).forEach(roles::add);
    }
    return roles;
  }

  private static Set<String> scopes(String names) {
    return Set.of(names.split(" "));
  }

  private static Credential credential(ResultSet rs, StatementContext ctx) throws SQLException {
    String revokedBy = rs.getString("revoked_by");
    return new Credential(
        rs.getString("id"),
        new OrganisationId(rs.getString("organisation")),
        new ActorId(rs.getString("actor")),
        roles(rs.getString("roles")),
        scopes(rs.getString("scopes")),
        rs.getString("label"),
        rs.getInt("rate_per_minute"),
        rs.getString("secret_hash"),
        Sql.instant(rs, "created_at"),
        new ActorId(rs.getString("created_by")),
        Optional.ofNullable(Sql.instant(rs, "expires_at")),
        Optional.ofNullable(Sql.instant(rs, "revoked_at")),
        Optional.ofNullable(revokedBy).map(ActorId::new),
        rs.getLong("version"));
  }
}
