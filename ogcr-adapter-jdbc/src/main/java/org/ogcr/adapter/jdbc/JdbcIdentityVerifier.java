package org.ogcr.adapter.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.out.Directory;

/**
 * The registry's directory in tables {@code directory} (the organisation of each registered actor)
 * and {@code kyc_attestations} (the KYC attestation of each party, by its exact name). Registering
 * an actor again moves it to the new organisation; attesting a party again replaces its
 * attestation. Takes part in the unit of work like the stores.
 */
public final class JdbcIdentityVerifier implements Directory {

  private final JdbcUnitOfWork uow;

  public JdbcIdentityVerifier(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  /** Registers {@code actor} as a member of {@code organisation}. */
  @Override
  public void register(ActorId actor, OrganisationId organisation) {
    Require.nonNull("actor", actor);
    Require.nonNull("organisation", organisation);
    upsert(
        "merge into directory d using (values (:actor, :organisation)) as s (actor, organisation)"
            + " on d.actor = s.actor when matched then update set organisation = s.organisation"
            + " when not matched then insert (actor, organisation)"
            + " values (s.actor, s.organisation)",
        u -> u.bind("actor", actor.value()).bind("organisation", organisation.value()));
  }

  /**
   * Records that compliance officer {@code by} attested at {@code at} that {@code party} passed
   * KYC.
   */
  @Override
  public KycAttestation attestKyc(String party, ActorId by, Instant at) {
    KycAttestation attestation = new KycAttestation(party, by, at);
    upsert(
        "merge into kyc_attestations k using (values (:party, :by, :at))"
            + " as s (party, attested_by, attested_at) on k.party = s.party"
            + " when matched then update set attested_by = s.attested_by,"
            + " attested_at = s.attested_at"
            + " when not matched then insert (party, attested_by, attested_at)"
            + " values (s.party, s.attested_by, s.attested_at)",
        u ->
            u.bind("party", party)
                .bind("by", by.value())
                .bind("at", Sql.at(at.truncatedTo(ChronoUnit.MICROS))));
    return attestation;
  }

  /**
   * Runs a {@code merge}; when a concurrent transaction inserted the same key first, runs it again,
   * now to update that row.
   */
  private void upsert(String sql, UnaryOperator<Update> binds) {
    for (int attempt = 1; ; attempt++) {
      try {
        // under a savepoint when in a transaction: a lost race leaves the caller's work usable
        uow.transact(() -> uow.withHandle(h -> binds.apply(h.createUpdate(sql)).execute()));
        return;
      } catch (StatementException e) {
        if (attempt > 1 || !Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
          throw e;
        }
      }
    }
  }

  @Override
  public Optional<OrganisationId> organisationOf(ActorId actor) {
    Require.nonNull("actor", actor);
    return uow.withHandle(
        h ->
            h.createQuery("select organisation from directory where actor = :actor")
                .bind("actor", actor.value())
                .mapTo(String.class)
                .findOne()
                .map(OrganisationId::new));
  }

  @Override
  public Optional<KycAttestation> kyc(String party) {
    Require.nonNull("party", party);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select party, attested_by, attested_at from kyc_attestations"
                        + " where party = :party")
                .bind("party", party)
                .map(
                    (rs, ctx) ->
                        new KycAttestation(
                            rs.getString("party"),
                            new ActorId(rs.getString("attested_by")),
                            Sql.instant(rs, "attested_at")))
                .findOne());
  }
}
