package org.ogcr.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ogcr.adapter.evm.EvmChainIndexer;
import org.ogcr.adapter.evm.EvmCreditLedger;
import org.ogcr.adapter.evm.EvmReconciliation;
import org.ogcr.adapter.jdbc.JdbcAdapters;
import org.ogcr.adapter.jdbc.JdbcDatabase;
import org.ogcr.adapter.json.document.JsonDocumentReader;
import org.ogcr.adapter.rest.CredentialCheck;
import org.ogcr.adapter.rest.OAuthRoutes;
import org.ogcr.adapter.rest.RegistryAuthenticator;
import org.ogcr.adapter.rest.RestApi;
import org.ogcr.adapter.rest.RestSettings;
import org.ogcr.adapter.rest.auth.AccessTokenValidator;
import org.ogcr.adapter.rest.auth.AccessTokens;
import org.ogcr.application.Registry;
import org.ogcr.application.RegistrySettings;
import org.ogcr.domain.id.ActorId;
import org.ogcr.port.in.CredentialUseCases;
import org.ogcr.port.out.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The composition root: one database (H2 file by default, or PostgreSQL), the ledger, the
 * registry's use cases and the HTTP API, plus the relay that sends queued ledger commands after
 * each write and every second. Close it to stop everything.
 */
public final class RegistryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);

  /** The actor of the first administrator's credential. */
  static final ActorId ADMINISTRATOR = new ActorId("admin");

  private final JdbcDatabase database;

  /** Closes the connections this server opened. */
  private final Databases.Closer closeDatabase;

  private final Registry registry;

  /** The EVM ledger, when the record is anchored on a chain, and its node's client. */
  private final Optional<EvmCreditLedger> chain;

  private final Optional<Web3j> node;

  /**
   * The chain's event indexer and the reconciliation of the registry with it, when on a chain; they
   * run on a thread of their own, so a slow node never holds up the relay.
   */
  private final Optional<ChainWatch> watch;

  private final Optional<ScheduledExecutorService> indexing;
  private volatile Optional<EvmReconciliation.Report> lastReconciliation = Optional.empty();

  private final RestApi api;
  private final AccessTokens tokens;
  private final Optional<CredentialUseCases.IssuedCredential> firstAdministrator;
  private final ScheduledExecutorService relay;
  private final AtomicBoolean relayQueued = new AtomicBoolean();

  private RegistryServer(ServerConfig config) {
    Databases.Opened opened =
        Databases.open(
            config.dataDirectory(),
            config.jdbcUrl(),
            config.dbUser(),
            config.dbPassword(),
            config.dbMaxConnections());
    this.closeDatabase = opened.closer();
    this.database = opened.database();
    Clock clock = Instant::now;
    // the in-process ledger, kept in the same database in tables of its own and in transactions
    // of its own, so it survives restarts as the record does; or the registry's contracts on an
    // EVM node, reached over JSON-RPC
    this.node = config.evm().map(evm -> Web3j.build(new HttpService(evm.rpcUrl())));
    this.chain =
        config
            .evm()
            .map(
                evm ->
                    new EvmCreditLedger(
                        node.get(), Credentials.create(evm.relayPrivateKey()), evm.settings()));
    JdbcAdapters jdbc =
        chain.isPresent()
            ? JdbcAdapters.create(database, clock, chain.get(), JsonDocumentReader.withDefaults())
            : JdbcAdapters.create(database, clock, JsonDocumentReader.withDefaults());
    RegistrySettings settings = RegistrySettings.defaults();
    this.registry = Registry.start(jdbc.ports(), settings);
    // the first administrator acts for the registry's organisation; the directory lists it
    if (jdbc.identity().organisationOf(ADMINISTRATOR).isEmpty()) {
      jdbc.identity().register(ADMINISTRATOR, settings.registryOrganisation());
    }
    this.firstAdministrator =
        registry.credentials().bootstrap(ADMINISTRATOR, settings.registryOrganisation());
    this.relay =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ogcr-ledger-relay");
              t.setDaemon(true);
              return t;
            });
    relay.scheduleWithFixedDelay(this::relayNow, 1, 1, TimeUnit.SECONDS);
    this.watch =
        config
            .evm()
            .map(evm -> new ChainWatch(node.get(), chain.get(), database, jdbc.ports(), evm));
    this.indexing =
        config
            .evm()
            .map(
                evm -> {
                  ScheduledExecutorService ex =
                      Executors.newSingleThreadScheduledExecutor(
                          r -> {
                            Thread t = new Thread(r, "ogcr-chain-indexer");
                            t.setDaemon(true);
                            return t;
                          });
                  long every = Math.max(1000, evm.settings().receiptPolling().toMillis());
                  ex.scheduleWithFixedDelay(this::indexNow, 0, every, TimeUnit.MILLISECONDS);
                  long reconcile = evm.reconcileEvery().toMillis();
                  ex.scheduleWithFixedDelay(
                      this::reconcileQuietly, reconcile, reconcile, TimeUnit.MILLISECONDS);
                  return ex;
                });
    RestApi.Services services =
        new RestApi.Services(
            registry.projects(),
            registry.monitoring(),
            registry.methodologies(),
            registry.issuance(),
            registry.credits(),
            registry.audit(),
            registry.idempotency(),
            registry.credentials(),
            registry.accessLog(),
            registry.directory(),
            this::relaySoon);
    // the port is part of the public URL, the access tokens' issuer: "any free port" is settled
    // before the URL is made, so tokens and metadata name the port clients actually reach
    int port = config.port() == 0 ? freePort(config.host()) : config.port();
    String publicUrl = config.publicUrl().orElse("http://" + config.host() + ":" + port);
    RestSettings rest =
        new RestSettings(config.maxBodyBytes(), config.anonymousPerMinute(), publicUrl);
    this.tokens =
        AccessTokens.builder()
            .issuer(publicUrl)
            .audience(publicUrl)
            .clock(Instant::now)
            .signingKeyJwk(ServerAuthentication.signingKey(config.tokenKeyFile()))
            .build();
    CredentialCheck credentials = ServerAuthentication.credentials(registry.credentials());
    List<AccessTokenValidator> external = config.externalIssuer().stream().toList();
    this.api =
        RestApi.create(
                services,
                new RegistryAuthenticator(credentials, tokens, external),
                rest,
                Instant::now,
                OAuthRoutes.routes(tokens, credentials, config.oauthClients(), Instant::now))
            .start(config.host(), port);
    LOG.info("OGCR registry listening on {}", config.baseUrl(api.port()));
  }

  /** A port free on {@code host} now, which the server then binds. */
  private static int freePort(String host) {
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  /** Starts a server; it answers requests when this returns. */
  public static RegistryServer start(ServerConfig config) {
    return new RegistryServer(config);
  }

  /**
   * The first administrator's credential, made on the first start of an empty registry; shown once,
   * never stored in clear.
   */
  public Optional<CredentialUseCases.IssuedCredential> firstAdministrator() {
    return firstAdministrator;
  }

  /** The registry's access tokens: their issuer and key set. */
  public AccessTokens tokens() {
    return tokens;
  }

  public int port() {
    return api.port();
  }

  public Registry registry() {
    return registry;
  }

  /** Asks the relay to run soon, without waiting for it; several asks make one run. */
  private void relaySoon() {
    if (relayQueued.compareAndSet(false, true)) {
      try {
        relay.execute(this::relayNow);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        // the server is stopping: the next start relays what is queued
        relayQueued.set(false);
      }
    }
  }

  private void relayNow() {
    relayQueued.set(false);
    try {
      // a chain reorganisation may have dropped commands the ledger had applied: apply them again
      // before the next ones
      chain.ifPresent(
          c -> {
            List<String> again = c.resync();
            if (!again.isEmpty()) {
              LOG.warn("a chain reorganisation dropped {} commands; applied again", again.size());
            }
          });
      registry.relayLedger();
    } catch (RuntimeException e) {
      LOG.warn("ledger relay failed; it runs again within a second", e);
    }
  }

  private void indexNow() {
    try {
      watch.ifPresent(
          w -> {
            EvmChainIndexer.Round round = w.index();
            round
                .rolledBackTo()
                .ifPresent(
                    to ->
                        LOG.warn(
                            "a chain reorganisation: the index was rolled back to block {} and"
                                + " read again",
                            to));
          });
    } catch (RuntimeException e) {
      LOG.warn("chain indexing failed; it runs again shortly", e);
    }
  }

  private void reconcileQuietly() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warn("reconciliation with the chain failed; it runs again at its next turn", e);
    }
  }

  /**
   * Compares every issuance of the registry with the chain's index and with the token contract
   * ({@link ChainWatch#reconcile}); logs the summary, and every difference as a warning. The server
   * runs it every {@code reconcileEvery}.
   *
   * @return the report, or empty when the record is not anchored on a chain
   */
  public Optional<EvmReconciliation.Report> reconcile() {
    if (watch.isEmpty()) {
      return Optional.empty();
    }
    EvmReconciliation.Report report = watch.get().reconcile();
    report.differences().forEach(d -> LOG.warn("registry and chain differ: {}", d));
    LOG.info(report.summary());
    lastReconciliation = Optional.of(report);
    return Optional.of(report);
  }

  /** The last reconciliation's report, if one ran. */
  public Optional<EvmReconciliation.Report> lastReconciliation() {
    return lastReconciliation;
  }

  /**
   * Stops answering, lets a running relay round finish, then closes the node client and database.
   */
  @Override
  public void close() {
    api.stop();
    relay.shutdown();
    indexing.ifPresent(ScheduledExecutorService::shutdown);
    try {
      if (!relay.awaitTermination(10, TimeUnit.SECONDS)) {
        relay.shutdownNow();
      }
      if (indexing.isPresent() && !indexing.get().awaitTermination(10, TimeUnit.SECONDS)) {
        indexing.get().shutdownNow();
      }
    } catch (InterruptedException e) {
      relay.shutdownNow();
      indexing.ifPresent(ScheduledExecutorService::shutdownNow);
      Thread.currentThread().interrupt();
    }
    node.ifPresent(Web3j::shutdown);
    try {
      closeDatabase.close();
    } catch (Exception e) {
      LOG.warn("could not close the database connections", e);
    }
  }
}
