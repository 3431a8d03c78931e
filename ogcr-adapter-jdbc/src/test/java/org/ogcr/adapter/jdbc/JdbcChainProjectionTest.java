package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.ChainProjection;
import org.ogcr.port.out.ChainProjectionContract;

class JdbcChainProjectionTest {

  @Nested
  class OnH2 extends ChainProjectionContract {
    @Override
    protected ChainProjection emptyProjection() {
      return JdbcChainProjection.over(TestDatabases.h2());
    }
  }

  @Nested
  class OnPostgres extends ChainProjectionContract {
    @Override
    protected ChainProjection emptyProjection() {
      return JdbcChainProjection.over(TestDatabases.postgres());
    }
  }
}
