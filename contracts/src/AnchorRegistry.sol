// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {RegistryComponent} from "./base/RegistryComponent.sol";
import {IRegistryAccess} from "./interfaces/IRegistryAccess.sol";
import {IAnchorRegistry} from "./interfaces/IAnchorRegistry.sol";

/// @title Anchor registry (OGCR 3: the blockchain layer records document hashes)
/// @notice The registry operator anchors a 32-byte document or attestation hash, or the Merkle root
/// of many, in one transaction. Anyone can check an inclusion proof against an anchored root.
/// Leaves are `keccak256(keccak256(documentHash))` (hashed twice, so no inner node can pass for a
/// leaf); pairs are hashed sorted (OpenZeppelin MerkleProof, commutative keccak256).
/// Anchoring a hash again under a new command keeps the first record and emits the event again.
contract AnchorRegistry is IAnchorRegistry, RegistryComponent {
    mapping(bytes32 hashOrRoot => AnchorRecord) private _anchors;

    constructor(IRegistryAccess access_) RegistryComponent(access_) {}

    /// @notice Anchors one document or attestation hash.
    /// @param commandId idempotency key of this write
    /// @param kind keccak256 of the kind's text, e.g. keccak256("pdd")
    /// @param documentHash the 32-byte hash to anchor
    /// @return applied false when this exact command was applied before
    function anchor(bytes32 commandId, bytes32 kind, bytes32 documentHash)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        if (documentHash == bytes32(0)) revert ZeroHash();
        if (kind == bytes32(0)) revert ZeroKind();
        _record(documentHash, kind, 0);
        emit DocumentAnchored(documentHash, kind, msg.sender, uint64(block.timestamp), commandId);
        return true;
    }

    /// @notice Anchors the Merkle root of `leafCount` document hashes.
    /// @param root the root over leaves `leafHash(documentHash)`
    /// @return applied false when this exact command was applied before
    function anchorBatch(bytes32 commandId, bytes32 kind, bytes32 root, uint32 leafCount)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        if (root == bytes32(0)) revert ZeroHash();
        if (kind == bytes32(0)) revert ZeroKind();
        if (leafCount == 0) revert EmptyBatch(root);
        _record(root, kind, leafCount);
        emit BatchAnchored(root, kind, msg.sender, leafCount, uint64(block.timestamp), commandId);
        return true;
    }

    /// @notice Whether `documentHash` is in the anchored batch `root`, by its inclusion proof.
    /// False when the root was never anchored.
    function verifyInclusion(bytes32 root, bytes32 documentHash, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        if (_anchors[root].timestamp == 0 || _anchors[root].leafCount == 0) return false;
        return MerkleProof.verifyCalldata(proof, root, leafHash(documentHash));
    }

    /// @notice The Merkle leaf of a document hash: keccak256(keccak256(documentHash)).
    function leafHash(bytes32 documentHash) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(documentHash))));
    }

    /// @notice Whether a hash or root has been anchored.
    function isAnchored(bytes32 hashOrRoot) external view returns (bool) {
        return _anchors[hashOrRoot].timestamp != 0;
    }

    /// @notice The first anchoring of a hash or root (all zero when never anchored).
    function anchorOf(bytes32 hashOrRoot) external view returns (AnchorRecord memory) {
        return _anchors[hashOrRoot];
    }

    function _record(bytes32 hashOrRoot, bytes32 kind, uint32 leafCount) private {
        AnchorRecord storage a = _anchors[hashOrRoot];
        if (a.timestamp != 0) return; // keep the first anchoring
        a.kind = kind;
        a.timestamp = uint64(block.timestamp);
        a.blockNumber = uint64(block.number);
        a.leafCount = leafCount;
    }
}
