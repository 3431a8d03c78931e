package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.SerialNumberSequence;
import org.ogcr.port.out.SerialNumberSequenceContract;

class JdbcSerialNumberSequenceTest {

  @Nested
  class OnH2 extends SerialNumberSequenceContract {
    @Override
    protected SerialNumberSequence freshSequence() {
      return new JdbcSerialNumberSequence(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends SerialNumberSequenceContract {
    @Override
    protected SerialNumberSequence freshSequence() {
      return new JdbcSerialNumberSequence(TestDatabases.postgres().unitOfWork());
    }
  }
}
