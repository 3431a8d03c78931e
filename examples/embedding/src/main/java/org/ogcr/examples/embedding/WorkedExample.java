package org.ogcr.examples.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ogcr.adapter.inmemory.InMemoryAdapters;
import org.ogcr.adapter.inmemory.ManualClock;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.RetireCredits;
import org.ogcr.port.in.CreditUseCases.SaleResult;
import org.ogcr.port.in.CreditUseCases.SellCredits;
import org.ogcr.port.in.IssuanceUseCases.FileProperty;
import org.ogcr.port.in.IssuanceUseCases.RequestIssuance;
import org.ogcr.port.in.IssuanceUseCases.SignIssuance;
import org.ogcr.port.in.MethodologyUseCases.RegisterMethodology;
import org.ogcr.port.in.MonitoringUseCases.SubmitReport;
import org.ogcr.port.in.MonitoringUseCases.VerifyReport;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.ProjectUseCases.DecideProject;
import org.ogcr.port.in.ProjectUseCases.SubmitProject;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.CreditView;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.Verification;

/**
 * The worked example of the registry function spec, run in-process: the Nulhegan Basin property
 * (1,200 acres, ECI 0.74 ± 0.0547, threat multiplier 0.55) is registered, validated, monitored,
 * verified and issued 429 Earth Credits, 35 of them to the buffer pool; a buyer purchases 100 and
 * retires 40. Every step is printed.
 */
public final class WorkedExample {

  private WorkedExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing each step to {@code out}; returns the registry it built. */
  public static Registry run(PrintStream out) {
    // 1. wire the in-memory adapters and the JSON document reader into a registry
    ManualClock clock = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
    InMemoryAdapters adapters = InMemoryAdapters.create(clock, JsonDocumentReader.withDefaults());
    Registry registry = Registry.start(adapters.ports(), RegistrySettings.defaults());

    // 2. the people: the registry's directory says which organisation each actor acts for
    Principal admin = person(adapters, "admin-ann", "registry", Role.ADMINISTRATOR, Role.OPERATOR);
    Principal alice =
        person(adapters, "dev-alice", "northwoods-trust", Role.DEVELOPER, Role.HOLDER);
    Principal vera = person(adapters, "val-vera", "green-validation", Role.VALIDATOR);
    Principal bob = person(adapters, "ver-bob", "vermont-verifiers", Role.VERIFIER);
    Principal olga = person(adapters, "off-olga", "registry", Role.OFFICER);
    Principal oscar = person(adapters, "off-oscar", "registry", Role.OFFICER);
    Principal ada = person(adapters, "aud-ada", "audit-committee", Role.AUDITOR);
    Principal bea = person(adapters, "buyer-bea", "acme-climate", Role.HOLDER);

    // 3. the methodology, the project and its validation
    registry
        .methodologies()
        .register(new RegisterMethodology(admin, read("methodologies/ec-m-1.1.0.json")));
    ProjectId nulhegan = new ProjectId("nulhegan-forest");
    var submitted =
        registry
            .projects()
            .submit(
                new SubmitProject(
                    alice, nulhegan, read("documents/valid/nulhegan-forest.pdd.json")));
    out.println(
        "project submitted: " + nulhegan + ", PDD " + submitted.value().history().current().hash());
    registry
        .projects()
        .validate(new DecideProject(vera, nulhegan, "boundary and easement checked"));
    out.println("project validated by " + vera.actor());

    // 4. the 2026 monitoring report and its verification
    ReportId report = new ReportId("nulhegan-forest-2026");
    registry
        .monitoring()
        .submit(
            new SubmitReport(alice, report, read("documents/valid/nulhegan-forest-2026.mrv.json")));
    registry
        .monitoring()
        .verify(
            new VerifyReport(
                bob,
                report,
                "ACC-2026-117",
                Verification.Outcome.VERIFIED,
                LocalDate.parse("2027-02-15"),
                Optional.of(Co2eQuantity.ofTonnes("429")),
                Optional.empty()));
    out.println("report verified by " + bob.actor() + ": ECI 0.74 ± 0.0547 over 1,200 acres");

    // 5. the property's compliance file, then the issuance proposal and its sign-off
    DocumentHash registration =
        new DocumentHash("1f7edfa78cbfecf7881257a69b48a95ea5e1c3bc6d0dc8804a8bbe125e841dd1");
    adapters.identity().attestKyc("Nulhegan Abenaki Tribe", admin.actor(), clock.now());
    registry
        .issuance()
        .fileProperty(
            new FileProperty(
                admin,
                nulhegan,
                registration,
                true,
                0,
                new TreasuryTemplate(
                    List.of(new Beneficiary("Nulhegan Abenaki Tribe", Percent.of("10"))),
                    Percent.of("20"),
                    Percent.of("5")),
                Set.of()));
    IssuanceId issuance = new IssuanceId("nulhegan-2026");
    IssuanceRecord proposed =
        registry
            .issuance()
            .request(new RequestIssuance(admin, issuance, report, Optional.of(registration)))
            .value();
    out.println(
        "issuance proposed: "
            + proposed.code().format()
            + ", exact "
            + proposed.quantity().exact().toPlainString()
            + " → "
            + proposed.quantity().units()
            + " credits; buffer rate "
            + proposed.split().rate()
            + " → owner "
            + proposed.split().owner()
            + " + buffer "
            + proposed.split().buffer());
    registry.issuance().sign(new SignIssuance(olga, issuance, SignOffRole.OFFICER));
    registry.issuance().sign(new SignIssuance(oscar, issuance, SignOffRole.OFFICER));
    IssuanceRecord issued =
        registry.issuance().sign(new SignIssuance(ada, issuance, SignOffRole.AUDITOR)).value();
    out.println(
        "signed by two officers and an auditor; issued, receipt " + issued.receipt().orElseThrow());
    printCredits(registry, out);

    // 6. a partial sale of serials 001-100 to Acme, then a partial retirement of 001-040
    AccountId acme = new AccountId("acme-main");
    registry.credits().openAccount(new OpenAccount(bea, acme));
    SaleResult sale =
        registry
            .credits()
            .sell(
                new SellCredits(
                    new MoveCredits(
                        alice,
                        issuance,
                        new SerialRange(1, 100),
                        issued.owner(),
                        Optional.of(acme)),
                    Money.of("2500.00", Currency.getInstance("USD"))));
    out.println("sold 001-100 to " + acme + " for USD 2500.00, routed:");
    sale.proceeds()
        .finalAllocations()
        .forEach(a -> out.println("  " + a.payee() + " " + a.amount()));
    registry
        .credits()
        .retire(
            new RetireCredits(
                new MoveCredits(bea, issuance, new SerialRange(1, 40), acme, Optional.empty()),
                "2026 operational emissions claim",
                Optional.of("Acme Climate Ltd"),
                Optional.of("GB"),
                Optional.of("voluntary_offset")));
    out.println("retired 001-040 for Acme Climate Ltd");
    printCredits(registry, out);

    // 7. the ledger receives every queued command after commit; the audit chain verifies
    var round = registry.relayLedger();
    out.println(
        "ledger: " + round.relayed() + " commands relayed, " + round.refused() + " refused");
    out.println(
        "audit chain: "
            + registry
                .audit()
                .verifyChain()
                .map(b -> "BROKEN at " + b.sequence())
                .orElse("intact"));
    return registry;
  }

  private static void printCredits(Registry registry, PrintStream out) {
    for (CreditView v : registry.credits().credits(CreditQuery.ALL, PageRequest.FIRST).items()) {
      out.println(
          "  "
              + v.firstSerial()
              + " … "
              + v.lastSerial()
              + "  "
              + v.block().count()
              + " "
              + v.block().status()
              + " in "
              + v.block().owner());
    }
  }

  private static Principal person(
      InMemoryAdapters adapters, String actor, String org, Role... roles) {
    Principal p = Principal.of(actor, org, roles);
    adapters.identity().register(p.actor(), p.organisation());
    return p;
  }

  private static String read(String path) {
    try (InputStream in = WorkedExample.class.getResourceAsStream("/org/ogcr/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("example file " + path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
