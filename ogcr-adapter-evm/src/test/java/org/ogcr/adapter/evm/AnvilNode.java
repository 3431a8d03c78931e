package org.ogcr.adapter.evm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A real EVM node for tests: anvil, from the npm package the contracts build installs, on 127.0.0.1
 * and a port of its own choosing, stopped on close. Its accounts are anvil's well-known development
 * accounts, funded at start; their keys protect nothing.
 */
public final class AnvilNode implements AutoCloseable {

  /** Anvil's first two development accounts (the mnemonic "test test … junk"). */
  public static final Credentials DEPLOYER =
      Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  public static final Credentials OPERATOR =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  /** The chain id the node is started with. */
  public static final long CHAIN_ID = 31337;

  private static final Pattern LISTENING = Pattern.compile("Listening on (127\\.0\\.0\\.1:\\d+)");

  private final Process process;
  private final String url;
  private final Web3j web3j;

  private AnvilNode(Process process, String url) {
    this.process = process;
    this.url = url;
    this.web3j = Web3j.build(new HttpService(url));
  }

  /** Starts anvil with a chain id of its own and waits until it listens. */
  public static AnvilNode start() {
    Path anvil =
        Path.of(
            "..", "contracts", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
    if (!Files.isExecutable(anvil)) {
      throw new IllegalStateException(
          anvil.toAbsolutePath()
              + " is missing: the build installs it (node contracts/build.js runs npm ci)");
    }
    try {
      Process p =
          new ProcessBuilder(
                  anvil.toString(),
                  "--host",
                  "127.0.0.1",
                  "--port",
                  "0",
                  "--chain-id",
                  Long.toString(CHAIN_ID))
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      String line;
      while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          // keep reading what anvil prints, so its pipe never fills up
          Thread drain =
              new Thread(
                  () -> {
                    try {
                      while (out.readLine() != null) {
                        // anvil's log is not needed
                      }
                    } catch (IOException stopped) {
                      // the node stopped
                    }
                  },
                  "anvil-output");
          drain.setDaemon(true);
          drain.start();
          return new AnvilNode(p, "http://" + m.group(1));
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("anvil did not report listening within 30 s");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start anvil", e);
    }
  }

  public Web3j web3j() {
    return web3j;
  }

  /** Gas a test transaction offers and may use. */
  public static final java.math.BigInteger GAS_PRICE = java.math.BigInteger.valueOf(2_000_000_000L);

  public static final java.math.BigInteger GAS_LIMIT = java.math.BigInteger.valueOf(15_000_000);

  /** The registry's contracts deployed on this node, and the settings of a ledger over them. */
  public record Deployed(EvmContracts.Deployment contracts, EvmLedgerSettings settings) {}

  /**
   * Deploys the registry's contracts, {@link #DEPLOYER} administering and {@link #OPERATOR}
   * relaying, for a ledger that counts an entry confirmed under {@code confirmations} blocks.
   */
  public Deployed deployRegistry(int confirmations) {
    try {
      EvmContracts.Deployment d =
          EvmContracts.deploy(
              web3j, CHAIN_ID, DEPLOYER, OPERATOR.getAddress(), GAS_PRICE, GAS_LIMIT, 50);
      return new Deployed(
          d,
          new EvmLedgerSettings(
              CHAIN_ID,
              d.token(),
              d.anchor(),
              confirmations,
              GAS_PRICE,
              GAS_LIMIT,
              java.time.Duration.ofMillis(50)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot deploy the registry's contracts on anvil", e);
    }
  }

  /** A ledger over a deployment, relaying as {@link #OPERATOR}. */
  public EvmCreditLedger ledger(Deployed deployed) {
    return new EvmCreditLedger(web3j, OPERATOR, deployed.settings());
  }

  /** The credit token of a deployment, as {@code who} calls it. */
  public org.ogcr.adapter.evm.contracts.CreditToken token(Deployed deployed, Credentials who) {
    return org.ogcr.adapter.evm.contracts.CreditToken.load(
        deployed.contracts().token(),
        web3j,
        transactions(who),
        new org.web3j.tx.gas.StaticGasProvider(GAS_PRICE, GAS_LIMIT));
  }

  /** Sends {@code who}'s transactions, asking for their receipts every 50 ms. */
  public org.web3j.tx.TransactionManager transactions(Credentials who) {
    return new org.web3j.tx.RawTransactionManager(
        web3j,
        who,
        CHAIN_ID,
        new org.web3j.tx.response.PollingTransactionReceiptProcessor(web3j, 50, 600));
  }

  public String url() {
    return url;
  }

  @Override
  public void close() {
    web3j.shutdown();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
