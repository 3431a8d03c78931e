package org.ogcr.server;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@code shared/ARCHITECTURE.md} says Maven cannot see, as ArchUnit rules. Defined once here
 * and used twice: {@link ArchitectureTest} checks them against the production classes, {@link
 * ArchitectureRulesCatchViolationsTest} against fixtures that break each one on purpose, so a rule
 * that could never fail is caught.
 *
 * <p>Rules whose subject may have no classes yet (adapters, conformance kit) allow an empty subject
 * one by one; the layered rule declares its layers optional. The two domain rules and the cycle
 * rule keep ArchUnit's default and fail on an empty subject: the domain always has classes, so an
 * import that finds none is broken and must fail the build rather than pass vacuously.
 */
public final class ArchitectureRules {

  /** The root every production import covers. */
  public static final String ROOT_PACKAGE = "org.ogcr";

  private static final String DOMAIN = "org.ogcr.domain..";
  private static final String PORTS = "org.ogcr.port..";
  private static final String APPLICATION = "org.ogcr.application..";
  private static final String ADAPTERS = "org.ogcr.adapter..";
  private static final String JSON_ADAPTER = "org.ogcr.adapter.json..";
  private static final String SERVER = "org.ogcr.server..";
  private static final String CONFORMANCE = "org.ogcr.conformance..";
  private static final String JTS = "org.locationtech.jts..";

  /**
   * Rule 1. ARCHITECTURE.md gives ogcr-domain "JDK, jts-core. Nothing else." {@code java..} admits
   * {@code java.sql} and {@code java.net.http} too, and the core "knows nothing of HTTP, SQL or
   * Ethereum", so those two are refused on top. ArchUnit places primitives in {@code java.lang} and
   * an array in the package of its component type, so {@code int} and {@code long[]} pass.
   */
  public static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage("java..", JTS, DOMAIN)
                  .and(resideOutsideOfPackages("java.sql..", "java.net.http..")))
          .because(
              "ARCHITECTURE.md: ogcr-domain may depend on the JDK and jts-core, nothing else; the"
                  + " core knows documents, lifecycles and credit arithmetic and nothing of HTTP,"
                  + " SQL or Ethereum, so it runs embedded, behind the server and under property"
                  + " tests alike");

  /**
   * Calls and method references ({@code Instant::now}) alike: {@code accessTargetWhere} sees both,
   * {@code callMethodWhere} would miss the reference.
   */
  private static final DescribedPredicate<JavaAccess<?>> READS_WALL_CLOCK_OR_RANDOMNESS =
      target(declaredIn(resideInAPackage("java.time..")).and(name("now")))
          .or(target(declaredIn(System.class).and(nameMatching("currentTimeMillis|nanoTime"))))
          .or(target(declaredIn(UUID.class).and(name("randomUUID"))))
          .or(target(declaredIn(Math.class).or(declaredIn(StrictMath.class)).and(name("random"))))
          .as(
              "java.time now(..), System.currentTimeMillis/nanoTime, UUID.randomUUID,"
                  + " Math.random or StrictMath.random");

  /**
   * Rule 2. Any {@code now(..)} of {@code java.time}; any use of {@link Clock} or of {@link
   * InstantSource} (its Java 17 supertype, whose {@code system()} is the same wall clock); {@code
   * System.currentTimeMillis/nanoTime}; the JDK's random sources; {@code UUID.randomUUID}; {@code
   * Math/StrictMath.random}.
   */
  public static final ArchRule DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .accessTargetWhere(READS_WALL_CLOCK_OR_RANDOMNESS)
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(
              Clock.class,
              InstantSource.class,
              Random.class,
              SecureRandom.class,
              ThreadLocalRandom.class,
              SplittableRandom.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.util.random..")
          .because(
              "ARCHITECTURE.md: the domain never reads the wall clock or a random source; time,"
                  + " the next sequence number and randomness come in as arguments (STYLE.md: no"
                  + " hidden inputs), so anyone can replay the chain and recompute every quantity"
                  + " from published inputs");

  /** Rule 3, first half: adapter X never depends on adapter Y, unless Y is the JSON adapter. */
  public static final ArchRule ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON =
      slices()
          .matching("org.ogcr.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(resideInAPackage(ADAPTERS), resideInAPackage(JSON_ADAPTER))
          .because(
              "ARCHITECTURE.md: no adapter imports another adapter; only ogcr-adapter-json, the one"
                  + " place where documents become bytes and back, may be used by other adapters")
          .allowEmptyShould(true);

  /**
   * Rule 3, second half, and rule 6: the "may depend on" column of ARCHITECTURE.md's module table.
   * Adapters may access ports and domain only, hence never the application services; access within
   * one layer (adapter to adapter) is left to {@link #ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON}.
   * The server is a layer without constraint: it is the composition root. Only dependencies between
   * classes of ours are considered; what the domain may use from outside is rule 1's business.
   * Optional layers are what let it pass while modules are still empty; unlike the other rules, a
   * layered architecture needs no {@code allowEmptyShould} for that.
   */
  public static final ArchRule HEXAGON_DEPENDENCY_DIRECTION =
      layeredArchitecture()
          .consideringOnlyDependenciesInAnyPackage(ROOT_PACKAGE + "..")
          .withOptionalLayers(true)
          .layer("Domain")
          .definedBy(DOMAIN)
          .layer("Ports")
          .definedBy(PORTS)
          .layer("Application")
          .definedBy(APPLICATION)
          .layer("Adapters")
          .definedBy(ADAPTERS)
          .layer("Server")
          .definedBy(SERVER)
          .whereLayer("Domain")
          .mayNotAccessAnyLayer()
          .whereLayer("Ports")
          .mayOnlyAccessLayers("Domain")
          .whereLayer("Application")
          .mayOnlyAccessLayers("Ports", "Domain")
          .whereLayer("Adapters")
          .mayOnlyAccessLayers("Ports", "Domain")
          .because(
              "ARCHITECTURE.md: Maven enforces domain <- ports <- application, ports <- adapters,"
                  + " everything <- ogcr-server, and no adapter imports the application services;"
                  + " this rule keeps the direction when classes move between modules");

  /** Rule 4: every package of ours is its own slice. */
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching(ROOT_PACKAGE + ".(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "ARCHITECTURE.md: no package cycles, so every package can be read, tested and moved"
                  + " into its module on its own");

  /** Rule 5. */
  public static final ArchRule CONFORMANCE_KIT_IMPORTS_NOTHING_OF_OURS =
      noClasses()
          .that()
          .resideInAPackage(CONFORMANCE)
          .should()
          .dependOnClassesThat(
              resideInAPackage(ROOT_PACKAGE + "..")
                  .and(resideOutsideOfPackage(CONFORMANCE))
                  .as("belong to this project outside the conformance kit"))
          .because(
              "ARCHITECTURE.md: the conformance kit is pointed by a third party at any registry's"
                  + " base URL; it speaks HTTP only and depends on nothing of ours")
          .allowEmptyShould(true);

  /** Every rule above, for checks that must hold for all of them at once. */
  public static final List<ArchRule> ALL =
      List.of(
          DOMAIN_DEPENDS_ONLY_ON_JDK_JTS_AND_ITSELF,
          DOMAIN_READS_NEITHER_CLOCK_NOR_RANDOMNESS,
          ADAPTERS_ARE_INDEPENDENT_EXCEPT_FOR_JSON,
          HEXAGON_DEPENDENCY_DIRECTION,
          NO_PACKAGE_CYCLES,
          CONFORMANCE_KIT_IMPORTS_NOTHING_OF_OURS);

  private ArchitectureRules() {}
}
