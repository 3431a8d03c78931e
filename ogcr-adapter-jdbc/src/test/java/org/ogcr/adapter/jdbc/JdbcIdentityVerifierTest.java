package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.out.IdentityVerifier;
import org.ogcr.port.out.IdentityVerifier.KycAttestation;
import org.ogcr.port.out.IdentityVerifierContract;

class JdbcIdentityVerifierTest {

  private abstract static class OnDatabase extends IdentityVerifierContract {
    @Override
    protected void register(
        IdentityVerifier directory, ActorId actor, OrganisationId organisation) {
      ((JdbcIdentityVerifier) directory).register(actor, organisation);
    }

    @Override
    protected void attest(IdentityVerifier directory, KycAttestation attestation) {
      ((JdbcIdentityVerifier) directory)
          .attestKyc(attestation.party(), attestation.attestedBy(), attestation.attestedAt());
    }
  }

  @Nested
  class OnH2 extends OnDatabase {
    @Override
    protected IdentityVerifier emptyDirectory() {
      return new JdbcIdentityVerifier(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends OnDatabase {
    @Override
    protected IdentityVerifier emptyDirectory() {
      return new JdbcIdentityVerifier(TestDatabases.postgres().unitOfWork());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenRegisteredAgainAndAttestedAgain_theLatestWins(Engine engine) {
    JdbcIdentityVerifier directory =
        new JdbcIdentityVerifier(TestDatabases.named(engine).unitOfWork());
    ActorId alice = new ActorId("alice");
    directory.register(alice, new OrganisationId("forest-trust"));
    directory.register(alice, new OrganisationId("verifier-co"));
    assertThat(directory.organisationOf(alice)).contains(new OrganisationId("verifier-co"));

    String party = "Acme Corp – Société Générale \"Ltd\"";
    directory.attestKyc(party, new ActorId("compliance-1"), T0);
    KycAttestation again =
        directory.attestKyc(party, new ActorId("compliance-2"), T0.plusNanos(123_456_789));
    assertThat(again.attestedAt()).isEqualTo(T0.plusNanos(123_456_789));
    assertThat(directory.kyc(party))
        .contains(
            new KycAttestation(party, new ActorId("compliance-2"), T0.plusNanos(123_456_000)));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenWorkThatRollsBack_nothingIsRegistered(Engine engine) {
    JdbcUnitOfWork uow = TestDatabases.named(engine).unitOfWork();
    JdbcIdentityVerifier directory = new JdbcIdentityVerifier(uow);
    assertThatThrownBy(
            () ->
                uow.transact(
                    () -> {
                      directory.register(new ActorId("alice"), new OrganisationId("trust"));
                      directory.attestKyc("Acme Corp", new ActorId("compliance-1"), T0);
                      throw new IllegalStateException("the use case failed");
                    }))
        .hasMessage("the use case failed");
    assertThat(directory.organisationOf(new ActorId("alice"))).isEmpty();
    assertThat(directory.kyc("Acme Corp")).isEmpty();
  }
}
