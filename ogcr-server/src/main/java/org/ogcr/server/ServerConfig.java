package org.ogcr.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ogcr.adapter.evm.EvmLedgerSettings;
import org.ogcr.adapter.rest.auth.AccessTokenValidator;
import org.ogcr.adapter.rest.auth.PublicClient;
import org.ogcr.domain.common.Require;

/**
 * How the reference server runs: where its record lives, where it listens, and the limits of its
 * API.
 *
 * @param dataDirectory the embedded H2 database's directory, when no PostgreSQL URL is given
 * @param jdbcUrl a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/ogcr}); empty for H2
 * @param dbMaxConnections the most PostgreSQL connections the server holds at once; requests beyond
 *     that queue in the server rather than crowd the database
 * @param publicUrl the URL clients reach the server at (links, token issuer)
 * @param tokenKeyFile the private JWK the registry signs access tokens with; made on first start
 * @param externalIssuer another OAuth 2.0 authorization server whose access tokens are trusted
 * @param oauthClients the applications people sign in through (authorization code with PKCE)
 * @param evm an EVM node and the registry's contracts on it, to anchor the record there instead of
 *     in the in-process ledger
 */
public record ServerConfig(
    Path dataDirectory,
    Optional<String> jdbcUrl,
    String dbUser,
    String dbPassword,
    int dbMaxConnections,
    String host,
    int port,
    Optional<String> publicUrl,
    long maxBodyBytes,
    int anonymousPerMinute,
    Path tokenKeyFile,
    Optional<AccessTokenValidator> externalIssuer,
    List<PublicClient> oauthClients,
    Optional<EvmLedger> evm) {

  /**
   * The EVM ledger: the node's JSON-RPC URL, the relay's key (its account holds {@code
   * registry_operator}), the network's settings, and how the chain's events are indexed and
   * reconciled with the registry.
   *
   * @param startBlock the contracts' deployment block, where the indexer starts reading
   * @param logWindow the most blocks one {@code eth_getLogs} asks for
   * @param reconcileEvery how often the registry is compared with the chain
   */
  public record EvmLedger(
      String rpcUrl,
      String relayPrivateKey,
      EvmLedgerSettings settings,
      long startBlock,
      int logWindow,
      java.time.Duration reconcileEvery) {
    public EvmLedger {
      Require.nonNull("rpcUrl", rpcUrl);
      Require.nonNull("relayPrivateKey", relayPrivateKey);
      Require.nonNull("settings", settings);
      Require.nonNegative("startBlock", startBlock);
      Require.between("logWindow", logWindow, 1, 100_000);
      Require.nonNull("reconcileEvery", reconcileEvery);
      if (reconcileEvery.toMillis() < 1000) {
        throw new org.ogcr.domain.common.InvalidValueException(
            "reconcileEvery", reconcileEvery, "must be at least one second");
      }
    }

    /** Indexing from block 0 in windows of 1,000 blocks, reconciling every five minutes. */
    public EvmLedger(String rpcUrl, String relayPrivateKey, EvmLedgerSettings settings) {
      this(rpcUrl, relayPrivateKey, settings, 0, 1000, java.time.Duration.ofMinutes(5));
    }

    /** Leaves the key out. */
    @Override
    public String toString() {
      return "EvmLedger[rpcUrl="
          + rpcUrl
          + ", settings="
          + settings
          + ", startBlock="
          + startBlock
          + ", logWindow="
          + logWindow
          + ", reconcileEvery="
          + reconcileEvery
          + "]";
    }
  }

  public ServerConfig {
    Require.nonNull("dataDirectory", dataDirectory);
    Require.nonNull("jdbcUrl", jdbcUrl);
    Require.nonNull("dbUser", dbUser);
    Require.nonNull("dbPassword", dbPassword);
    Require.positive("dbMaxConnections", dbMaxConnections);
    Require.nonNull("host", host);
    Require.between("port", port, 0, 65535);
    Require.nonNull("publicUrl", publicUrl);
    Require.positive("maxBodyBytes", maxBodyBytes);
    Require.positive("anonymousPerMinute", anonymousPerMinute);
    Require.nonNull("tokenKeyFile", tokenKeyFile);
    Require.nonNull("externalIssuer", externalIssuer);
    oauthClients = List.copyOf(Require.noNulls("oauthClients", oauthClients));
    Require.nonNull("evm", evm);
    if (oauthClients.stream().map(PublicClient::id).distinct().count() != oauthClients.size()) {
      throw new IllegalArgumentException("each OAuth client id may be registered once");
    }
  }

  /**
   * Twice the processors plus one: a database does its best with about as many transactions at once
   * as it has processors to run them and a few more waiting on disk, and no better with more (they
   * take turns on the processors while holding their locks).
   */
  public static int defaultMaxConnections() {
    return 2 * Runtime.getRuntime().availableProcessors() + 1;
  }

  /** The embedded defaults: H2 under {@code dataDirectory}, 127.0.0.1:8080. */
  public static ServerConfig embedded(Path dataDirectory, int port) {
    return new ServerConfig(
        dataDirectory,
        Optional.empty(),
        "",
        "",
        defaultMaxConnections(),
        "127.0.0.1",
        port,
        Optional.empty(),
        1 << 20,
        120,
        dataDirectory.resolve("token-signing-key.jwk"),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /** The same configuration, on the PostgreSQL database at {@code url}. */
  public ServerConfig withPostgresql(String url, String user, String password) {
    return new ServerConfig(
        dataDirectory,
        Optional.of(url),
        user,
        password,
        dbMaxConnections,
        host,
        port,
        publicUrl,
        maxBodyBytes,
        anonymousPerMinute,
        tokenKeyFile,
        externalIssuer,
        oauthClients,
        evm);
  }

  /** The same configuration, anchoring on an EVM node. */
  public ServerConfig withEvm(EvmLedger ledger) {
    return new ServerConfig(
        dataDirectory,
        jdbcUrl,
        dbUser,
        dbPassword,
        dbMaxConnections,
        host,
        port,
        publicUrl,
        maxBodyBytes,
        anonymousPerMinute,
        tokenKeyFile,
        externalIssuer,
        oauthClients,
        Optional.of(ledger));
  }

  public String baseUrl(int boundPort) {
    return publicUrl.orElse("http://" + host + ":" + boundPort);
  }
}
