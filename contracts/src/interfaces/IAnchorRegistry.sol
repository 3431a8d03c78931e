// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Anchor registry
/// @notice Document and attestation hashes anchored one by one or many at once by Merkle root.
interface IAnchorRegistry {
    /// @notice When and under which kind a hash (a document hash or a Merkle root) was first anchored.
    struct AnchorRecord {
        bytes32 kind;
        uint64 timestamp;
        uint64 blockNumber;
        uint32 leafCount;
    }

    /// @notice A single document or attestation hash was anchored.
    event DocumentAnchored(
        bytes32 indexed documentHash, bytes32 indexed kind, address indexed anchoredBy, uint64 timestamp, bytes32 commandId
    );
    /// @notice The Merkle root of `leafCount` document hashes was anchored.
    event BatchAnchored(
        bytes32 indexed root,
        bytes32 indexed kind,
        address indexed anchoredBy,
        uint32 leafCount,
        uint64 timestamp,
        bytes32 commandId
    );

    /// @notice A hash or root must not be zero.
    error ZeroHash();
    /// @notice A kind must not be zero.
    error ZeroKind();
    /// @notice A batch holds at least one leaf.
    error EmptyBatch(bytes32 root);
}
