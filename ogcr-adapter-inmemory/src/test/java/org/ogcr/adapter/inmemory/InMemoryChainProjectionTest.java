package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.ChainProjection;
import org.ogcr.port.out.ChainProjectionContract;

class InMemoryChainProjectionTest extends ChainProjectionContract {

  @Override
  protected ChainProjection emptyProjection() {
    return new InMemoryChainProjection();
  }
}
