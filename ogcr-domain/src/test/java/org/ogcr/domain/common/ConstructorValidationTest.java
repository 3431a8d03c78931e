package org.ogcr.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialNumber;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.credit.SupplyTally;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.EarthCreditsInputs;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.methodology.SemanticVersion;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.domain.signoff.Hold;
import org.ogcr.domain.signoff.SignOffPolicy;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.domain.signoff.Signature;
import org.ogcr.domain.signoff.Signer;

/**
 * Every value object refuses bad input with {@code invalid_value} and a message of the form {@code
 * <field> <rule>; was <value>}, so the caller knows what to fix. (Money has its own tests in its
 * package.)
 */
class ConstructorValidationTest {

  static final IssuanceId ISS = new IssuanceId("iss-1");
  static final AccountId ACC = new AccountId("acc-1");
  static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  static final AccountId POOL = new AccountId("pool");

  static CreditBlock block(long first, long last) {
    return new CreditBlock(
        ISS, new SerialRange(first, last), ACC, CreditStatus.HELD, Provenance.ORIGINAL);
  }

  /** {@code value} null: the refused value is a composite; only the field is asserted. */
  static Arguments bad(String what, ThrowingCallable call, String field, String value) {
    return Arguments.of(what, call, field, value);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        bad("blank project id", () -> new ProjectId(""), "projectId", "\"\""),
        bad("space in report id", () -> new ReportId("r 1"), "reportId", "\"r 1\""),
        bad("null issuance id", () -> new IssuanceId(null), "issuanceId", "null"),
        bad("slash in account id", () -> new AccountId("a/b"), "accountId", "\"a/b\""),
        bad("leading dash actor", () -> new ActorId("-x"), "actorId", "\"-x\""),
        bad(
            "129-char org",
            () -> new OrganisationId("o".repeat(129)),
            "organisationId",
            "\"" + "o".repeat(129) + "\""),
        bad("short hash", () -> new DocumentHash("abc"), "hash", "\"abc\""),
        bad(
            "upper-case hash",
            () -> new DocumentHash("A".repeat(64)),
            "hash",
            "\"" + "A".repeat(64) + "\""),
        bad("negative tonnes", () -> Co2eQuantity.ofTonnes("-1"), "tonnesCo2e", "-1"),
        bad("sub-gram tonnes", () -> Co2eQuantity.ofTonnes("1.0000001"), "tonnesCo2e", "1.0000001"),
        bad("text tonnes", () -> Co2eQuantity.ofTonnes("ten"), "tonnesCo2e", "\"ten\""),
        bad("zero credit unit", () -> new CreditUnit(BigDecimal.ZERO), "creditUnit", "0"),
        bad("credit unit over 1", () -> new CreditUnit(new BigDecimal("2")), "creditUnit", "2"),
        bad("ECI above 1", () -> EciScore.of("1.2", "0.1"), "eci.mean", "1.2"),
        bad("negative SE", () -> EciScore.of("0.7", "-0.1"), "eci.standardError", "-0.1"),
        bad(
            "zero acres",
            () -> EarthCreditsInputs.of("0", "0.65", "0.55", "1"),
            "verifiedAcres",
            "0"),
        bad(
            "threat above 1",
            () -> EarthCreditsInputs.of("10", "0.65", "1.5", "1"),
            "threatMultiplier",
            "1.5"),
        bad(
            "zero constant",
            () -> EarthCreditsInputs.of("10", "0.65", "0.5", "0"),
            "methodologyConstant",
            "0"),
        bad(
            "negative z",
            () ->
                new MethodologyParameters(
                    new BigDecimal("-1"),
                    BigDecimal.ONE,
                    BufferRateTable.of("0.05", "0.05", "0.05", "0.05")),
            "z",
            "-1"),
        bad("buffer 20 %", () -> BufferRate.of("0.20"), "bufferRate", "0.2"),
        bad("range from 0", () -> new SerialRange(0, 5), "range.first", "0"),
        bad("range backwards", () -> new SerialRange(5, 4), "range.last", "4"),
        bad(
            "block without owner",
            () ->
                new CreditBlock(
                    ISS, new SerialRange(1, 1), null, CreditStatus.HELD, Provenance.ORIGINAL),
            "owner",
            "null"),
        bad(
            "replacement without receipt",
            () -> new Provenance.Replacement(null),
            "replacementFor",
            "null"),
        bad("negative tally", () -> new SupplyTally(0, -1, 0, 0, 0), "held", "-1"),
        bad("lower-case prefix", () -> new IssuanceCode("ec", 2026, 1, "X"), "prefix", "\"ec\""),
        bad("year 1066", () -> new IssuanceCode("EC", 1066, 1, "X"), "vintageYear", "1066"),
        bad("sequence 0", () -> new IssuanceCode("EC", 2026, 0, "X"), "sequence", "0"),
        bad(
            "long property code",
            () -> new IssuanceCode("EC", 2026, 1, "P".repeat(17)),
            "propertyCode",
            "\"" + "P".repeat(17) + "\""),
        bad("unit 0", () -> new SerialNumber(IssuanceCode.parse("EC-2026-0001-X"), 0), "unit", "0"),
        bad(
            "empty period",
            () -> new MonitoringPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)),
            "period.end",
            "\"2026-01-01\""),
        bad(
            "period without start",
            () -> new MonitoringPeriod(null, LocalDate.of(2026, 1, 1)),
            "period.start",
            "null"),
        bad("version with v", () -> SemanticVersion.parse("v1.0.0"), "version", "\"v1.0.0\""),
        bad("version leading zero", () -> SemanticVersion.parse("01.0.0"), "version", "\"01.0.0\""),
        bad(
            "methodology without version",
            () -> MethodologyRef.parse("EC-M"),
            "methodology",
            "\"EC-M\""),
        bad(
            "methodology id with space",
            () -> MethodologyRef.of("EC M", "1.0.0"),
            "methodologyId",
            "\"EC M\""),
        bad("policy of zero officers", () -> new SignOffPolicy(0, 1), "officers", "0"),
        bad("signer without roles", () -> new Signer(new ActorId("a"), Set.of()), "roles", "[]"),
        bad(
            "signature without time",
            () -> new Signature(new ActorId("a"), SignOffRole.OFFICER, null),
            "signedAt",
            "null"),
        bad("hold without reason", () -> new Hold(new ActorId("a"), "", T), "reason", "\"\""),
        bad("one-officer policy", () -> new SignOffPolicy(1, 1), "officers", "1"),
        bad("buffer rate in words", () -> BufferRate.of("abc"), "bufferRate", "\"abc\""),
        bad("ECI in words", () -> EciScore.of("x", "0.1"), "eci.mean", "\"x\""),
        bad(
            "acres with a comma",
            () -> EarthCreditsInputs.of("1,200", "0.65", "0.55", "1"),
            "verifiedAcres",
            "\"1,200\""),
        bad(
            "version beyond 9 digits",
            () -> new SemanticVersion(1_000_000_000, 0, 0, ""),
            "version.major",
            "1000000000"),
        bad(
            "pre-release with leading zero",
            () -> new SemanticVersion(1, 0, 0, "01"),
            "preRelease",
            "\"01\""),
        bad(
            "range past Long.MAX_VALUE",
            () -> SerialRange.ofCount(Long.MAX_VALUE, 2),
            "count",
            "2"),
        bad(
            "tally past Long.MAX_VALUE",
            () -> new SupplyTally(Long.MAX_VALUE, 1, 0, 0, 0).total(),
            "tally.held",
            "\"9223372036854775807 + 1\""),
        bad(
            "transfer without owner",
            () ->
                new CreditOperation(
                    CreditOperation.Kind.TRANSFER,
                    ISS,
                    new SerialRange(1, 1),
                    Optional.empty(),
                    Optional.of(ACC),
                    Optional.empty()),
            "owner",
            "null"),
        bad(
            "invalidation with recipient",
            () ->
                new CreditOperation(
                    CreditOperation.Kind.INVALIDATE,
                    ISS,
                    new SerialRange(1, 1),
                    Optional.empty(),
                    Optional.of(ACC),
                    Optional.empty()),
            "recipient",
            "acc-1"),
        bad(
            "transfer marked as replacement",
            () ->
                new CreditOperation(
                    CreditOperation.Kind.TRANSFER,
                    ISS,
                    new SerialRange(1, 1),
                    Optional.of(ACC),
                    Optional.of(new AccountId("b")),
                    Optional.of(DocumentHash.sha256("x"))),
            "replacementFor",
            DocumentHash.sha256("x").hex()),
        bad(
            "change with a gap",
            () ->
                new BlockChange(
                    List.of(block(1, 2), block(4, 5)), List.of(block(1, 2), block(4, 5))),
            "removed",
            null),
        bad(
            "blocks of another issuance",
            () ->
                IssuanceBlocks.of(
                    new IssuanceId("other"), new SerialRange(1, 1), POOL, List.of(block(1, 1))),
            "blocks",
            null),
        bad(
            "issued credits with foreign blocks",
            () ->
                new IssuedCredits(
                    new IssuanceId("other"),
                    IssuanceCode.parse("EC-2026-0001-X"),
                    BufferSplit.of(100, BufferRate.of("0.05")),
                    ACC,
                    POOL,
                    IssuanceBlocks.of(ISS, new SerialRange(1, 1), POOL, List.of(block(1, 1)))),
            "blocks",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void givenBadInput_constructor_refusesNamingFieldAndValue(
      String what, ThrowingCallable call, String field, String value) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_value");
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + " ").contains("; was ");
              if (value != null) {
                assertThat(e.rejectedValue()).isEqualTo(value);
                assertThat(e.getMessage()).endsWith("; was " + value);
              }
            });
  }
}
