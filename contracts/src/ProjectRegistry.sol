// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryComponent} from "./base/RegistryComponent.sol";
import {IRegistryAccess} from "./interfaces/IRegistryAccess.sol";
import {IProjectRegistry} from "./interfaces/IProjectRegistry.sol";

/// @title Project registry (OGCR 5.2.1)
/// @notice Stores the hash of each project design document with its id and metadata, and the
/// project lifecycle `Submitted -> Validated | Rejected`, `Validated -> Archived`. Every decision
/// records the deciding address and timestamp. Reads are public.
contract ProjectRegistry is IProjectRegistry, RegistryComponent {
    mapping(bytes32 projectId => Project) private _projects;
    uint256 private _projectCount;

    constructor(IRegistryAccess access_) RegistryComponent(access_) {}

    /// @notice Registers a project design document; the project starts `Submitted`.
    /// @param commandId idempotency key of this write (see RegistryComponent)
    /// @param projectId the registry's project id, hashed: keccak256 of its UTF-8 text
    /// @param pddHash keccak256 of the PDD's canonical JSON (RFC 8785)
    /// @param metadataHash keccak256 of the metadata document at `metadataURI` (may be zero)
    /// @param metadataURI where the metadata can be read; emitted, not stored
    /// @return applied false when this exact command was applied before
    function register(
        bytes32 commandId,
        bytes32 projectId,
        bytes32 pddHash,
        bytes32 metadataHash,
        string calldata metadataURI
    ) external nonReentrant whenActive onlyEitherRole(DEVELOPER_ROLE, REGISTRY_OPERATOR_ROLE) returns (bool applied) {
        if (!_begin(commandId)) return false;
        if (projectId == bytes32(0)) revert ZeroProjectId();
        if (pddHash == bytes32(0)) revert ZeroDocumentHash();
        Project storage p = _projects[projectId];
        if (p.status != ProjectStatus.None) revert ProjectAlreadyRegistered(projectId);
        p.pddHash = pddHash;
        p.metadataHash = metadataHash;
        p.registrant = msg.sender;
        p.registeredAt = uint64(block.timestamp);
        p.status = ProjectStatus.Submitted;
        ++_projectCount;
        emit PDDRegistered(projectId, pddHash, msg.sender, metadataHash, metadataURI, commandId);
        emit ProjectStatusChanged(
            projectId, ProjectStatus.None, ProjectStatus.Submitted, msg.sender, uint64(block.timestamp), 0, commandId
        );
        return true;
    }

    /// @notice A validator approves a submitted project: `Submitted -> Validated`.
    /// @return applied false when this exact command was applied before
    function approve(bytes32 commandId, bytes32 projectId)
        external
        nonReentrant
        whenActive
        onlyRole(VALIDATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        _transition(commandId, projectId, ProjectStatus.Submitted, ProjectStatus.Validated, 0);
        return true;
    }

    /// @notice A validator rejects a submitted project: `Submitted -> Rejected`.
    /// @param reason keccak256 of the justification document (may be zero)
    /// @return applied false when this exact command was applied before
    function reject(bytes32 commandId, bytes32 projectId, bytes32 reason)
        external
        nonReentrant
        whenActive
        onlyRole(VALIDATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        _transition(commandId, projectId, ProjectStatus.Submitted, ProjectStatus.Rejected, reason);
        return true;
    }

    /// @notice An operator or administrator archives a validated project: `Validated -> Archived`.
    /// @return applied false when this exact command was applied before
    function archive(bytes32 commandId, bytes32 projectId, bytes32 reason)
        external
        nonReentrant
        whenActive
        onlyEitherRole(REGISTRY_OPERATOR_ROLE, ADMINISTRATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        _transition(commandId, projectId, ProjectStatus.Validated, ProjectStatus.Archived, reason);
        return true;
    }

    /// @notice A registered project; reverts `UnknownProject` for an unknown id.
    function project(bytes32 projectId) external view returns (Project memory) {
        Project memory p = _projects[projectId];
        if (p.status == ProjectStatus.None) revert UnknownProject(projectId);
        return p;
    }

    /// @inheritdoc IProjectRegistry
    function statusOf(bytes32 projectId) external view returns (ProjectStatus) {
        return _projects[projectId].status;
    }

    /// @notice Number of registered projects.
    function projectCount() external view returns (uint256) {
        return _projectCount;
    }

    function _transition(bytes32 commandId, bytes32 projectId, ProjectStatus from, ProjectStatus to, bytes32 reason)
        private
    {
        if (projectId == bytes32(0)) revert ZeroProjectId();
        Project storage p = _projects[projectId];
        ProjectStatus current = p.status;
        if (current == ProjectStatus.None) revert UnknownProject(projectId);
        if (current != from) revert InvalidProjectTransition(projectId, current, to);
        p.status = to;
        p.decidedBy = msg.sender;
        p.decidedAt = uint64(block.timestamp);
        p.decisionReason = reason;
        emit ProjectStatusChanged(projectId, from, to, msg.sender, uint64(block.timestamp), reason, commandId);
    }
}
