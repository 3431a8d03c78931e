package org.ogcr.adapter.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ogcr.adapter.evm.contracts.CreditToken;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The contracts the build compiles, deployed through their generated web3j wrappers on a real anvil
 * node: the registry operator mints the worked example's issuance as two block tokens, a retried
 * mint writes nothing, and an account without the operator role is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractsOnAnvilTest {

  private AnvilNode node;
  private CreditToken token;
  private CreditToken asDeployer;

  @BeforeAll
  void deploy() throws Exception {
    node = AnvilNode.start();
    AnvilNode.Deployed d = node.deployRegistry(1);
    token = node.token(d, AnvilNode.OPERATOR);
    asDeployer = node.token(d, AnvilNode.DEPLOYER);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void theOperatorMintsAnIssuanceAsTwoBlockTokens_onceWhateverTheRetries() throws Exception {
    byte[] issuance = key("nulhegan-2026");
    CreditToken.IssuanceHeader header =
        new CreditToken.IssuanceHeader(
            issuance,
            key("nulhegan-forest"),
            key("nulhegan-forest-2026"),
            BigInteger.valueOf(2026));
    List<CreditToken.Block> blocks =
        List.of(block(1, 394, "property:nulhegan-forest"), block(395, 429, "buffer-pool"));

    TransactionReceipt minted =
        token.mintIssuance(key("mint-nulhegan-2026"), header, blocks).send();
    assertThat(minted.isStatusOK()).isTrue();
    assertThat(CreditToken.getCRUMintedEvents(minted)).hasSize(2);
    assertThat(token.liveAmountOf(issuance).send()).isEqualTo(BigInteger.valueOf(429));

    TransactionReceipt retried =
        token.mintIssuance(key("mint-nulhegan-2026"), header, blocks).send();
    assertThat(retried.isStatusOK()).isTrue();
    assertThat(CreditToken.getCRUMintedEvents(retried)).as("a retry mints nothing").isEmpty();
    assertThat(token.liveAmountOf(issuance).send()).isEqualTo(BigInteger.valueOf(429));
  }

  @Test
  void anAccountWithoutTheOperatorRoleCannotMint() {
    CreditToken.IssuanceHeader header =
        new CreditToken.IssuanceHeader(
            key("other-2026"), key("other"), key("other-2026-report"), BigInteger.valueOf(2026));
    assertThatThrownBy(
            () ->
                asDeployer
                    .mintIssuance(key("mint-other"), header, List.of(block(1, 10, "x")))
                    .send())
        .hasMessageContaining("revert");
  }

  private static CreditToken.Block block(long first, long last, String account) {
    return new CreditToken.Block(
        BigInteger.valueOf(first),
        BigInteger.valueOf(last),
        key(account),
        BigInteger.ZERO,
        new byte[32]);
  }

  private static byte[] key(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }
}
