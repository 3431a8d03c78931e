// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IRegistryAccess} from "../interfaces/IRegistryAccess.sol";

/// @title Shared base of the registry's components
/// @notice Role checks and the emergency stop are delegated to one `RegistryAccess`; every write
/// carries a `commandId` and is idempotent: the first call with an id records the digest of its
/// calldata and applies; a repeat with identical calldata is a no-op that returns `false` and
/// emits nothing; a repeat with different calldata reverts `CommandIdReused`.
abstract contract RegistryComponent is ReentrancyGuard {
    /// @dev keccak256("administrator") etc., as in RegistryAccess.
    bytes32 internal constant ADMINISTRATOR_ROLE = keccak256("administrator");
    bytes32 internal constant DEVELOPER_ROLE = keccak256("developer");
    bytes32 internal constant VALIDATOR_ROLE = keccak256("validator");
    bytes32 internal constant VERIFIER_ROLE = keccak256("verifier");
    bytes32 internal constant REGISTRY_OPERATOR_ROLE = keccak256("registry_operator");

    /// @notice The access-control contract every role check and the emergency stop come from.
    IRegistryAccess public immutable registryAccess;

    mapping(bytes32 commandId => bytes32 calldataDigest) private _commands;

    /// @notice A command id must not be zero.
    error ZeroCommandId();
    /// @notice `commandId` was applied before with different calldata.
    error CommandIdReused(bytes32 commandId, bytes32 appliedDigest, bytes32 givenDigest);
    /// @notice The registry is stopped (RegistryAccess is paused).
    error RegistryPaused();
    /// @notice A zero address was given where a contract is required.
    error ZeroContract();

    /// @notice A command was applied: its id and the keccak256 of the calldata that applied it.
    event CommandApplied(bytes32 indexed commandId, bytes32 calldataDigest, address indexed sender);

    constructor(IRegistryAccess access_) {
        if (address(access_) == address(0)) revert ZeroContract();
        registryAccess = access_;
    }

    /// @dev Reverts unless the caller holds `role`.
    modifier onlyRole(bytes32 role) {
        registryAccess.checkRole(role, msg.sender);
        _;
    }

    /// @dev Reverts unless the caller holds `role` or `otherRole`.
    modifier onlyEitherRole(bytes32 role, bytes32 otherRole) {
        if (!registryAccess.hasRole(role, msg.sender) && !registryAccess.hasRole(otherRole, msg.sender)) {
            revert IAccessControl.AccessControlUnauthorizedAccount(msg.sender, role);
        }
        _;
    }

    /// @dev Reverts while the registry is stopped.
    modifier whenActive() {
        if (registryAccess.paused()) revert RegistryPaused();
        _;
    }

    /// @notice The keccak256 of the calldata that applied `commandId`, or zero if never applied.
    function commandDigest(bytes32 commandId) external view returns (bytes32) {
        return _commands[commandId];
    }

    /// @notice Whether `commandId` has been applied.
    function isApplied(bytes32 commandId) external view returns (bool) {
        return _commands[commandId] != bytes32(0);
    }

    /// @dev Records `commandId`; returns false when the same call was applied before (a retry).
    function _begin(bytes32 commandId) internal returns (bool fresh) {
        if (commandId == bytes32(0)) revert ZeroCommandId();
        bytes32 digest = keccak256(msg.data);
        bytes32 applied = _commands[commandId];
        if (applied == bytes32(0)) {
            _commands[commandId] = digest;
            emit CommandApplied(commandId, digest, msg.sender);
            return true;
        }
        if (applied != digest) revert CommandIdReused(commandId, applied, digest);
        return false;
    }
}
