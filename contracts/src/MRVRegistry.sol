// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryComponent} from "./base/RegistryComponent.sol";
import {IRegistryAccess} from "./interfaces/IRegistryAccess.sol";
import {IProjectRegistry} from "./interfaces/IProjectRegistry.sol";
import {IMRVRegistry} from "./interfaces/IMRVRegistry.sol";

/// @title MRV registry (OGCR 5.2.2)
/// @notice Stores the hash of each monitoring report of a validated project, refuses a period that
/// overlaps another live (submitted or verified) report of the same project, and records the
/// verifier's outcome with the verified quantity.
contract MRVRegistry is IMRVRegistry, RegistryComponent {
    /// @notice The project registry whose validated projects may report.
    IProjectRegistry public immutable projectRegistry;

    mapping(bytes32 reportId => Report) private _reports;
    mapping(bytes32 projectId => bytes32[]) private _reportsOfProject;

    constructor(IRegistryAccess access_, IProjectRegistry projects_) RegistryComponent(access_) {
        if (address(projects_) == address(0)) revert ZeroContract();
        projectRegistry = projects_;
    }

    /// @notice Submits a monitoring report hash for a validated project and a period
    /// [periodStart, periodEnd) that overlaps none of the project's live reports.
    /// @param commandId idempotency key of this write
    /// @param reportId the registry's report id, hashed: keccak256 of its UTF-8 text
    /// @param projectId the project reported on
    /// @param reportHash keccak256 of the report's canonical JSON
    /// @return applied false when this exact command was applied before
    function submitReport(
        bytes32 commandId,
        bytes32 reportId,
        bytes32 projectId,
        bytes32 reportHash,
        uint64 periodStart,
        uint64 periodEnd
    ) external nonReentrant whenActive onlyEitherRole(DEVELOPER_ROLE, REGISTRY_OPERATOR_ROLE) returns (bool applied) {
        if (!_begin(commandId)) return false;
        if (reportId == bytes32(0)) revert ZeroReportId();
        if (reportHash == bytes32(0)) revert ZeroReportHash();
        if (periodStart >= periodEnd) revert InvalidPeriod(periodStart, periodEnd);
        if (_reports[reportId].status != ReportStatus.None) revert ReportAlreadySubmitted(reportId);
        IProjectRegistry.ProjectStatus ps = projectRegistry.statusOf(projectId);
        if (ps != IProjectRegistry.ProjectStatus.Validated) revert ProjectNotValidated(projectId, ps);
        // OGCR 5.2.2: periods of one project never overlap. Linear in the project's reports,
        // which are few (one per monitoring period).
        bytes32[] storage others = _reportsOfProject[projectId];
        for (uint256 i = 0; i < others.length; ++i) {
            Report storage o = _reports[others[i]];
            if (o.status == ReportStatus.Rejected) continue;
            if (periodStart < o.periodEnd && o.periodStart < periodEnd) {
                revert PeriodOverlaps(projectId, others[i], o.periodStart, o.periodEnd);
            }
        }
        Report storage r = _reports[reportId];
        r.projectId = projectId;
        r.reportHash = reportHash;
        r.periodStart = periodStart;
        r.periodEnd = periodEnd;
        r.status = ReportStatus.Submitted;
        r.submitter = msg.sender;
        r.submittedAt = uint64(block.timestamp);
        others.push(reportId);
        emit MRVSubmitted(reportId, projectId, reportHash, periodStart, periodEnd, msg.sender, commandId);
        return true;
    }

    /// @notice A verifier records a positive verification outcome: `Submitted -> Verified`.
    /// @param quantity verified net removal in whole credits (tCO2e), > 0
    /// @return applied false when this exact command was applied before
    function verify(bytes32 commandId, bytes32 reportId, uint256 quantity)
        external
        nonReentrant
        whenActive
        onlyRole(VERIFIER_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        Report storage r = _submitted(reportId);
        if (quantity == 0) revert ZeroQuantity(reportId);
        r.status = ReportStatus.Verified;
        r.verifier = msg.sender;
        r.decidedAt = uint64(block.timestamp);
        r.quantity = quantity;
        emit MRVVerified(reportId, msg.sender, quantity, r.projectId, uint64(block.timestamp), commandId);
        return true;
    }

    /// @notice A verifier rejects a report: `Submitted -> Rejected`; its period is free again.
    /// @param reason keccak256 of the justification document (may be zero)
    /// @return applied false when this exact command was applied before
    function reject(bytes32 commandId, bytes32 reportId, bytes32 reason)
        external
        nonReentrant
        whenActive
        onlyRole(VERIFIER_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        Report storage r = _submitted(reportId);
        r.status = ReportStatus.Rejected;
        r.verifier = msg.sender;
        r.decidedAt = uint64(block.timestamp);
        r.decisionReason = reason;
        emit MRVRejected(reportId, msg.sender, reason, uint64(block.timestamp), commandId);
        return true;
    }

    /// @inheritdoc IMRVRegistry
    function report(bytes32 reportId) external view returns (Report memory) {
        Report memory r = _reports[reportId];
        if (r.status == ReportStatus.None) revert UnknownReport(reportId);
        return r;
    }

    /// @notice Ids of every report submitted for a project, in submission order.
    function reportsOf(bytes32 projectId) external view returns (bytes32[] memory) {
        return _reportsOfProject[projectId];
    }

    function _submitted(bytes32 reportId) private view returns (Report storage r) {
        if (reportId == bytes32(0)) revert ZeroReportId();
        r = _reports[reportId];
        if (r.status == ReportStatus.None) revert UnknownReport(reportId);
        if (r.status != ReportStatus.Submitted) revert ReportNotSubmitted(reportId, r.status);
    }
}
