package org.ogcr.application;

import java.security.SecureRandom;
import java.time.Duration;
import org.ogcr.port.in.AccessLogUseCases;
import org.ogcr.port.in.AuditUseCases;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.in.CreditUseCases;
import org.ogcr.port.in.DirectoryUseCases;
import org.ogcr.port.in.IdempotentRequests;
import org.ogcr.port.in.IssuanceUseCases;
import org.ogcr.port.in.MethodologyUseCases;
import org.ogcr.port.in.MonitoringUseCases;
import org.ogcr.port.in.ProjectUseCases;
import org.ogcr.port.model.Account;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.StoreConflictException;

/**
 * A registry: every use case over one set of driven ports. Build it with {@link #start}; it holds
 * no state of its own, so any number of instances may run over the same stores.
 *
 * <pre>{@code
 * Registry registry = Registry.start(adapters.ports(), RegistrySettings.defaults());
 * registry.projects().submit(new SubmitProject(alice, new ProjectId("nulhegan-forest"), pdd));
 * registry.relayLedger(); // send queued ledger commands after commit
 * }</pre>
 */
public final class Registry {

  private final DrivenPorts ports;
  private final ProjectService projects;
  private final MonitoringService monitoring;
  private final MethodologyService methodologies;
  private final IssuanceService issuance;
  private final CreditService credits;
  private final AuditService audit;
  private final IdempotencyService idempotency;
  private final DirectoryService directory;
  private final AccessLogService accessLog;
  private final CredentialService credentials;
  private final LedgerRelay relay;

  private Registry(DrivenPorts ports, RegistrySettings settings) {
    this.ports = ports;
    Decisions decisions = new Decisions(ports.unitOfWork(), ports.audit(), ports.clock());
    Attestor attestor = new Attestor(ports.attestations(), ports.outbox());
    StoreView view = new StoreView(ports);
    this.projects = new ProjectService(ports, decisions, attestor, view);
    this.monitoring = new MonitoringService(ports, decisions, attestor, view);
    this.methodologies = new MethodologyService(ports, decisions, attestor);
    this.issuance = new IssuanceService(ports, settings, decisions, attestor);
    this.credits = new CreditService(ports, settings, decisions, attestor);
    this.audit = new AuditService(ports);
    this.directory = new DirectoryService(ports.identity(), decisions);
    this.idempotency =
        new IdempotencyService(
            ports.unitOfWork(), ports.idempotency(), ports.clock(), IdempotentRequests.RETENTION);
    this.accessLog = new AccessLogService(ports.accessLog(), ports.clock(), decisions);
    this.credentials = new CredentialService(ports, decisions, accessLog, new SecureRandom());
    this.relay =
        new LedgerRelay(
            ports.outbox(),
            ports.ledger(),
            ports.clock(),
            Duration.ofSeconds(1),
            LedgerRelay.MAX_BACKOFF);
  }

  /**
   * Starts a registry over {@code ports}: opens the buffer pool account if the stores have none and
   * makes the stored methodologies' schema extensions known to the document reader again.
   */
  public static Registry start(DrivenPorts ports, RegistrySettings settings) {
    Registry registry = new Registry(ports, settings);
    if (ports.accounts().find(settings.bufferPool()).isEmpty()) {
      try {
        ports
            .unitOfWork()
            .transact(
                () -> {
                  ports
                      .accounts()
                      .insert(
                          new Account(
                              settings.bufferPool(),
                              settings.registryOrganisation(),
                              Account.Kind.BUFFER_POOL,
                              ports.clock().now()));
                  return null;
                });
      } catch (StoreConflictException e) {
        // another instance starting at the same time opened it first
        if (!"already_exists".equals(e.code())) {
          throw e;
        }
      }
    }
    Account pool = ports.accounts().find(settings.bufferPool()).orElseThrow();
    if (pool.kind() != Account.Kind.BUFFER_POOL
        || !pool.holder().equals(settings.registryOrganisation())) {
      throw new IllegalStateException(
          "account "
              + pool.id()
              + " exists but is not the buffer pool held by "
              + settings.registryOrganisation()
              + "; configure another buffer pool account id");
    }
    ports.methodologies().documents().forEach(ports.documents()::readMethodology);
    return registry;
  }

  public ProjectUseCases projects() {
    return projects;
  }

  public MonitoringUseCases monitoring() {
    return monitoring;
  }

  public MethodologyUseCases methodologies() {
    return methodologies;
  }

  public IssuanceUseCases issuance() {
    return issuance;
  }

  public CreditUseCases credits() {
    return credits;
  }

  public AuditUseCases audit() {
    return audit;
  }

  /** The directory: who acts for which organisation, and KYC attestations. */
  public DirectoryUseCases directory() {
    return directory;
  }

  /** Writes sent with an {@code Idempotency-Key}, run at most once. */
  public IdempotentRequests idempotency() {
    return idempotency;
  }

  /**
   * The registry's credentials: API keys and OAuth 2.0 clients, issued and revoked by
   * administrators, checked on every request by the REST edge.
   */
  public CredentialUseCases credentials() {
    return credentials;
  }

  /** Every access attempt and its outcome, for administrators and auditors (OGCR 4.3). */
  public AccessLogUseCases accessLog() {
    return accessLog;
  }

  /** The relay that sends queued ledger commands; run it after commits, or on a schedule. */
  public LedgerRelay relay() {
    return relay;
  }

  /** Relays every due ledger command now, in order; returns what the rounds did in sum. */
  public LedgerRelay.Round relayLedger() {
    int relayed = 0;
    int refused = 0;
    int failed = 0;
    while (true) {
      LedgerRelay.Round round = relay.relayDue(500);
      relayed += round.relayed();
      refused += round.refused();
      failed += round.failed();
      if (round.relayed() + round.refused() + round.failed() < 500 || round.failed() > 0) {
        return new LedgerRelay.Round(relayed, refused, failed);
      }
    }
  }

  DrivenPorts ports() {
    return ports;
  }
}
