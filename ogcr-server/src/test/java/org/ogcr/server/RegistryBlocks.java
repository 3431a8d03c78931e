package org.ogcr.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ogcr.application.Registry;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.PageRequest;

/** The credit blocks a registry holds, as the tests compare them. */
public final class RegistryBlocks {

  private RegistryBlocks() {}

  /** The first page of credit blocks, of a project and a vintage when given. */
  public static List<CreditBlock> of(
      Registry registry, Optional<ProjectId> project, Optional<Integer> vintage) {
    return registry
        .credits()
        .credits(
            new CreditQuery(project, vintage, Optional.empty(), Set.of(), Optional.empty()),
            PageRequest.FIRST)
        .items()
        .stream()
        .map(v -> v.block())
        .toList();
  }
}
