package org.ogcr.port.model;

import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;

/**
 * What a credit block store filters on. Project and vintage filters of {@code GET /credits} (OGCR
 * 4.2.3) resolve to issuances first. Results come in issuance id, then first serial order.
 *
 * @param issuances match blocks of these issuances; empty means any issuance
 * @param statuses match any of these; empty matches all
 */
public record BlockQuery(
    Optional<Set<IssuanceId>> issuances, Optional<AccountId> owner, Set<CreditStatus> statuses) {

  public static final BlockQuery ALL = new BlockQuery(Optional.empty(), Optional.empty(), Set.of());

  public BlockQuery {
    Require.nonNull("issuances", issuances);
    issuances = issuances.map(Set::copyOf);
    Require.nonNull("owner", owner);
    statuses = Set.copyOf(Require.noNulls("statuses", statuses));
  }

  public boolean matches(CreditBlock b) {
    return issuances.map(s -> s.contains(b.issuance())).orElse(true)
        && owner.map(o -> o.equals(b.owner())).orElse(true)
        && (statuses.isEmpty() || statuses.contains(b.status()));
  }
}
