package org.ogcr.application;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.AccessDeniedException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Role;

/** The role and ownership checks every use case makes before it changes anything. */
final class Access {

  private Access() {}

  /** The principal holds at least one of {@code roles}. */
  static void requireRole(Principal who, String action, Role... roles) {
    for (Role r : roles) {
      if (who.has(r)) {
        return;
      }
    }
    throw new AccessDeniedException(
        "role_required",
        action
            + " requires role "
            + Arrays.stream(roles).map(Role::token).collect(Collectors.joining(" or "))
            + "; "
            + who.actor()
            + " holds "
            + who.roles().stream().map(Role::token).sorted().toList());
  }

  /** The resource belongs to the principal's organisation. */
  static void requireOwner(Principal who, OrganisationId owner, String what) {
    if (!who.organisation().equals(owner)) {
      throw new AccessDeniedException(
          "not_owner",
          what
              + " belongs to organisation "
              + owner
              + "; "
              + who.actor()
              + " acts for "
              + who.organisation());
    }
  }

  /**
   * The registry's directory lists the actor under the organisation it claims to act for; every
   * independence decision relies on it.
   */
  static void requireListed(org.ogcr.port.out.IdentityVerifier identity, Principal who) {
    requireListed(identity, who.actor(), who.organisation());
  }

  /** The registry's directory lists {@code actor} under {@code organisation}. */
  static void requireListed(
      org.ogcr.port.out.IdentityVerifier identity,
      org.ogcr.domain.id.ActorId actor,
      OrganisationId organisation) {
    java.util.Optional<OrganisationId> listed = identity.organisationOf(actor);
    if (!listed.equals(java.util.Optional.of(organisation))) {
      throw new AccessDeniedException(
          "identity_mismatch",
          actor
              + " is listed in the registry's directory under "
              + listed.map(Object::toString).orElse("no organisation")
              + ", not "
              + organisation
              + "; register the actor under the organisation it acts for");
    }
  }

  /** A validator or verifier never decides for its own organisation. */
  static void requireIndependent(Principal who, OrganisationId developer, String what) {
    if (who.organisation().equals(developer)) {
      throw new AccessDeniedException(
          "conflict_of_interest",
          who.actor()
              + " acts for "
              + developer
              + ", the organisation that developed "
              + what
              + "; ask an independent organisation");
    }
  }
}
