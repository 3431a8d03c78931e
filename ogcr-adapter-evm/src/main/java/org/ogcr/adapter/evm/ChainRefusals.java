package org.ogcr.adapter.evm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * What a revert of the registry's contracts means for the ledger port: the custom errors that say
 * the command does not fit the chain's blocks ({@code ledger_state_mismatch}), the one that says
 * its id was used for another command ({@code ledger_command_conflict}), and everything else (the
 * registry paused, the relay's account without its role, an unknown error), which is no refusal of
 * the command but a failure to retry later.
 */
final class ChainRefusals {

  static final String CONFLICT = "ledger_command_conflict";
  static final String MISMATCH = "ledger_state_mismatch";

  /** Custom errors by selector: the error's signature and the ledger code it maps to, if any. */
  private static final Map<String, Known> BY_SELECTOR = new HashMap<>();

  private record Known(String signature, Optional<String> code) {}

  static {
    known(CONFLICT, "CommandIdReused(bytes32,bytes32,bytes32)");
    for (String mismatch :
        List.of(
            "IssuanceAlreadyMinted(bytes32)",
            "EmptyBlocks()",
            "EmptyRemoval()",
            "InvalidRange(uint256,uint64,uint64)",
            "SerialGap(uint256,uint64,uint64)",
            "CoverageMismatch(uint64,uint64)",
            "ZeroAccount(uint256)",
            "InvalidInitialStatus(uint256,uint8)",
            "UnknownToken(uint256)",
            "TokenClosed(uint256)",
            "TokenIsFinal(uint256,uint8)",
            "IssuanceMismatch(uint256,bytes32,bytes32)",
            "RemovedNotContiguous(uint256,uint64,uint64)",
            "InvalidStatusTransition(uint256,uint8,uint8)",
            "ReplacementMismatch(uint256,bytes32,bytes32)",
            "MissingReasonCode(uint256)",
            "RangeNotInToken(uint256,uint64,uint64,uint64,uint64)",
            "ReportNotVerified(bytes32,uint8)",
            "ReportProjectMismatch(bytes32,bytes32,bytes32)",
            "IssuanceExceedsVerified(bytes32,uint256,uint256)",
            "ZeroIssuanceKey()",
            "ZeroProjectId()",
            "ZeroReportId()",
            "ZeroVintage()",
            "ZeroHash()",
            "ZeroKind()")) {
      known(MISMATCH, mismatch);
    }
    for (String failure :
        List.of(
            "RegistryPaused()",
            "ZeroCommandId()",
            "AccessControlUnauthorizedAccount(address,bytes32)",
            "ReentrancyGuardReentrantCall()")) {
      BY_SELECTOR.put(selector(failure), new Known(failure, Optional.empty()));
    }
  }

  private ChainRefusals() {}

  private static void known(String code, String signature) {
    BY_SELECTOR.put(selector(signature), new Known(signature, Optional.of(code)));
  }

  /** The four-byte selector of an error signature, as {@code 0x} and eight hex digits. */
  static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  /** A revert, read from its return data. */
  record Revert(String data) {

    /** The ledger code it maps to: empty when it is no refusal of the command. */
    Optional<String> code() {
      return known().flatMap(Known::code);
    }

    /** The error's signature, when it is one of the registry's. */
    String describe() {
      return known().map(Known::signature).orElse("unknown error") + " " + data;
    }

    private Optional<Known> known() {
      return data == null || data.length() < 10
          ? Optional.empty()
          : Optional.ofNullable(BY_SELECTOR.get(data.substring(0, 10).toLowerCase()));
    }
  }
}
