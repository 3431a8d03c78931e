// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IProjectRegistry} from "./IProjectRegistry.sol";

/// @title MRV registry (OGCR 5.2.2)
/// @notice Hashes of monitoring reports, their periods and their verification outcomes.
interface IMRVRegistry {
    /// @notice Report states.
    enum ReportStatus {
        None,
        Submitted,
        Verified,
        Rejected
    }

    /// @notice A monitoring report. The period is half-open: [periodStart, periodEnd), in seconds
    /// since the Unix epoch. `quantity` is the verified net removal in whole credits (tCO2e).
    struct Report {
        bytes32 projectId;
        bytes32 reportHash;
        uint64 periodStart;
        uint64 periodEnd;
        ReportStatus status;
        address submitter;
        uint64 submittedAt;
        address verifier;
        uint64 decidedAt;
        uint256 quantity;
        bytes32 decisionReason;
    }

    /// @notice A report was submitted for a validated project.
    event MRVSubmitted(
        bytes32 indexed reportId,
        bytes32 indexed projectId,
        bytes32 indexed reportHash,
        uint64 periodStart,
        uint64 periodEnd,
        address submitter,
        bytes32 commandId
    );
    /// @notice A verifier verified a report with a net removal of `amount` credits.
    event MRVVerified(
        bytes32 indexed reportId,
        address indexed verifier,
        uint256 amount,
        bytes32 indexed projectId,
        uint64 timestamp,
        bytes32 commandId
    );
    /// @notice A verifier rejected a report.
    event MRVRejected(
        bytes32 indexed reportId, address indexed verifier, bytes32 reason, uint64 timestamp, bytes32 commandId
    );

    /// @notice A report id must not be zero.
    error ZeroReportId();
    /// @notice A report hash must not be zero.
    error ZeroReportHash();
    /// @notice A verified quantity must be positive.
    error ZeroQuantity(bytes32 reportId);
    /// @notice A period needs `start < end`.
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    /// @notice Reports may only be submitted for validated projects.
    error ProjectNotValidated(bytes32 projectId, IProjectRegistry.ProjectStatus status);
    /// @notice `reportId` was submitted before.
    error ReportAlreadySubmitted(bytes32 reportId);
    /// @notice No report has this id.
    error UnknownReport(bytes32 reportId);
    /// @notice Only a submitted report can be verified or rejected.
    error ReportNotSubmitted(bytes32 reportId, ReportStatus status);
    /// @notice The period overlaps the live report `otherReportId` of the same project (OGCR 5.2.2).
    error PeriodOverlaps(bytes32 projectId, bytes32 otherReportId, uint64 otherStart, uint64 otherEnd);

    /// @notice A report by id; reverts `UnknownReport` for an unknown id.
    function report(bytes32 reportId) external view returns (Report memory);
}
