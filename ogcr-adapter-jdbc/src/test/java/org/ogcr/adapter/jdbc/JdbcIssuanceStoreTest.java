package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.issuance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.EarthCreditsInputs;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuanceQuantity;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.domain.signoff.SignOff;
import org.ogcr.domain.signoff.SignOffPolicy;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.domain.signoff.Signer;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.IssuanceStore;
import org.ogcr.port.out.IssuanceStoreContract;
import org.ogcr.port.out.StoreConflictException;

class JdbcIssuanceStoreTest {

  @Nested
  class OnH2 extends IssuanceStoreContract {
    @Override
    protected IssuanceStore emptyStore() {
      return new JdbcIssuanceStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends IssuanceStoreContract {
    @Override
    protected IssuanceStore emptyStore() {
      return new JdbcIssuanceStore(TestDatabases.postgres().unitOfWork());
    }
  }

  /** {@code base} with another quantity and buffer rate, the split recomputed. */
  private static IssuanceRecord withQuantity(
      IssuanceRecord base, IssuanceQuantity quantity, BufferRate rate) {
    return new IssuanceRecord(
        base.id(),
        base.code(),
        base.project(),
        base.report(),
        base.assessment(),
        quantity,
        BufferSplit.of(quantity.units(), rate),
        base.owner(),
        base.bufferPool(),
        base.issuanceFee(),
        base.status(),
        base.signOff(),
        base.requestedBy(),
        base.requestedAt(),
        base.issuedAt(),
        base.receipt(),
        base.version());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void decimalsComeBackWithTheScaleTheyWereStoredWith(Engine engine) {
    IssuanceStore store = new JdbcIssuanceStore(TestDatabases.named(engine).unitOfWork());
    // an Earth Credits quantity: the exact product of four decimals, 31 decimal places
    IssuanceQuantity earthCredits =
        IssuanceFormula.earthCredits(
            EarthCreditsInputs.of("1200.123456789", "0.6512345678", "0.55", "1.0000000001"),
            CreditUnit.TONNE);
    assertThat(earthCredits.exact().scale()).isGreaterThan(12);
    IssuanceRecord fine =
        withQuantity(issuance("iss-1", 1).build(), earthCredits, BufferRate.of("0.123456"));
    // trailing zeros are part of the value the records compare
    IssuanceQuantity padded =
        IssuanceFormula.verifiedRemoval(
            org.ogcr.domain.quantity.Co2eQuantity.ofTonnes("500"), CreditUnit.KILOGRAM);
    IssuanceRecord zeros =
        withQuantity(issuance("iss-2", 2).build(), padded, BufferRate.of("0.0800"));
    store.insert(fine);
    store.insert(zeros);

    IssuanceRecord fineBack = store.find(fine.id()).orElseThrow();
    assertThat(fineBack).isEqualTo(fine);
    assertThat(fineBack.quantity().exact().toPlainString())
        .isEqualTo(earthCredits.exact().toPlainString());
    assertThat(fineBack.split().rate().fraction().toPlainString()).isEqualTo("0.123456");
    IssuanceRecord zerosBack = store.find(zeros.id()).orElseThrow();
    assertThat(zerosBack).isEqualTo(zeros);
    assertThat(zerosBack.quantity().exact().toPlainString()).isEqualTo("500.000000");
    assertThat(zerosBack.quantity().unit().size()).isEqualTo(new BigDecimal("0.001"));
    assertThat(zerosBack.split().rate().fraction().toPlainString()).isEqualTo("0.0800");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void signOffWithRecusalsSignaturesAndAHoldRoundTrips(Engine engine) {
    IssuanceStore store = new JdbcIssuanceStore(TestDatabases.named(engine).unitOfWork());
    IssuanceRecord v1 = issuance("iss-1", 1).build();
    SignOff held =
        SignOff.open(
                v1.signOff().proposal(),
                new SignOffPolicy(3, 2),
                Set.of(new ActorId("officer-9"), new ActorId("officer-7")))
            .sign(Signer.officer("officer-2"), SignOffRole.OFFICER, T0.plusNanos(1))
            .sign(Signer.auditor("auditor-1"), SignOffRole.AUDITOR, T0.plusSeconds(60))
            .hold(
                Signer.officer("officer-3"),
                "volume \"twice\" the last year's",
                T0.plusSeconds(90));
    IssuanceRecord v2 = v1.withSignOff(held);
    store.insert(v1);
    store.update(v2);
    assertThat(store.find(v1.id())).contains(v2);
    assertThat(store.find(v1.id()).orElseThrow().signOff().recused())
        .containsExactlyInAnyOrder(new ActorId("officer-7"), new ActorId("officer-9"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void instantsAreKeptToTheMicrosecondOnBothEngines(Engine engine) {
    IssuanceStore store = new JdbcIssuanceStore(TestDatabases.named(engine).unitOfWork());
    Instant requested = Instant.parse("2026-03-01T10:15:30.123456789Z");
    IssuanceRecord base = issuance("iss-1", 1).build();
    IssuanceRecord record =
        new IssuanceRecord(
            base.id(),
            base.code(),
            base.project(),
            base.report(),
            base.assessment(),
            base.quantity(),
            base.split(),
            base.owner(),
            base.bufferPool(),
            base.issuanceFee(),
            base.status(),
            base.signOff(),
            base.requestedBy(),
            requested,
            base.issuedAt(),
            base.receipt(),
            base.version());
    store.insert(record);
    // truncated, never rounded up: the same on both engines and as the domain truncates
    assertThat(store.find(base.id()).orElseThrow().requestedAt())
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusalsNameTheTakenKey(Engine engine) {
    IssuanceStore store = new JdbcIssuanceStore(TestDatabases.named(engine).unitOfWork());
    store.insert(issuance("iss-1", 1).build());
    assertThatThrownBy(
            () -> store.insert(issuance("iss-1", 2).report("r-2").assessment("P2", 2026).build()))
        .isInstanceOf(StoreConflictException.class)
        .hasMessageContaining("issuance iss-1");
    assertThatThrownBy(() -> store.insert(issuance("iss-2", 2).report("r-iss-1").build()))
        .isInstanceOf(StoreConflictException.class)
        .hasMessageContaining("report r-iss-1");
    assertThatThrownBy(() -> store.insert(issuance("iss-2", 2).assessment("P1", 2026).build()))
        .isInstanceOf(StoreConflictException.class)
        .hasMessageContaining("2026 annual assessment of property P1");
    assertThatThrownBy(() -> store.insert(issuance("iss-2", 1).withoutAssessment().build()))
        .isInstanceOf(StoreConflictException.class)
        .hasMessageContaining("coded EC-2026-0001-NULHEGAN");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRefusedInsertLeavesTheCallersTransactionUsable(Engine engine) {
    JdbcDatabase db = TestDatabases.named(engine);
    IssuanceStore store = new JdbcIssuanceStore(db.unitOfWork());
    String outcome =
        db.unitOfWork()
            .transact(
                () -> {
                  store.insert(issuance("iss-1", 1).build());
                  try {
                    store.insert(issuance("iss-2", 2).report("r-iss-1").build());
                    return "stored";
                  } catch (StoreConflictException refused) {
                    store.insert(issuance("iss-3", 3).build());
                    return refused.code();
                  }
                });
    assertThat(outcome).isEqualTo("already_exists");
    assertThat(store.find(new IssuanceId("iss-1"))).isPresent();
    assertThat(store.find(new IssuanceId("iss-2"))).isEmpty();
    assertThat(store.findByReport(new ReportId("r-iss-3"))).isPresent();
    assertThat(store.list(Optional.empty(), Optional.empty())).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void issuedIssuanceRoundTrips(Engine engine) {
    IssuanceStore store = new JdbcIssuanceStore(TestDatabases.named(engine).unitOfWork());
    IssuanceRecord issued =
        issuance("iss-1", 1)
            .withoutAssessment()
            .issued(T0.plusSeconds(3600), Fixtures.hash("issue of iss-1"))
            .version(7)
            .build();
    store.insert(issued);
    assertThat(store.find(issued.id())).contains(issued);
    assertThat(store.list(Optional.empty(), Optional.of(2026))).containsExactly(issued);
  }
}
