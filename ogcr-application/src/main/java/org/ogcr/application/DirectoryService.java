package org.ogcr.application;

import static org.ogcr.application.Access.requireRole;

import java.util.Optional;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.DirectoryUseCases;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.out.Directory;
import org.ogcr.port.out.IdentityVerifier;

/** The directory's writes as audited decisions of administrators and operators. */
final class DirectoryService implements DirectoryUseCases {

  private final Directory directory;
  private final Decisions decisions;

  DirectoryService(Directory directory, Decisions decisions) {
    this.directory = directory;
    this.decisions = decisions;
  }

  @Override
  public Listing register(RegisterActor c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "directory.register",
        "actor/" + c.actor().value(),
        now -> {
          requireRole(who, "listing an actor in the directory", Role.ADMINISTRATOR);
          Optional<OrganisationId> listed = directory.organisationOf(c.actor());
          if (listed.isPresent() && !listed.get().equals(c.organisation())) {
            throw new UseCaseRefusedException(
                "actor_in_other_organisation",
                "actor "
                    + c.actor().value()
                    + " acts for "
                    + listed.get().value()
                    + "; an actor acts for one organisation: list a new actor id for "
                    + c.organisation().value());
          }
          if (listed.isEmpty()) {
            directory.register(c.actor(), c.organisation());
          }
          return new Decisions.Outcome<>(
              new Listing(c.actor(), c.organisation()),
              c.actor().value()
                  + " acts for "
                  + c.organisation().value()
                  + (listed.isPresent() ? " (already listed)" : ""));
        });
  }

  @Override
  public KycAttestation attestKyc(AttestKyc c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "directory.kyc",
        "kyc",
        now -> {
          requireRole(who, "attesting KYC", Role.ADMINISTRATOR, Role.OPERATOR);
          KycAttestation a = kyc(directory.attestKyc(c.party(), who.actor(), now));
          return new Decisions.Outcome<>(a, "KYC of " + c.party() + " attested");
        });
  }

  @Override
  public Optional<Listing> find(ActorId actor) {
    return directory.organisationOf(actor).map(o -> new Listing(actor, o));
  }

  @Override
  public Optional<KycAttestation> kyc(String party) {
    return directory.kyc(party).map(DirectoryService::kyc);
  }

  private static KycAttestation kyc(IdentityVerifier.KycAttestation a) {
    return new KycAttestation(a.party(), a.attestedBy(), a.attestedAt());
  }
}
