package org.ogcr.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.project.PddHistory.ChangeScope;

class PddHistoryTest {

  static final ActorId DEV = new ActorId("dev-alice");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final DocumentHash V1 = DocumentHash.sha256("pdd v1");
  static final DocumentHash V2 = DocumentHash.sha256("pdd v2");
  static final DocumentHash V3 = DocumentHash.sha256("pdd v3");

  static void refused(Runnable r, String code) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void givenSubmittedProject_anyChange_isANewVersion() {
    PddHistory h =
        PddHistory.first(V1, T0, DEV)
            .amend(V2, ChangeScope.CONTENT, ProjectStatus.SUBMITTED, T0.plusSeconds(60), DEV);
    assertThat(h.versions()).extracting(PddVersion::number).containsExactly(1, 2);
    assertThat(h.current().hash()).isEqualTo(V2);
  }

  @Test
  void givenValidatedProject_contactChange_isKeptAsANewVersion_contentChangeIsRefused() {
    PddHistory h = PddHistory.first(V1, T0, DEV);
    PddHistory amended = h.amend(V2, ChangeScope.METADATA_ONLY, ProjectStatus.VALIDATED, T0, DEV);
    assertThat(amended.versions()).extracting(PddVersion::hash).containsExactly(V1, V2);
    refused(
        () -> amended.amend(V3, ChangeScope.CONTENT, ProjectStatus.VALIDATED, T0, DEV),
        "pdd_immutable_after_validation");
    assertThat(amended.versions()).hasSize(2);
  }

  @Test
  void givenIdenticalDocument_amend_isRefused() {
    refused(
        () ->
            PddHistory.first(V1, T0, DEV)
                .amend(V1, ChangeScope.METADATA_ONLY, ProjectStatus.SUBMITTED, T0, DEV),
        "pdd_unchanged");
  }

  @Test
  void givenArchivedOrRejectedProject_amend_isRefused() {
    for (ProjectStatus closed :
        new ProjectStatus[] {ProjectStatus.ARCHIVED, ProjectStatus.REJECTED}) {
      refused(
          () -> PddHistory.first(V1, T0, DEV).amend(V2, ChangeScope.METADATA_ONLY, closed, T0, DEV),
          "project_closed");
    }
  }
}
