// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Project registry (OGCR 5.2.1)
/// @notice Immutable references to project design documents (PDD) and the project lifecycle.
interface IProjectRegistry {
    /// @notice On-chain project states; `draft` lives off chain only.
    enum ProjectStatus {
        None,
        Submitted,
        Validated,
        Rejected,
        Archived
    }

    /// @notice A registered project.
    struct Project {
        bytes32 pddHash;
        bytes32 metadataHash;
        address registrant;
        uint64 registeredAt;
        ProjectStatus status;
        address decidedBy;
        uint64 decidedAt;
        bytes32 decisionReason;
    }

    /// @notice A PDD was registered under `projectId`; the project is `Submitted`.
    event PDDRegistered(
        bytes32 indexed projectId,
        bytes32 indexed pddHash,
        address indexed registrant,
        bytes32 metadataHash,
        string metadataURI,
        bytes32 commandId
    );
    /// @notice A project moved from `from` to `to`, decided by `actor` at `timestamp`.
    event ProjectStatusChanged(
        bytes32 indexed projectId,
        ProjectStatus indexed from,
        ProjectStatus indexed to,
        address actor,
        uint64 timestamp,
        bytes32 reason,
        bytes32 commandId
    );

    /// @notice A project id must not be zero.
    error ZeroProjectId();
    /// @notice A document hash must not be zero.
    error ZeroDocumentHash();
    /// @notice `projectId` is registered already.
    error ProjectAlreadyRegistered(bytes32 projectId);
    /// @notice No project has this id.
    error UnknownProject(bytes32 projectId);
    /// @notice The lifecycle has no edge `from` -> `to`.
    error InvalidProjectTransition(bytes32 projectId, ProjectStatus from, ProjectStatus to);

    /// @notice The status of a project (`None` when unknown).
    function statusOf(bytes32 projectId) external view returns (ProjectStatus);
}
