package org.ogcr.port.model;

import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ProjectId;

/**
 * The filters of {@code GET /credits} (OGCR 4.2.3): project, issuance (vintage) year, owner and
 * retirement status; every present filter must match.
 *
 * @param statuses match blocks in any of these statuses; empty matches all
 * @param retired when present, only retired ({@code true}) or only not retired ({@code false})
 */
public record CreditQuery(
    Optional<ProjectId> project,
    Optional<Integer> vintageYear,
    Optional<AccountId> owner,
    Set<CreditStatus> statuses,
    Optional<Boolean> retired) {

  public static final CreditQuery ALL =
      new CreditQuery(
          Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Optional.empty());

  public CreditQuery {
    Require.nonNull("project", project);
    Require.nonNull("vintageYear", vintageYear);
    Require.nonNull("owner", owner);
    statuses = Set.copyOf(Require.noNulls("statuses", statuses));
    Require.nonNull("retired", retired);
  }

  public static CreditQuery ofOwner(AccountId owner) {
    return new CreditQuery(
        Optional.empty(), Optional.empty(), Optional.of(owner), Set.of(), Optional.empty());
  }

  /** The statuses a block must be in: {@link #statuses} narrowed by {@link #retired}. */
  public Set<CreditStatus> effectiveStatuses() {
    Set<CreditStatus> all =
        statuses.isEmpty()
            ? java.util.EnumSet.allOf(CreditStatus.class)
            : java.util.EnumSet.copyOf(statuses);
    retired.ifPresent(r -> all.removeIf(s -> (s == CreditStatus.RETIRED) != r));
    return all;
  }
}
