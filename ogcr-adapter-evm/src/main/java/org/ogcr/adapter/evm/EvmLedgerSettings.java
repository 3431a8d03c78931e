package org.ogcr.adapter.evm;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.ogcr.domain.common.Require;

/**
 * Where the registry's contracts live on an EVM network and how the relay writes to them: network
 * parameters are configuration, never code.
 *
 * @param chainId the network's chain id, signed into every transaction (EIP-155)
 * @param tokenAddress the {@code CreditToken} contract
 * @param anchorAddress the {@code AnchorRegistry} contract
 * @param confirmations how many blocks, the entry's own included, make an entry confirmed; 1 for a
 *     development node that mines each transaction, more on a public network
 * @param gasPrice the price offered, in wei: a legacy transaction's gas price, or an EIP-1559
 *     transaction's most it pays per gas ({@code maxFeePerGas})
 * @param gasLimit the most gas one transaction may use
 * @param receiptPolling how often a sent transaction's receipt is asked for: about the network's
 *     block time (12 s on Ethereum), far less on a development node
 * @param maxPriorityFee when present, transactions are EIP-1559 (type 2) with this tip per gas, in
 *     wei, and {@code gasPrice} as their fee cap; when empty, legacy transactions at {@code
 *     gasPrice}
 */
public record EvmLedgerSettings(
    long chainId,
    String tokenAddress,
    String anchorAddress,
    int confirmations,
    BigInteger gasPrice,
    BigInteger gasLimit,
    Duration receiptPolling,
    Optional<BigInteger> maxPriorityFee) {

  /** Legacy transactions at {@code gasPrice}. */
  public EvmLedgerSettings(
      long chainId,
      String tokenAddress,
      String anchorAddress,
      int confirmations,
      BigInteger gasPrice,
      BigInteger gasLimit,
      Duration receiptPolling) {
    this(
        chainId,
        tokenAddress,
        anchorAddress,
        confirmations,
        gasPrice,
        gasLimit,
        receiptPolling,
        Optional.empty());
  }

  /** The same network, with EIP-1559 transactions tipping {@code tip} wei per gas. */
  public EvmLedgerSettings withMaxPriorityFee(BigInteger tip) {
    return new EvmLedgerSettings(
        chainId,
        tokenAddress,
        anchorAddress,
        confirmations,
        gasPrice,
        gasLimit,
        receiptPolling,
        Optional.of(tip));
  }

  public EvmLedgerSettings {
    Require.positive("chainId", chainId);
    Require.nonNull("tokenAddress", tokenAddress);
    Require.nonNull("anchorAddress", anchorAddress);
    Require.between("confirmations", confirmations, 1, 10_000);
    Require.nonNull("gasPrice", gasPrice);
    Require.nonNull("gasLimit", gasLimit);
    Require.nonNull("receiptPolling", receiptPolling);
    if (receiptPolling.isNegative() || receiptPolling.isZero()) {
      throw new org.ogcr.domain.common.InvalidValueException(
          "receiptPolling", receiptPolling, "must be positive");
    }
    Require.nonNull("maxPriorityFee", maxPriorityFee);
    if (maxPriorityFee.isPresent()
        && (maxPriorityFee.get().signum() < 0 || maxPriorityFee.get().compareTo(gasPrice) > 0)) {
      throw new org.ogcr.domain.common.InvalidValueException(
          "maxPriorityFee",
          maxPriorityFee.get(),
          "must be between 0 and the fee cap (gasPrice) " + gasPrice + " wei");
    }
  }
}
