package org.ogcr.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line refuses what it cannot use before anything starts: exit code 2 and a message
 * naming the option, never a stack trace, and never a key's digits.
 */
class MainTest {

  private record Run(int exitCode, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return new Run(cl.execute(args), err.toString());
  }

  @Test
  void anApplicationForSignInMustBeWellFormed_andRegisteredOnce(@TempDir Path data) {
    Run malformed = run("serve", "--data-dir", data.toString(), "--oauth-client", "no-uri");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("--oauth-client").contains("<client id>=<redirect URI>");

    Run plainHttp =
        run("serve", "--data-dir", data.toString(), "--oauth-client", "app=http://a.example/cb");
    assertThat(plainHttp.exitCode()).isEqualTo(2);
    assertThat(plainHttp.err()).contains("must be https");

    Run twice =
        run(
            "serve",
            "--data-dir",
            data.toString(),
            "--oauth-client",
            "app=https://a.example/cb",
            "--oauth-client",
            "app=https://b.example/cb");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("registered once");
  }

  @Test
  void anEvmNodeNeedsTheContractsAddressesAndTheRelaysKey(@TempDir Path data) throws Exception {
    Run noAddresses =
        run("serve", "--data-dir", data.toString(), "--evm-url", "http://127.0.0.1:1");
    assertThat(noAddresses.exitCode()).isEqualTo(2);
    assertThat(noAddresses.err()).contains("--evm-token and --evm-anchor");

    Path badKey = data.resolve("relay.key");
    Files.writeString(badKey, "0x1234");
    Run noKey =
        run(
            "serve",
            "--data-dir",
            data.toString(),
            "--evm-url",
            "http://127.0.0.1:1",
            "--evm-token",
            "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
            "--evm-anchor",
            "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
            "--evm-key-file",
            badKey.toString());
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err()).contains("64 hex digits").doesNotContain("1234");
  }

  @Test
  void anEvmSettingOutOfRange_isRefusedByItsOption(@TempDir Path data) throws Exception {
    Path key = data.resolve("relay.key");
    Files.writeString(key, "0x" + "1".repeat(64));
    String[] chain = {
      "--evm-url", "http://127.0.0.1:1",
      "--evm-token", "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
      "--evm-anchor", "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
      "--evm-key-file", key.toString()
    };
    Run often =
        run(args("serve", "--data-dir", data.toString(), "--evm-reconcile-every", "PT0.1S"), chain);
    assertThat(often.exitCode()).isEqualTo(2);
    assertThat(often.err()).contains("--evm-reconcile-every").contains("at least one second");
    Run window = run(args("serve", "--data-dir", data.toString(), "--evm-log-window", "0"), chain);
    assertThat(window.exitCode()).isEqualTo(2);
    assertThat(window.err()).contains("--evm-log-window");
    Run tip =
        run(
            args(
                "serve",
                "--data-dir",
                data.toString(),
                "--evm-gas-price",
                "10",
                "--evm-max-priority-fee",
                "11"),
            chain);
    assertThat(tip.exitCode()).isEqualTo(2);
    assertThat(tip.err()).contains("--evm-max-priority-fee").contains("fee cap");
  }

  private static String[] args(String... first) {
    return first;
  }

  private static Run run(String[] first, String[] more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return run(all);
  }

  @Test
  void noDatabaseConnectionsIsRefusedByItsOption(@TempDir Path data) {
    Run none = run("serve", "--data-dir", data.toString(), "--db-max-connections", "0");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("--db-max-connections must be 1 or more, not 0");
  }

  @Test
  void aDemoAtScaleZeroIsRefusedBeforeAnyCall() {
    Run none =
        run("demo", "--url", "http://127.0.0.1:9", "--admin-key", "ogcr_x_y", "--scale", "0");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("--scale must be 1 or more, not 0");
  }

  @Test
  void reconcilingNeedsAChain(@TempDir Path data) {
    Run noChain = run("reconcile", "--data-dir", data.toString());
    assertThat(noChain.exitCode()).isEqualTo(2);
    assertThat(noChain.err()).contains("reconcile needs --evm-url");
  }

  @Test
  void aDeploymentKeyThatIsNotOneIsRefusedWithoutShowingIt(@TempDir Path data) throws Exception {
    Path key = data.resolve("admin.key");
    Files.writeString(
        key, "\uFEFFac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    Run run =
        run(
            "deploy-contracts",
            "--evm-url",
            "http://127.0.0.1:1",
            "--admin-key-file",
            key.toString(),
            "--operator",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("64 hex digits").doesNotContain("f2ff80");
  }
}
