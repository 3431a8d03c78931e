package org.ogcr.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.signoff.SignOffStatus;

/** Random walks through every lifecycle: legal edges move, illegal ones throw, finals stay put. */
class LifecycleProperties {

  @Property(tries = 1000)
  void givenAnyWalk_projectNeverLeavesAFinalState(
      @ForAll ProjectStatus start, @ForAll List<ProjectStatus> attempts) {
    walk(ProjectStatus.LIFECYCLE, start, attempts);
  }

  @Property(tries = 1000)
  void givenAnyWalk_reportNeverLeavesAFinalState(
      @ForAll ReportStatus start, @ForAll List<ReportStatus> attempts) {
    walk(ReportStatus.LIFECYCLE, start, attempts);
  }

  @Property(tries = 1000)
  void givenAnyWalk_creditBlockNeverLeavesAFinalState(
      @ForAll CreditStatus start, @ForAll List<CreditStatus> attempts) {
    walk(CreditStatus.LIFECYCLE, start, attempts);
  }

  @Property(tries = 1000)
  void givenAnyWalk_signOffNeverLeavesApproved(
      @ForAll SignOffStatus start, @ForAll List<SignOffStatus> attempts) {
    walk(SignOffStatus.LIFECYCLE, start, attempts);
  }

  private static <S extends Enum<S>> void walk(Lifecycle<S> lifecycle, S start, List<S> attempts) {
    S state = start;
    for (S next : attempts) {
      S from = state;
      boolean wasFinal = lifecycle.isFinal(from);
      if (lifecycle.allows(from, next)) {
        assertThat(wasFinal).as("%s is final yet has an exit to %s", from, next).isFalse();
        state = lifecycle.transition(from, next);
        assertThat(state).isEqualTo(next);
      } else {
        assertThatThrownBy(() -> lifecycle.transition(from, next))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining(from + " to " + next);
      }
      if (wasFinal) {
        assertThat(state).isEqualTo(from);
      }
    }
  }
}
