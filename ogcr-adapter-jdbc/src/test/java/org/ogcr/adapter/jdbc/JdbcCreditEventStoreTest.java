package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.port.out.Fixtures.BUYER;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.event;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.out.CreditEventStore;
import org.ogcr.port.out.CreditEventStoreContract;
import org.ogcr.port.out.StoreConflictException;

class JdbcCreditEventStoreTest {

  @Nested
  class OnH2 extends CreditEventStoreContract {
    @Override
    protected CreditEventStore emptyStore() {
      return new JdbcCreditEventStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends CreditEventStoreContract {
    @Override
    protected CreditEventStore emptyStore() {
      return new JdbcCreditEventStore(TestDatabases.postgres().unitOfWork());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRefusedAppendLeavesTheCallersTransactionUsable(Engine engine) {
    JdbcDatabase db = TestDatabases.named(engine);
    CreditEventStore store = new JdbcCreditEventStore(db.unitOfWork());
    CreditEvent first =
        event(1, CreditEvent.Kind.ISSUED, "iss-1", Optional.empty(), Optional.of(LLC));
    CreditEvent second =
        event(2, CreditEvent.Kind.SOLD, "iss-1", Optional.of(LLC), Optional.of(BUYER));
    String outcome =
        db.unitOfWork()
            .transact(
                () -> {
                  store.append(first);
                  try {
                    store.append(first);
                    return "appended twice";
                  } catch (StoreConflictException refused) {
                    store.append(second);
                    return refused.code();
                  }
                });
    assertThat(outcome).isEqualTo("already_exists");
    assertThat(
            store
                .search(Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.FIRST)
                .items())
        .containsExactly(first, second);
  }
}
