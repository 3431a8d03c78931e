package org.ogcr.adapter.evm;

import java.math.BigInteger;
import java.util.List;
import org.ogcr.adapter.evm.contracts.AnchorRegistry;
import org.ogcr.adapter.evm.contracts.CreditToken;
import org.ogcr.adapter.evm.contracts.RegistryAccess;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the registry's contracts for a development network or a test: one administrator (M-of-N
 * with M = 1), the relay's account granted {@code registry_operator} through a proposal, then the
 * credit token (without an MRV registry: the registry's database verified the report) and the
 * anchor registry.
 */
public final class EvmContracts {

  private static final String NO_MRV_REGISTRY = "0x0000000000000000000000000000000000000000";

  /**
   * The addresses of a deployment, and the block of its first transaction: where an indexer starts
   * reading.
   */
  public record Deployment(String access, String token, String anchor, long deployedAt) {}

  private EvmContracts() {}

  public static Deployment deploy(
      Web3j web3j,
      long chainId,
      Credentials administrator,
      String operatorAddress,
      BigInteger gasPrice,
      BigInteger gasLimit,
      long receiptPollingMillis)
      throws Exception {
    RawTransactionManager tx =
        new RawTransactionManager(
            web3j,
            administrator,
            chainId,
            new PollingTransactionReceiptProcessor(web3j, receiptPollingMillis, 600));
    StaticGasProvider gas = new StaticGasProvider(gasPrice, gasLimit);
    RegistryAccess access =
        RegistryAccess.deploy(web3j, tx, gas, List.of(administrator.getAddress()), BigInteger.ONE)
            .send();
    byte[] operatorRole = access.REGISTRY_OPERATOR_ROLE().send();
    // action 0 grants a role; with a threshold of one the proposal executes at once
    access.propose(BigInteger.ZERO, operatorRole, operatorAddress, BigInteger.ZERO).send();
    if (!access.hasRole(operatorRole, operatorAddress).send()) {
      throw new IllegalStateException("the operator role was not granted to " + operatorAddress);
    }
    CreditToken token =
        CreditToken.deploy(web3j, tx, gas, access.getContractAddress(), NO_MRV_REGISTRY).send();
    AnchorRegistry anchor =
        AnchorRegistry.deploy(web3j, tx, gas, access.getContractAddress()).send();
    long deployedAt =
        access.getTransactionReceipt().orElseThrow().getBlockNumber().longValueExact();
    return new Deployment(
        access.getContractAddress(),
        token.getContractAddress(),
        anchor.getContractAddress(),
        deployedAt);
  }
}
