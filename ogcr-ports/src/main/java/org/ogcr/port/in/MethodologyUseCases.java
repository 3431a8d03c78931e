package org.ogcr.port.in;

import java.util.List;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.methodology.Methodology;

/** The methodology catalogue (OGCR 6.1). */
public interface MethodologyUseCases {

  record RegisterMethodology(Principal principal, String json) {
    public RegisterMethodology {
      Require.nonNull("principal", principal);
      Require.nonNull("json", json);
    }
  }

  /** Role administrator. */
  Receipted<Methodology> register(RegisterMethodology command);

  List<Methodology> list();
}
