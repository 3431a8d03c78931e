package org.ogcr.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.signoff.SignOffStatus;

/**
 * Random walks through every lifecycle, checked against the specifications' tables written out a
 * second time as plain text (the oracle): a move succeeds exactly when the spec has that edge, and
 * no walk ever leaves a state the spec calls final.
 */
class LifecycleProperties {

  // ARCHITECTURE.md "Lifecycles", transcribed independently of the enums' tables.
  private static final Set<String> PROJECT_EDGES =
      Set.of("DRAFT>SUBMITTED", "SUBMITTED>VALIDATED", "SUBMITTED>REJECTED", "VALIDATED>ARCHIVED");
  private static final Set<String> REPORT_EDGES =
      Set.of("SUBMITTED>VERIFIED", "SUBMITTED>REJECTED", "VERIFIED>ISSUED");
  private static final Set<String> CREDIT_EDGES =
      Set.of(
          "ISSUED>HELD",
          "HELD>LISTED",
          "LISTED>HELD",
          "HELD>RETIRED",
          "ISSUED>INVALIDATED",
          "HELD>INVALIDATED",
          "LISTED>INVALIDATED");
  private static final Set<String> SIGN_OFF_EDGES =
      Set.of("COLLECTING>ON_HOLD", "ON_HOLD>COLLECTING", "COLLECTING>APPROVED");

  private static final Set<String> SPEC_FINAL_STATES =
      Set.of("REJECTED", "ARCHIVED", "ISSUED@report", "RETIRED", "INVALIDATED", "APPROVED");

  @Property(tries = 1000)
  void givenAnyWalk_projectFollowsTheSpecTable(
      @ForAll ProjectStatus start, @ForAll List<ProjectStatus> attempts) {
    walk(ProjectStatus.LIFECYCLE, PROJECT_EDGES, start, attempts, "");
  }

  @Property(tries = 1000)
  void givenAnyWalk_reportFollowsTheSpecTable(
      @ForAll ReportStatus start, @ForAll List<ReportStatus> attempts) {
    walk(ReportStatus.LIFECYCLE, REPORT_EDGES, start, attempts, "@report");
  }

  @Property(tries = 1000)
  void givenAnyWalk_creditBlockFollowsTheSpecTable(
      @ForAll CreditStatus start, @ForAll List<CreditStatus> attempts) {
    walk(CreditStatus.LIFECYCLE, CREDIT_EDGES, start, attempts, "");
  }

  @Property(tries = 1000)
  void givenAnyWalk_signOffFollowsItsTable(
      @ForAll SignOffStatus start, @ForAll List<SignOffStatus> attempts) {
    walk(SignOffStatus.LIFECYCLE, SIGN_OFF_EDGES, start, attempts, "");
  }

  private static <S extends Enum<S>> void walk(
      Lifecycle<S> lifecycle, Set<String> specEdges, S start, List<S> attempts, String tag) {
    S state = start;
    for (S next : attempts) {
      S from = state;
      boolean specAllows = specEdges.contains(from + ">" + next);
      boolean specFinal =
          SPEC_FINAL_STATES.contains(from.name() + tag) || SPEC_FINAL_STATES.contains(from.name());
      if (specFinal) {
        assertThat(specAllows).as("the oracle itself: %s is final", from).isFalse();
      }
      if (specAllows) {
        state = lifecycle.transition(from, next);
        assertThat(state).isEqualTo(next);
      } else {
        assertThatThrownBy(() -> lifecycle.transition(from, next))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining(from + " to " + next);
      }
    }
  }
}
