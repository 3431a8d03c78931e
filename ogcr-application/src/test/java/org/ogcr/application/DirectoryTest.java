package org.ogcr.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.application.TestRegistry.ADMIN;
import static org.ogcr.application.TestRegistry.ALICE;
import static org.ogcr.application.TestRegistry.OPERATOR;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.DirectoryUseCases.AttestKyc;
import org.ogcr.port.in.DirectoryUseCases.Listing;
import org.ogcr.port.in.DirectoryUseCases.RegisterActor;

/** The directory's writes: administrators list actors, operators attest KYC, all audited. */
class DirectoryTest {

  private final TestRegistry t = TestRegistry.create();
  private final Registry r = t.registry;
  private static final ActorId NEW = new ActorId("dev-nora");
  private static final OrganisationId ORG = new OrganisationId("nordic-forests");

  private AuditEntry lastAudit() {
    return t.adapters.ports().audit().head().orElseThrow().entry();
  }

  @Test
  void givenAdministrator_register_listsTheActor_andAgainChangesNothing() {
    assertThat(r.directory().register(new RegisterActor(ADMIN, NEW, ORG)))
        .isEqualTo(new Listing(NEW, ORG));
    assertThat(r.directory().find(NEW)).contains(new Listing(NEW, ORG));
    assertThat(lastAudit().action()).isEqualTo("directory.register");
    assertThat(lastAudit().outcome()).isEqualTo(AuditEntry.Outcome.ALLOWED);
    r.directory().register(new RegisterActor(ADMIN, NEW, ORG));
    assertThat(lastAudit().detail()).contains("already listed");
  }

  @Test
  void givenActorOfAnotherOrganisation_register_isRefused_andTheListingStays() {
    assertThatThrownBy(() -> r.directory().register(new RegisterActor(ADMIN, ALICE.actor(), ORG)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("actor_in_other_organisation"));
    assertThat(r.directory().find(ALICE.actor()).orElseThrow().organisation())
        .isEqualTo(ALICE.organisation());
    assertThat(lastAudit().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
  }

  @Test
  void givenNonAdministrator_register_isRefusedAndAudited() {
    assertThatThrownBy(() -> r.directory().register(new RegisterActor(ALICE, NEW, ORG)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("role_required"));
    assertThat(r.directory().find(NEW)).isEmpty();
    assertThat(lastAudit().outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
  }

  @Test
  void givenOperator_attestKyc_recordsWhoAndWhen_andHoldersMayNot() {
    var a = r.directory().attestKyc(new AttestKyc(OPERATOR, "Abenaki Nation"));
    assertThat(a.attestedBy()).isEqualTo(OPERATOR.actor());
    assertThat(a.attestedAt()).isEqualTo(t.clock.now());
    assertThat(r.directory().kyc("Abenaki Nation")).contains(a);
    assertThatThrownBy(() -> r.directory().attestKyc(new AttestKyc(ALICE, "Someone")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("role_required"));
    assertThat(r.directory().kyc("Someone")).isEmpty();
  }
}
