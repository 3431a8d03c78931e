package org.ogcr.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ogcr.adapter.evm.EvmLedgerSettings;
import org.ogcr.adapter.rest.auth.AccessTokenValidator;
import org.ogcr.adapter.rest.auth.ExternalIssuer;
import org.ogcr.adapter.rest.auth.PublicClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The reference server's command line: {@code serve} runs the registry. Every option also reads an
 * environment variable, for containers.
 */
@Command(
    name = "ogcr-server",
    mixinStandardHelpOptions = true,
    version = "ogcr-server 0.1.0",
    description = "The OGCR carbon-removal registry's reference server.",
    subcommands = {
      Main.Serve.class,
      Main.RunDemo.class,
      Main.DeployContracts.class,
      Main.Reconcile.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description =
          "Runs the registry: an H2 database under --data-dir by default, PostgreSQL with --jdbc-url.")
  static final class Serve implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DatabaseOptions database = new DatabaseOptions();

    @Option(
        names = "--host",
        defaultValue = "${env:OGCR_HOST:-127.0.0.1}",
        description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "${env:OGCR_PORT:-8080}",
        description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(
        names = "--public-url",
        defaultValue = "${env:OGCR_PUBLIC_URL}",
        description = "The URL clients reach the server at, e.g. https://registry.example.org.")
    String publicUrl;

    @Option(
        names = "--max-body-bytes",
        defaultValue = "${env:OGCR_MAX_BODY_BYTES:-1048576}",
        description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(
        names = "--anonymous-rate",
        defaultValue = "${env:OGCR_ANONYMOUS_RATE:-120}",
        description = "Requests per minute from one address without credentials.")
    int anonymousPerMinute;

    @Option(
        names = "--token-key-file",
        defaultValue = "${env:OGCR_TOKEN_KEY_FILE}",
        description =
            "Private JWK the registry signs access tokens with (default: <data-dir>/"
                + "token-signing-key.jwk, made on first start); servers sharing a database share it.")
    Path tokenKeyFile;

    @Option(
        names = "--trust-issuer",
        defaultValue = "${env:OGCR_TRUST_ISSUER}",
        description = "Also accept access tokens of this OAuth 2.0 issuer (its iss URL).")
    String trustIssuer;

    @Option(
        names = "--trust-jwks-uri",
        defaultValue = "${env:OGCR_TRUST_JWKS_URI}",
        description = "The trusted issuer's JWKS URL.")
    String trustJwksUri;

    @Option(
        names = "--trust-audience",
        defaultValue = "${env:OGCR_TRUST_AUDIENCE}",
        description =
            "The audience the trusted issuer's tokens must name (default: the public URL).")
    String trustAudience;

    @Option(
        names = "--oauth-client",
        paramLabel = "<id>=<redirect URI>[,<redirect URI>...]",
        description =
            "Registers an application people sign in through (OAuth 2.0 authorization code with"
                + " PKCE, at /oauth/authorize); repeatable. Redirect URIs are https, or http on"
                + " 127.0.0.1 for native applications. Environment: OGCR_OAUTH_CLIENTS,"
                + " space-separated.")
    List<String> oauthClients;

    @CommandLine.Mixin EvmOptions chain = new EvmOptions();

    @Override
    public Integer call() throws InterruptedException {
      ServerConfig config =
          new ServerConfig(
              database.dataDirectory,
              database.jdbcUrl(),
              database.dbUser,
              database.dbPassword,
              database.maxConnections(spec.commandLine()),
              host,
              port,
              Optional.ofNullable(publicUrl).filter(s -> !s.isBlank()),
              maxBodyBytes,
              anonymousPerMinute,
              tokenKeyFile != null
                  ? tokenKeyFile
                  : database.dataDirectory.resolve("token-signing-key.jwk"),
              externalIssuer(),
              oauthClients(),
              chain.ledger(spec.commandLine(), true));
      RegistryServer server = RegistryServer.start(config);
      server
          .firstAdministrator()
          .ifPresent(
              admin ->
                  System.out.println(
                      "First start: the administrator's API key, shown this once (store it now;"
                          + " use it as X-API-Key, or as client "
                          + admin.credential().id()
                          + " at /oauth/token):\n  "
                          + admin.key()));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  }));
      System.out.println(
          "OGCR registry serving "
              + config.baseUrl(server.port())
              + " (press Ctrl+C to stop); the API is described at /openapi.json");
      stopped.await();
      return 0;
    }

    private List<PublicClient> oauthClients() {
      List<String> specs = oauthClients;
      if (specs == null || specs.isEmpty()) {
        String env = System.getenv("OGCR_OAUTH_CLIENTS");
        specs = env == null || env.isBlank() ? List.of() : List.of(env.trim().split("\\s+"));
      }
      try {
        List<PublicClient> clients = specs.stream().map(PublicClient::parse).toList();
        if (clients.stream().map(PublicClient::id).distinct().count() != clients.size()) {
          throw new IllegalArgumentException("each application id may be registered once");
        }
        return clients;
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--oauth-client: " + e.getMessage());
      }
    }

    private Optional<AccessTokenValidator> externalIssuer() {
      if (trustIssuer == null || trustIssuer.isBlank()) {
        return Optional.empty();
      }
      if (trustJwksUri == null || trustJwksUri.isBlank()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--trust-issuer needs --trust-jwks-uri");
      }
      return Optional.of(
          ExternalIssuer.builder()
              .issuer(trustIssuer)
              .jwksUri(trustJwksUri)
              .audience(
                  trustAudience != null && !trustAudience.isBlank()
                      ? trustAudience
                      : Optional.ofNullable(publicUrl)
                          .filter(u -> !u.isBlank())
                          .orElse("http://" + host + ":" + port))
              .build());
    }
  }

  /** Where the registry's record lives: options shared by the commands that open it. */
  static final class DatabaseOptions {

    @Option(
        names = "--data-dir",
        defaultValue = "${env:OGCR_DATA_DIR:-ogcr-data}",
        description = "Directory of the embedded H2 database (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(
        names = "--jdbc-url",
        defaultValue = "${env:OGCR_JDBC_URL}",
        description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/ogcr.")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:OGCR_DB_USER:-ogcr}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:OGCR_DB_PASSWORD:-}")
    String dbPassword;

    @Option(
        names = "--db-max-connections",
        defaultValue = "${env:OGCR_DB_MAX_CONNECTIONS}",
        description =
            "Most PostgreSQL connections held at once; requests beyond that wait in the server"
                + " (default: twice the processors plus one).")
    Integer dbMaxConnections;

    int maxConnections(CommandLine cl) {
      if (dbMaxConnections == null) {
        return ServerConfig.defaultMaxConnections();
      }
      if (dbMaxConnections < 1) {
        throw new CommandLine.ParameterException(
            cl, "--db-max-connections must be 1 or more, not " + dbMaxConnections);
      }
      return dbMaxConnections;
    }

    Optional<String> jdbcUrl() {
      return Optional.ofNullable(jdbcUrl).filter(s -> !s.isBlank());
    }
  }

  /**
   * The EVM node and the registry's contracts on it: options shared by the commands that use it.
   */
  static final class EvmOptions {

    @Option(
        names = "--evm-url",
        defaultValue = "${env:OGCR_EVM_URL}",
        description =
            "Anchor the record on an EVM node (its JSON-RPC URL) instead of the in-process ledger;"
                + " needs --evm-token, --evm-anchor and the relay's key.")
    String evmUrl;

    @Option(
        names = "--evm-chain-id",
        defaultValue = "${env:OGCR_EVM_CHAIN_ID:-31337}",
        description = "The network's chain id (default: ${DEFAULT-VALUE}, anvil's).")
    long evmChainId;

    @Option(
        names = "--evm-token",
        defaultValue = "${env:OGCR_EVM_TOKEN}",
        description = "Address of the CreditToken contract.")
    String evmToken;

    @Option(
        names = "--evm-anchor",
        defaultValue = "${env:OGCR_EVM_ANCHOR}",
        description = "Address of the AnchorRegistry contract.")
    String evmAnchor;

    @Option(
        names = "--evm-key-file",
        defaultValue = "${env:OGCR_EVM_KEY_FILE}",
        description =
            "File holding the relay account's private key (hex); its account needs the"
                + " registry_operator role. Or OGCR_EVM_PRIVATE_KEY.")
    Path evmKeyFile;

    @Option(
        names = "--evm-confirmations",
        defaultValue = "${env:OGCR_EVM_CONFIRMATIONS:-12}",
        description = "Blocks, its own included, before an entry counts as confirmed.")
    int evmConfirmations;

    @Option(
        names = "--evm-gas-price",
        defaultValue = "${env:OGCR_EVM_GAS_PRICE:-2000000000}",
        description = "Gas price offered, in wei (default: ${DEFAULT-VALUE}).")
    java.math.BigInteger evmGasPrice;

    @Option(
        names = "--evm-gas-limit",
        defaultValue = "${env:OGCR_EVM_GAS_LIMIT:-15000000}",
        description = "Most gas one transaction may use (default: ${DEFAULT-VALUE}).")
    java.math.BigInteger evmGasLimit;

    @Option(
        names = "--evm-poll-ms",
        defaultValue = "${env:OGCR_EVM_POLL_MS:-1000}",
        description = "How often a sent transaction's receipt is asked for, in ms.")
    long evmPollMillis;

    @Option(
        names = "--evm-max-priority-fee",
        defaultValue = "${env:OGCR_EVM_MAX_PRIORITY_FEE}",
        description =
            "Send EIP-1559 transactions tipping this many wei per gas, with --evm-gas-price as"
                + " their fee cap; without it, legacy transactions at --evm-gas-price.")
    java.math.BigInteger evmMaxPriorityFee;

    @Option(
        names = "--evm-start-block",
        defaultValue = "${env:OGCR_EVM_START_BLOCK:-0}",
        description =
            "The block the contracts were deployed in (deploy-contracts prints it): the event"
                + " indexer reads from there on (default: ${DEFAULT-VALUE}).")
    long evmStartBlock;

    @Option(
        names = "--evm-log-window",
        defaultValue = "${env:OGCR_EVM_LOG_WINDOW:-1000}",
        description =
            "The most blocks one eth_getLogs asks for; lower it to a provider's cap"
                + " (default: ${DEFAULT-VALUE}).")
    int evmLogWindow;

    @Option(
        names = "--evm-reconcile-every",
        defaultValue = "${env:OGCR_EVM_RECONCILE_EVERY:-PT5M}",
        description =
            "How often the registry's blocks are compared with the chain, as an ISO-8601"
                + " duration; every difference is logged (default: ${DEFAULT-VALUE}).")
    java.time.Duration evmReconcileEvery;

    /**
     * The EVM ledger the options name, if {@code --evm-url} is given.
     *
     * @param needsKey whether the relay's key is required; a command that only reads gets a key of
     *     its own, never used to send
     */
    Optional<ServerConfig.EvmLedger> ledger(CommandLine cl, boolean needsKey) {
      if (evmUrl == null || evmUrl.isBlank()) {
        return Optional.empty();
      }
      if (evmToken == null || evmToken.isBlank() || evmAnchor == null || evmAnchor.isBlank()) {
        throw new CommandLine.ParameterException(
            cl, "--evm-url needs --evm-token and --evm-anchor, the contracts' addresses");
      }
      String key = System.getenv("OGCR_EVM_PRIVATE_KEY");
      if (evmKeyFile != null) {
        try {
          key = java.nio.file.Files.readString(evmKeyFile).trim();
        } catch (java.io.IOException e) {
          throw new CommandLine.ParameterException(
              cl, "--evm-key-file: cannot read " + evmKeyFile + ": " + e.getMessage());
        }
      }
      if (key == null && !needsKey) {
        key = readOnlyKey();
      }
      if (key == null || !key.matches("(0x)?[0-9a-fA-F]{64}")) {
        throw new CommandLine.ParameterException(
            cl,
            "--evm-url needs the relay's private key, 64 hex digits, in --evm-key-file or"
                + " OGCR_EVM_PRIVATE_KEY");
      }
      try {
        return Optional.of(
            new ServerConfig.EvmLedger(
                evmUrl,
                key,
                new EvmLedgerSettings(
                    evmChainId,
                    evmToken,
                    evmAnchor,
                    evmConfirmations,
                    evmGasPrice,
                    evmGasLimit,
                    java.time.Duration.ofMillis(evmPollMillis),
                    Optional.ofNullable(evmMaxPriorityFee)),
                evmStartBlock,
                evmLogWindow,
                evmReconcileEvery));
      } catch (org.ogcr.domain.common.InvalidValueException e) {
        throw new CommandLine.ParameterException(
            cl,
            FLAGS.getOrDefault(e.field(), "--evm-*")
                + " "
                + e.rule()
                + "; was "
                + e.rejectedValue());
      } catch (org.ogcr.domain.common.DomainException e) {
        throw new CommandLine.ParameterException(cl, "--evm-*: " + e.getMessage());
      }
    }

    /** The option of each checked setting, so that a refusal names what the operator typed. */
    private static final java.util.Map<String, String> FLAGS =
        java.util.Map.of(
            "chainId", "--evm-chain-id",
            "confirmations", "--evm-confirmations",
            "maxPriorityFee", "--evm-max-priority-fee",
            "receiptPolling", "--evm-poll-ms",
            "startBlock", "--evm-start-block",
            "logWindow", "--evm-log-window",
            "reconcileEvery", "--evm-reconcile-every");

    /** A fresh key, for reads: {@code eth_call} needs a sender, never a funded one. */
    private static String readOnlyKey() {
      try {
        return org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
            org.web3j.crypto.Keys.createEcKeyPair().getPrivateKey(), 64);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("cannot make a key for reading the chain", e);
      }
    }
  }

  @Command(
      name = "reconcile",
      mixinStandardHelpOptions = true,
      description = {
        "Compares the registry's record with the chain once: reads the contracts' events into the"
            + " database's index, then prints every difference between the registry's credit"
            + " blocks, the index and the token contract. Exit code 0 when they agree, 1 when"
            + " they differ. It only reads the chain, so it needs no relay key.",
        "On H2 stop the server first (its files open in one process); on PostgreSQL run it"
            + " beside the servers."
      })
  static final class Reconcile implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Mixin EvmOptions chain = new EvmOptions();

    @Override
    public Integer call() throws Exception {
      CommandLine cl = spec.commandLine();
      ServerConfig.EvmLedger evm =
          chain
              .ledger(cl, false)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          cl,
                          "reconcile needs --evm-url, --evm-token and --evm-anchor: the chain to"
                              + " compare with"));
      Databases.Opened opened =
          Databases.open(
              database.dataDirectory,
              database.jdbcUrl(),
              database.dbUser,
              database.dbPassword,
              database.maxConnections(cl));
      org.web3j.protocol.Web3j node =
          org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(evm.rpcUrl()));
      try {
        org.ogcr.adapter.evm.EvmCreditLedger ledger =
            new org.ogcr.adapter.evm.EvmCreditLedger(
                node, org.web3j.crypto.Credentials.create(evm.relayPrivateKey()), evm.settings());
        org.ogcr.adapter.jdbc.JdbcAdapters jdbc =
            org.ogcr.adapter.jdbc.JdbcAdapters.create(
                opened.database(),
                java.time.Instant::now,
                ledger,
                org.ogcr.adapter.json.document.JsonDocumentReader.withDefaults());
        org.ogcr.adapter.evm.EvmReconciliation.Report report =
            new ChainWatch(node, ledger, opened.database(), jdbc.ports(), evm).reconcile();
        java.io.PrintWriter out = cl.getOut();
        report.differences().forEach(d -> out.println(d));
        out.println(report.summary());
        if (!report.skipped().isEmpty()) {
          out.println("skipped: " + String.join(", ", report.skipped()));
        }
        out.flush();
        return report.agrees() ? 0 : 1;
      } finally {
        node.shutdown();
        opened.closer().close();
      }
    }
  }

  @Command(
      name = "deploy-contracts",
      mixinStandardHelpOptions = true,
      description =
          "Deploys the registry's contracts on an EVM node (one administrator, M = 1) and grants"
              + " the relay's account registry_operator; prints the addresses serve needs.")
  static final class DeployContracts implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--evm-url",
        required = true,
        defaultValue = "${env:OGCR_EVM_URL}",
        description = "The node's JSON-RPC URL, e.g. http://127.0.0.1:8545.")
    String evmUrl;

    @Option(
        names = "--evm-chain-id",
        defaultValue = "${env:OGCR_EVM_CHAIN_ID:-31337}",
        description = "The network's chain id (default: ${DEFAULT-VALUE}, anvil's).")
    long chainId;

    @Option(
        names = "--admin-key-file",
        required = true,
        description = "File holding the administrator account's private key (hex); it pays.")
    Path adminKeyFile;

    @Option(
        names = "--operator",
        required = true,
        description = "The relay's account address, granted registry_operator.")
    String operator;

    @Option(
        names = "--evm-gas-price",
        defaultValue = "${env:OGCR_EVM_GAS_PRICE:-2000000000}",
        description = "Gas price offered, in wei (default: ${DEFAULT-VALUE}).")
    java.math.BigInteger gasPrice;

    @Override
    public Integer call() throws Exception {
      String key = java.nio.file.Files.readString(adminKeyFile).trim();
      if (!key.matches("(0x)?[0-9a-fA-F]{64}")) {
        // never echo the key: a malformed one would otherwise show up in the error
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--admin-key-file must hold a private key of 64 hex digits");
      }
      org.web3j.protocol.Web3j web3j =
          org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(evmUrl));
      try {
        org.ogcr.adapter.evm.EvmContracts.Deployment d =
            org.ogcr.adapter.evm.EvmContracts.deploy(
                web3j,
                chainId,
                org.web3j.crypto.Credentials.create(key),
                operator,
                gasPrice,
                java.math.BigInteger.valueOf(15_000_000),
                1000);
        System.out.println("RegistryAccess " + d.access());
        System.out.println("CreditToken    " + d.token());
        System.out.println("AnchorRegistry " + d.anchor());
        System.out.println("deployed in block " + d.deployedAt());
        System.out.println(
            "serve with: --evm-url "
                + evmUrl
                + " --evm-chain-id "
                + chainId
                + " --evm-token "
                + d.token()
                + " --evm-anchor "
                + d.anchor()
                + " --evm-start-block "
                + d.deployedAt()
                + " --evm-key-file <relay key>");
        return 0;
      } finally {
        web3j.shutdown();
      }
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description =
          "Drives the worked example over HTTP against a running, fresh server and prints each"
              + " step.")
  static final class RunDemo implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--url",
        defaultValue = "${env:OGCR_URL:-http://127.0.0.1:8080}",
        description = "The server's URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
        names = "--admin-key",
        required = true,
        defaultValue = "${env:OGCR_ADMIN_KEY}",
        description = "The administrator's API key the server printed on its first start.")
    String adminKey;

    @Option(
        names = "--scale",
        defaultValue = "1",
        description =
            "Runs the example this many times over: its project declares scale × 1,200 verified"
                + " acres and its report scale × 429 tCO2e, so about scale × 429 credits are issued"
                + " (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    public Integer call() {
      if (scale < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--scale must be 1 or more, not " + scale);
      }
      try {
        new Demo(
                url, adminKey, System.out, java.time.LocalDate.now(java.time.ZoneOffset.UTC), scale)
            .run();
        return 0;
      } catch (Demo.StepFailed e) {
        System.err.println("The demo stopped: " + e.getMessage());
        return 1;
      }
    }
  }
}
