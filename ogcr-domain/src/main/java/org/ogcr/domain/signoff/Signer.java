package org.ogcr.domain.signoff;

import java.util.EnumSet;
import java.util.Set;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;

/**
 * A person who may sign issuances, with the capacities they hold. One person may hold both (the
 * audit committee's chair is an officer), but signs any one issuance only once.
 */
public record Signer(ActorId actor, Set<SignOffRole> roles) {

  public Signer {
    Require.nonNull("actor", actor);
    Require.nonEmpty("roles", roles);
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  public static Signer officer(String actor) {
    return new Signer(new ActorId(actor), Set.of(SignOffRole.OFFICER));
  }

  public static Signer auditor(String actor) {
    return new Signer(new ActorId(actor), Set.of(SignOffRole.AUDITOR));
  }

  public boolean holds(SignOffRole role) {
    return roles.contains(role);
  }
}
