package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * Fails the build when the production classes of every module break {@link ArchitectureRules}.
 * ogcr-server sees every module on its test classpath (the conformance kit in test scope), so this
 * one import covers them all. Test classes, among them the deliberately broken fixtures of {@link
 * ArchitectureRulesCatchViolationsTest}, are left out.
 */
@AnalyzeClasses(
    packages = ArchitectureRules.ROOT_PACKAGE,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static void givenProductionClasses_import_holdsDomainClassesButNoTestFixtures(
      JavaClasses classes) {
    assertThat(classes.containPackage("org.ogcr.domain"))
        .as("the import must see ogcr-domain, or every rule below passes vacuously")
        .isTrue();
    assertThat(classes.stream().map(JavaClass::getPackageName))
        .noneMatch(packageName -> packageName.contains(".archfixture"));
  }

  @ArchTest
  static void givenProductionClasses_domainDependencyRule_holds(JavaClasses classes) {
    ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF.check(classes);
  }

  @ArchTest
  static void givenProductionClasses_clockAndRandomnessRule_holds(JavaClasses classes) {
    ArchitectureRules.DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS.check(classes);
  }

  @ArchTest
  static void givenProductionClasses_adapterIndependenceRule_holds(JavaClasses classes) {
    ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON.check(classes);
  }

  @ArchTest
  static void givenProductionClasses_dependencyDirectionRule_holds(JavaClasses classes) {
    ArchitectureRules.HEXAGON_DEPENDENCY_DIRECTION.check(classes);
  }

  @ArchTest
  static void givenProductionClasses_packageCycleRule_holds(JavaClasses classes) {
    ArchitectureRules.NO_PACKAGE_CYCLES.check(classes);
  }

  @ArchTest
  static void givenProductionClasses_conformanceKitRule_holds(JavaClasses classes) {
    ArchitectureRules.CONFORMANCE_KIT_IMPORTS_NOTHING_OF_OURS.check(classes);
  }
}
