package org.ogcr.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.signoff.SignOffStatus;

class LifecycleTest {

  @Test
  void projectLifecycle_isExactlyTheSpecTable() {
    assertThat(ProjectStatus.DRAFT.lifecycle().exits(ProjectStatus.DRAFT))
        .containsExactly(ProjectStatus.SUBMITTED);
    assertThat(ProjectStatus.LIFECYCLE.exits(ProjectStatus.SUBMITTED))
        .containsExactlyInAnyOrder(ProjectStatus.VALIDATED, ProjectStatus.REJECTED);
    assertThat(ProjectStatus.LIFECYCLE.exits(ProjectStatus.VALIDATED))
        .containsExactly(ProjectStatus.ARCHIVED);
    assertThat(ProjectStatus.LIFECYCLE.finalStates())
        .containsExactlyInAnyOrder(ProjectStatus.REJECTED, ProjectStatus.ARCHIVED);
  }

  @Test
  void reportLifecycle_isExactlyTheSpecTable() {
    assertThat(ReportStatus.LIFECYCLE.exits(ReportStatus.SUBMITTED))
        .containsExactlyInAnyOrder(ReportStatus.VERIFIED, ReportStatus.REJECTED);
    assertThat(ReportStatus.LIFECYCLE.exits(ReportStatus.VERIFIED))
        .containsExactly(ReportStatus.ISSUED);
    assertThat(ReportStatus.LIFECYCLE.finalStates())
        .containsExactlyInAnyOrder(ReportStatus.REJECTED, ReportStatus.ISSUED);
  }

  @Test
  void creditLifecycle_isExactlyTheSpecTable() {
    assertThat(CreditStatus.LIFECYCLE.exits(CreditStatus.ISSUED))
        .containsExactlyInAnyOrder(CreditStatus.HELD, CreditStatus.INVALIDATED);
    assertThat(CreditStatus.LIFECYCLE.exits(CreditStatus.HELD))
        .containsExactlyInAnyOrder(
            CreditStatus.LISTED, CreditStatus.RETIRED, CreditStatus.INVALIDATED);
    assertThat(CreditStatus.LIFECYCLE.exits(CreditStatus.LISTED))
        .containsExactlyInAnyOrder(CreditStatus.HELD, CreditStatus.INVALIDATED);
    assertThat(CreditStatus.LIFECYCLE.finalStates())
        .isEqualTo(Set.of(CreditStatus.RETIRED, CreditStatus.INVALIDATED));
  }

  @Test
  void givenValidatedProject_transitionToArchived_returnsArchived() {
    assertThat(ProjectStatus.VALIDATED.transitionTo(ProjectStatus.ARCHIVED))
        .isEqualTo(ProjectStatus.ARCHIVED);
  }

  @Test
  void givenRetiredCredit_transitionToHeld_throwsWithCodeAndBothStates() {
    assertThatThrownBy(() -> CreditStatus.RETIRED.transitionTo(CreditStatus.HELD))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> {
              assertThat(e.code()).isEqualTo("illegal_transition");
              assertThat(e.lifecycle()).isEqualTo("credit block");
              assertThat(e.from()).isEqualTo(CreditStatus.RETIRED);
              assertThat(e.to()).isEqualTo(CreditStatus.HELD);
            })
        .hasMessage(
            "credit block cannot go from RETIRED to HELD; allowed from RETIRED: none (final state)");
  }

  @Test
  void givenSubmittedProject_transitionToArchived_namesTheLegalExits() {
    assertThatThrownBy(() -> ProjectStatus.SUBMITTED.transitionTo(ProjectStatus.ARCHIVED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("project cannot go from SUBMITTED to ARCHIVED")
        .hasMessageContaining("VALIDATED, REJECTED");
  }

  @Test
  void givenIssuedReport_anyTransition_isRefused() {
    for (ReportStatus next : ReportStatus.values()) {
      assertThatThrownBy(() -> ReportStatus.ISSUED.transitionTo(next))
          .isInstanceOf(IllegalTransitionException.class);
    }
  }

  @Test
  void givenSelfLoop_builder_refusesIt() {
    assertThatThrownBy(
            () ->
                Lifecycle.builder("test", SignOffStatus.class)
                    .allow(SignOffStatus.ON_HOLD, SignOffStatus.ON_HOLD))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
