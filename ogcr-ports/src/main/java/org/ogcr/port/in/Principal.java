package org.ogcr.port.in;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * Who is acting: an authenticated actor, the organisation it acts for and the roles it holds. The
 * edge (a REST token, an embedding system) establishes it; every use case takes it and checks it.
 */
public record Principal(ActorId actor, OrganisationId organisation, Set<Role> roles) {

  public Principal {
    Require.nonNull("actor", actor);
    Require.nonNull("organisation", organisation);
    roles = Set.copyOf(Require.noNulls("roles", roles));
  }

  public static Principal of(String actor, String organisation, Role... roles) {
    return new Principal(
        new ActorId(actor),
        new OrganisationId(organisation),
        roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
