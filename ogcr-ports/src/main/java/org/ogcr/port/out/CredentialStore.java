package org.ogcr.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.port.in.Credential;

/** The registry's credentials, as stored: their secrets' hashes, never the secrets. */
public interface CredentialStore {

  /**
   * Stores a new credential at version 1.
   *
   * @throws StoreConflictException {@code already_exists} when the id is taken
   * @throws org.ogcr.domain.common.InvalidValueException when its version is not 1
   */
  void insert(Credential credential);

  Optional<Credential> find(String id);

  /** The credentials of {@code organisation}, or all of them, in id order. */
  List<Credential> list(Optional<OrganisationId> organisation);

  /**
   * Revokes the credential compare-and-set: only when it is not revoked yet. Returns it as revoked,
   * at the next version.
   *
   * @throws StoreConflictException {@code concurrent_update} when it is revoked already or not
   *     stored
   */
  Credential revoke(String id, Instant at, ActorId by);

  /** How many credentials are stored, revoked and expired ones included. */
  long count();
}
