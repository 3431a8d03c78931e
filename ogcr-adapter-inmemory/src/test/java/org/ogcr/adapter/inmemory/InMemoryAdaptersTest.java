package org.ogcr.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.port.model.ProjectDocument;
import org.ogcr.port.model.ReportDocument;
import org.ogcr.port.out.DocumentReader;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.RegistryView;

class InMemoryAdaptersTest {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  /** The adapters never read documents themselves; a reader that any call would fail. */
  private static final DocumentReader NO_DOCUMENTS =
      new DocumentReader() {
        @Override
        public ProjectDocument readProject(
            String json, Optional<ProjectId> self, RegistryView view) {
          throw new AssertionError("not read in these tests");
        }

        @Override
        public ReportDocument readReport(String json, RegistryView view) {
          throw new AssertionError("not read in these tests");
        }

        @Override
        public PddHistory.ChangeScope changeScope(String previousJson, String nextJson) {
          throw new AssertionError("not read in these tests");
        }

        @Override
        public Methodology readMethodology(String json) {
          throw new AssertionError("not read in these tests");
        }
      };

  @Test
  void givenCreatedAdapters_typedGetters_areThePortsInstances() {
    ManualClock clock = new ManualClock(START);
    InMemoryAdapters adapters = InMemoryAdapters.create(clock, NO_DOCUMENTS);
    DrivenPorts ports = adapters.ports();
    assertThat(ports.unitOfWork()).isSameAs(adapters.unitOfWork());
    assertThat(ports.identity()).isSameAs(adapters.identity());
    assertThat(ports.ledger()).isSameAs(adapters.ledger());
    assertThat(ports.outbox()).isSameAs(adapters.outbox());
    assertThat(ports.clock()).isSameAs(clock);
    assertThat(ports.documents()).isSameAs(NO_DOCUMENTS);
    assertThat(ports.serials().next("EC", 2026)).isEqualTo(1);
  }

  @Test
  void givenFailedTransaction_noneOfTheSharedAdaptersKeepsItsWrites() {
    InMemoryAdapters adapters = InMemoryAdapters.create(new ManualClock(START), NO_DOCUMENTS);
    DrivenPorts ports = adapters.ports();
    ActorId alice = new ActorId("alice");
    assertThatThrownBy(
            () ->
                ports
                    .unitOfWork()
                    .transact(
                        () -> {
                          adapters.identity().register(alice, new OrganisationId("trust"));
                          adapters.identity().attestKyc("Acme Corp", alice, START);
                          ports.projects().insert(Fixtures.project("p-1").build());
                          ports
                              .blocks()
                              .insertIssuance(
                                  List.of(
                                      Fixtures.block(
                                          "iss-1", 1, 10, Fixtures.LLC, CreditStatus.ISSUED)));
                          ports.audit().append(Fixtures.auditEntry(1));
                          ports.outbox().enqueue(Fixtures.anchor("cmd-1"), START);
                          ports.documentStore().put(Fixtures.hash("doc"), "{}");
                          throw new IllegalStateException("use case failed");
                        }))
        .hasMessage("use case failed");
    assertThat(adapters.identity().organisationOf(alice)).isEmpty();
    assertThat(adapters.identity().kyc("Acme Corp")).isEmpty();
    assertThat(ports.projects().find(new ProjectId("p-1"))).isEmpty();
    assertThat(ports.blocks().ofIssuance(new IssuanceId("iss-1"))).isEmpty();
    assertThat(ports.audit().head()).isEmpty();
    assertThat(adapters.outbox().find("cmd-1")).isEmpty();
    assertThat(ports.documentStore().get(Fixtures.hash("doc"))).isEmpty();
  }

  @Test
  void givenFailedTransaction_aSerialNumberItTookIsSkipped_neverHandedOutAgain() {
    InMemoryAdapters adapters = InMemoryAdapters.create(new ManualClock(START), NO_DOCUMENTS);
    DrivenPorts ports = adapters.ports();
    assertThatThrownBy(
            () ->
                ports
                    .unitOfWork()
                    .transact(
                        () -> {
                          assertThat(ports.serials().next("EC", 2026)).isEqualTo(1);
                          throw new IllegalStateException("issuance abandoned");
                        }))
        .hasMessage("issuance abandoned");
    assertThat(ports.serials().next("EC", 2026)).isEqualTo(2);
  }

  @Test
  void givenMissingClockOrReader_create_isRefusedNamingIt() {
    assertThatThrownBy(() -> InMemoryAdapters.create(null, NO_DOCUMENTS))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("clock");
    assertThatThrownBy(() -> InMemoryAdapters.create(new ManualClock(START), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("documents");
  }
}
