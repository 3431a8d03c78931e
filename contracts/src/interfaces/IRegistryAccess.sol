// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Access control of the OGCR registry contracts (OGCR 5.2.4)
/// @notice Roles, M-of-N approval of administrative actions, and the registry-wide emergency stop.
interface IRegistryAccess {
    /// @notice The administrative actions that need M-of-N approval by administrators.
    enum Action {
        GrantRole,
        RevokeRole,
        SetThreshold,
        Unpause
    }

    /// @notice A pending, executed or cancelled administrative proposal.
    struct Proposal {
        Action action;
        bytes32 role;
        address account;
        uint256 value;
        address proposer;
        uint64 expiresAt;
        bool executed;
        bool cancelled;
    }

    /// @notice An administrator proposed an action; the proposer's approval is counted at once.
    event ProposalCreated(
        uint256 indexed proposalId,
        Action indexed action,
        bytes32 indexed role,
        address account,
        uint256 value,
        address proposer,
        uint64 expiresAt
    );
    /// @notice An administrator approved a proposal; `approvals` counts current administrators only.
    event ProposalApproved(uint256 indexed proposalId, address indexed approver, uint256 approvals);
    /// @notice A proposal reached the threshold and its action was carried out.
    event ProposalExecuted(uint256 indexed proposalId, Action indexed action);
    /// @notice A proposal was withdrawn before it was executed.
    event ProposalCancelled(uint256 indexed proposalId, address indexed cancelledBy);
    /// @notice The number of administrator approvals an action needs changed.
    event ThresholdChanged(uint256 previousThreshold, uint256 newThreshold);
    /// @notice The registry was stopped (`paused` true) or restarted, by `actor` at `timestamp`.
    event EmergencyStopChanged(bool paused, address indexed actor, uint64 timestamp);

    /// @notice Roles are granted and revoked only through M-of-N proposals.
    error DirectRoleChangeDisabled(bytes32 role, address account);
    /// @notice `role` is not one of the registry's roles.
    error UnknownRole(bytes32 role);
    /// @notice A zero address was given where an account is required.
    error ZeroAddress();
    /// @notice The same administrator was listed twice at deployment.
    error DuplicateAdministrator(address account);
    /// @notice A threshold must lie in [1, number of administrators].
    error InvalidThreshold(uint256 threshold, uint256 administrators);
    /// @notice The change would leave fewer administrators than the approval threshold.
    error ThresholdUnreachable(uint256 threshold, uint256 remainingAdministrators);
    /// @notice `account` already holds `role`.
    error RoleAlreadyGranted(bytes32 role, address account);
    /// @notice `account` does not hold `role`.
    error RoleNotGranted(bytes32 role, address account);
    /// @notice No proposal has this id.
    error ProposalNotFound(uint256 proposalId);
    /// @notice The proposal was already executed or cancelled.
    error ProposalNotPending(uint256 proposalId);
    /// @notice The proposal's approval window closed at `expiresAt`.
    error ProposalExpired(uint256 proposalId, uint64 expiresAt);
    /// @notice `approver` already approved the proposal.
    error AlreadyApproved(uint256 proposalId, address approver);
    /// @notice Only an administrator or a registry operator may stop the registry.
    error NotPauser(address account);

    /// @notice Whether `account` holds `role` (OpenZeppelin IAccessControl).
    function hasRole(bytes32 role, address account) external view returns (bool);

    /// @notice Whether the registry is stopped; every registry component refuses writes while it is.
    function paused() external view returns (bool);

    /// @notice Reverts with `AccessControlUnauthorizedAccount(account, role)` unless `account` holds `role`.
    function checkRole(bytes32 role, address account) external view;
}
