package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.adapter.evm.archfixture.EvmLedgerFixture;
import org.ogcr.adapter.inmemory.archfixture.InMemoryRepositoryFixture;
import org.ogcr.adapter.inmemory.archfixture.InMemoryStoreUsingApplication;
import org.ogcr.adapter.jdbc.archfixture.JdbcStoreUsingJsonAdapter;
import org.ogcr.adapter.jdbc.archfixture.JdbcStoreUsingRestAdapter;
import org.ogcr.adapter.json.archfixture.JsonCodecFixture;
import org.ogcr.adapter.json.archfixture.JsonCodecUsingEvmAdapter;
import org.ogcr.adapter.rest.archfixture.RestRouteFixture;
import org.ogcr.application.archfixture.ApplicationServiceFixture;
import org.ogcr.application.archfixture.ApplicationServiceUsingAdapter;
import org.ogcr.conformance.archfixture.ConformanceCheckOverHttp;
import org.ogcr.conformance.archfixture.ConformanceCheckUsingDomain;
import org.ogcr.conformance.archfixture.ConformanceOutcome;
import org.ogcr.domain.archfixture.ClockAndRandomFixtures;
import org.ogcr.domain.archfixture.DomainDependencyFixtures;
import org.ogcr.domain.archfixture.acyclic.lower.Lower;
import org.ogcr.domain.archfixture.acyclic.upper.Upper;
import org.ogcr.domain.archfixture.cycle.a.CycleA;
import org.ogcr.domain.archfixture.cycle.b.CycleB;
import org.ogcr.domain.archfixture.model.LegalDomainValue;
import org.ogcr.port.in.archfixture.UseCaseUsingApplication;
import org.ogcr.port.out.archfixture.RepositoryPortFixture;
import org.ogcr.server.archfixture.ServerWiringFixture;

/**
 * Proves that every rule of {@link ArchitectureRules} can fail: each one is run against fixture
 * classes (test sources, packages {@code ..archfixture..}) that break it on purpose and must be
 * reported by name, and against fixtures that keep it and must not be. The fixtures are imported
 * here explicitly; the production import of {@link ArchitectureTest} leaves them out.
 */
class ArchitectureRulesCatchViolationsTest {

  /** Fixtures that keep every rule: a small, correctly wired hexagon. */
  private static final JavaClasses LEGAL_HEXAGON =
      importing(
          LegalDomainValue.class,
          LegalDomainValue.Kind.class,
          RepositoryPortFixture.class,
          ApplicationServiceFixture.class,
          InMemoryRepositoryFixture.class,
          JsonCodecFixture.class,
          RestRouteFixture.class,
          JdbcStoreUsingJsonAdapter.class,
          ServerWiringFixture.class,
          ConformanceCheckOverHttp.class,
          ConformanceOutcome.class,
          Upper.class,
          Lower.class);

  // Rule 1: the domain depends on java.*, JTS and itself only.

  @Test
  void givenDomainClassUsingThirdPartyLibrary_domainDependencyRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
        DomainDependencyFixtures.UsingThirdPartyLibrary.class);
  }

  @Test
  void givenDomainClassUsingJavaxSql_domainDependencyRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
        DomainDependencyFixtures.UsingJavaxSql.class);
  }

  @Test
  void givenDomainClassUsingJavaSql_domainDependencyRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
        DomainDependencyFixtures.UsingJavaSql.class);
  }

  @Test
  void givenDomainClassUsingJsonAdapter_domainDependencyRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
        DomainDependencyFixtures.UsingJsonAdapter.class,
        JsonCodecFixture.class,
        LegalDomainValue.class);
  }

  @Test
  void givenDomainValueWithPrimitivesArraysJtsAndTimeAsInput_domainDependencyRule_passes() {
    assertNoViolation(
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
        importing(LegalDomainValue.class, LegalDomainValue.Kind.class));
  }

  // Rule 2: the domain reads neither the wall clock nor a random source.

  @Test
  void givenDomainClassCallingInstantNow_clockRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS,
        ClockAndRandomFixtures.CallingInstantNow.class);
  }

  @Test
  void givenDomainClassReferencingInstantNowAsSupplier_clockRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS,
        ClockAndRandomFixtures.ReferencingInstantNow.class);
  }

  @Test
  void givenDomainClassCreatingNewRandom_clockRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS,
        ClockAndRandomFixtures.UsingRandom.class);
  }

  @Test
  void givenDomainClassCallingUuidRandomUuid_clockRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS,
        ClockAndRandomFixtures.CallingRandomUuid.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      classes = {
        ClockAndRandomFixtures.CallingZonedDateTimeNowWithZone.class,
        ClockAndRandomFixtures.UsingClock.class,
        ClockAndRandomFixtures.UsingInstantSource.class,
        ClockAndRandomFixtures.CallingCurrentTimeMillis.class,
        ClockAndRandomFixtures.CallingNanoTime.class,
        ClockAndRandomFixtures.UsingSecureRandom.class,
        ClockAndRandomFixtures.UsingThreadLocalRandom.class,
        ClockAndRandomFixtures.UsingSplittableRandom.class,
        ClockAndRandomFixtures.UsingRandomGenerator.class,
        ClockAndRandomFixtures.CallingMathRandom.class,
        ClockAndRandomFixtures.CallingStrictMathRandom.class
      })
  void givenDomainClassReadingAnotherClockOrRandomSource_clockRule_reportsViolation(
      Class<?> fixture) {
    assertViolationsBlame(ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS, fixture);
  }

  @Test
  void givenDomainValueTakingTimeAsInputWithOwnNowMethod_clockRule_passes() {
    assertNoViolation(
        ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS,
        importing(LegalDomainValue.class, LegalDomainValue.Kind.class));
  }

  // Rule 3: adapters are independent of each other, except that any may use the JSON adapter.

  @Test
  void givenJdbcAdapterUsingRestAdapter_adapterIndependenceRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON,
        JdbcStoreUsingRestAdapter.class,
        RestRouteFixture.class,
        JsonCodecFixture.class);
  }

  @Test
  void givenJsonAdapterUsingEvmAdapter_adapterIndependenceRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON,
        JsonCodecUsingEvmAdapter.class,
        EvmLedgerFixture.class);
  }

  @Test
  void givenJdbcAndRestAdaptersUsingJsonAdapter_adapterIndependenceRule_passes() {
    assertNoViolation(
        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON,
        importing(JdbcStoreUsingJsonAdapter.class, RestRouteFixture.class, JsonCodecFixture.class));
  }

  // Rules 3 and 6: the direction domain <- ports <- application, ports <- adapters, all <- server.

  @Test
  void givenAdapterUsingApplicationService_dependencyDirectionRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
        InMemoryStoreUsingApplication.class,
        ApplicationServiceFixture.class);
  }

  @Test
  void givenDomainClassUsingPort_dependencyDirectionRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
        DomainDependencyFixtures.UsingPort.class,
        RepositoryPortFixture.class);
  }

  @Test
  void givenDomainClassUsingAdapter_dependencyDirectionRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
        DomainDependencyFixtures.UsingJsonAdapter.class,
        JsonCodecFixture.class);
  }

  @Test
  void givenDomainClassUsingServer_dependencyDirectionRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
        DomainDependencyFixtures.UsingServer.class,
        ServerWiringFixture.class);
  }

  @Test
  void givenPortUsingApplicationService_dependencyDirectionRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
        UseCaseUsingApplication.class,
        ApplicationServiceFixture.class);
  }

  @Test
  void givenApplicationServiceUsingAdapter_dependencyDirectionRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
        ApplicationServiceUsingAdapter.class,
        JdbcStoreUsingJsonAdapter.class);
  }

  @Test
  void givenServerWiringEveryLayer_dependencyDirectionRule_passes() {
    assertNoViolation(ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION, LEGAL_HEXAGON);
  }

  // Rule 4: no package cycles.

  @Test
  void givenTwoPackagesDependingOnEachOther_packageCycleRule_reportsViolation() {
    assertViolationsBlame(ArchitectureRules.NO_PACKAGE_CYCLES, CycleA.class, CycleB.class);
  }

  @Test
  void givenOneWayPackageDependency_packageCycleRule_passes() {
    assertNoViolation(ArchitectureRules.NO_PACKAGE_CYCLES, importing(Upper.class, Lower.class));
  }

  // Rule 5: the conformance kit imports nothing of ours.

  @Test
  void givenConformanceCheckUsingDomain_conformanceKitRule_reportsViolation() {
    assertViolationsBlame(
        ArchitectureRules.CONFORMANCE_KIT_IMPORTS_NOTHING_OF_OURS,
        ConformanceCheckUsingDomain.class,
        LegalDomainValue.class);
  }

  @Test
  void givenConformanceCheckSpeakingHttpAndUsingKitTypes_conformanceKitRule_passes() {
    assertNoViolation(
        ArchitectureRules.CONFORMANCE_KIT_IMPORTS_NOTHING_OF_OURS,
        importing(ConformanceCheckOverHttp.class, ConformanceOutcome.class));
  }

  // All rules together.

  @Test
  void givenLegalHexagon_everyRule_passes() {
    for (ArchRule rule : ArchitectureRules.ALL) {
      assertNoViolation(rule, LEGAL_HEXAGON);
    }
  }

  @Test
  void givenImportOfEverythingIncludingTestClasses_everyRule_reportsViolation() {
    // What ArchitectureTest would see without ImportOption.DoNotIncludeTests: the fixtures break
    // every rule, so that test's exclusion of them is not vacuous.
    JavaClasses withTestClasses =
        new ClassFileImporter().importPackages(ArchitectureRules.ROOT_PACKAGE);
    for (ArchRule rule : ArchitectureRules.ALL) {
      assertThat(rule.evaluate(withTestClasses).hasViolation())
          .as("rule: %s", rule.getDescription())
          .isTrue();
    }
  }

  @Test
  void givenOnlyDomainClasses_rulesAboutModulesStillEmpty_passAsAllowedEmpty() {
    JavaClasses domainOnly = importing(LegalDomainValue.class, LegalDomainValue.Kind.class);
    for (ArchRule rule :
        List.of(
            ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON,
            ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION,
            ArchitectureRules.CONFORMANCE_KIT_IMPORTS_NOTHING_OF_OURS)) {
      assertNoViolation(rule, domainOnly);
    }
  }

  @Test
  void givenImportWithoutDomainClasses_domainRules_failInsteadOfPassingVacuously() {
    JavaClasses noDomain = importing(ConformanceCheckOverHttp.class);
    for (ArchRule rule :
        List.of(
            ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
            ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS)) {
      assertThatThrownBy(() -> rule.check(noDomain))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("failed to check any classes");
    }
  }

  private static JavaClasses importing(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  /**
   * Evaluates {@code rule} against {@code offender} plus the classes it depends on, and asserts
   * that the rule reports violations and that every one of them names the offender.
   */
  private static void assertViolationsBlame(
      ArchRule rule, Class<?> offender, Class<?>... dependencies) {
    Class<?>[] all = new Class<?>[dependencies.length + 1];
    all[0] = offender;
    System.arraycopy(dependencies, 0, all, 1, dependencies.length);
    EvaluationResult result = rule.evaluate(importing(all));

    assertThat(result.hasViolation())
        .as("%s must be reported by rule: %s", offender.getName(), rule.getDescription())
        .isTrue();
    assertThat(result.getFailureReport().getDetails())
        .allSatisfy(detail -> assertThat(detail).contains(offender.getName()));
  }

  private static void assertNoViolation(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.getFailureReport().getDetails())
        .as("rule: %s", rule.getDescription())
        .isEmpty();
    assertThat(result.hasViolation()).isFalse();
  }
}
