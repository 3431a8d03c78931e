// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {AccessControlEnumerable} from "@openzeppelin/contracts/access/extensions/AccessControlEnumerable.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IRegistryAccess} from "./interfaces/IRegistryAccess.sol";

/// @title Registry access control (OGCR 5.2.4)
/// @notice One contract holds every role of the registry; the project, MRV, anchor and credit
/// contracts ask it. Role grants and revocations, threshold changes and restarting a stopped
/// registry need M-of-N approval by administrators. Any administrator or registry operator can
/// stop the registry at once (fast stop, slow restart).
contract RegistryAccess is IRegistryAccess, AccessControlEnumerable, Pausable {
    /// @notice Proposes and approves administrative actions; stops the registry.
    bytes32 public constant ADMINISTRATOR_ROLE = keccak256("administrator");
    /// @notice Registers projects and submits monitoring reports.
    bytes32 public constant DEVELOPER_ROLE = keccak256("developer");
    /// @notice Approves or rejects registered projects (OGCR 5.2.1).
    bytes32 public constant VALIDATOR_ROLE = keccak256("validator");
    /// @notice Verifies or rejects monitoring reports (OGCR 5.2.2).
    bytes32 public constant VERIFIER_ROLE = keccak256("verifier");
    /// @notice The registry's relay: anchors hashes, mints issuances and applies block changes.
    bytes32 public constant REGISTRY_OPERATOR_ROLE = keccak256("registry_operator");

    /// @notice How long a proposal collects approvals before it lapses.
    uint64 public constant PROPOSAL_LIFETIME = 7 days;

    uint256 private _threshold;
    uint256 private _proposalCount;
    mapping(uint256 proposalId => Proposal) private _proposals;
    mapping(uint256 proposalId => address[]) private _approvers;
    mapping(uint256 proposalId => mapping(address => bool)) private _hasApproved;

    /// @param administrators the first administrators (N); none may be zero or repeated
    /// @param threshold_ approvals an administrative action needs (M), 1 <= M <= N
    constructor(address[] memory administrators, uint256 threshold_) {
        uint256 n = administrators.length;
        if (threshold_ == 0 || threshold_ > n) revert InvalidThreshold(threshold_, n);
        for (uint256 i = 0; i < n; ++i) {
            address a = administrators[i];
            if (a == address(0)) revert ZeroAddress();
            if (!_grantRole(ADMINISTRATOR_ROLE, a)) revert DuplicateAdministrator(a);
        }
        _setRoleAdmin(ADMINISTRATOR_ROLE, ADMINISTRATOR_ROLE);
        _setRoleAdmin(DEVELOPER_ROLE, ADMINISTRATOR_ROLE);
        _setRoleAdmin(VALIDATOR_ROLE, ADMINISTRATOR_ROLE);
        _setRoleAdmin(VERIFIER_ROLE, ADMINISTRATOR_ROLE);
        _setRoleAdmin(REGISTRY_OPERATOR_ROLE, ADMINISTRATOR_ROLE);
        _threshold = threshold_;
        emit ThresholdChanged(0, threshold_);
    }

    // ------------------------------------------------------------------ proposals

    /// @notice Proposes an administrative action and counts the caller's approval; executes it at
    /// once when the threshold is 1.
    /// @param action what to do
    /// @param role the role to grant or revoke (GrantRole, RevokeRole), else zero
    /// @param account the account to grant or revoke (GrantRole, RevokeRole), else zero
    /// @param value the new threshold (SetThreshold), else zero
    /// @return proposalId the new proposal's id, counting from 1
    function propose(Action action, bytes32 role, address account, uint256 value)
        external
        onlyRole(ADMINISTRATOR_ROLE)
        returns (uint256 proposalId)
    {
        _validate(action, role, account, value);
        proposalId = ++_proposalCount;
        uint64 expiresAt = uint64(block.timestamp) + PROPOSAL_LIFETIME;
        _proposals[proposalId] = Proposal(action, role, account, value, msg.sender, expiresAt, false, false);
        emit ProposalCreated(proposalId, action, role, account, value, msg.sender, expiresAt);
        _approve(proposalId);
    }

    /// @notice Approves a pending proposal; executes it when current administrators' approvals
    /// reach the threshold.
    /// @param proposalId the proposal to approve
    function approve(uint256 proposalId) external onlyRole(ADMINISTRATOR_ROLE) {
        _approve(proposalId);
    }

    /// @notice Withdraws a pending proposal. Any administrator may cancel: cancelling only
    /// prevents an action, so it needs no quorum.
    /// @param proposalId the proposal to cancel
    function cancel(uint256 proposalId) external onlyRole(ADMINISTRATOR_ROLE) {
        Proposal storage p = _pending(proposalId);
        p.cancelled = true;
        emit ProposalCancelled(proposalId, msg.sender);
    }

    // ------------------------------------------------------------------ emergency stop

    /// @notice Stops every registry component at once. Administrators and registry operators may
    /// stop; restarting needs an M-of-N `Unpause` proposal.
    function pause() external {
        if (!hasRole(ADMINISTRATOR_ROLE, msg.sender) && !hasRole(REGISTRY_OPERATOR_ROLE, msg.sender)) {
            revert NotPauser(msg.sender);
        }
        _pause();
        emit EmergencyStopChanged(true, msg.sender, uint64(block.timestamp));
    }

    // ------------------------------------------------------------------ role changes

    /// @notice Disabled: roles are granted through `propose(Action.GrantRole, ...)`.
    function grantRole(bytes32 role, address account) public pure override(AccessControl, IAccessControl) {
        revert DirectRoleChangeDisabled(role, account);
    }

    /// @notice Disabled: roles are revoked through `propose(Action.RevokeRole, ...)`.
    function revokeRole(bytes32 role, address account) public pure override(AccessControl, IAccessControl) {
        revert DirectRoleChangeDisabled(role, account);
    }

    /// @notice Gives up one of the caller's roles; an administrator may not go if fewer
    /// administrators than the threshold would remain.
    function renounceRole(bytes32 role, address callerConfirmation) public override(AccessControl, IAccessControl) {
        if (role == ADMINISTRATOR_ROLE) _requireAdministratorsAfterRemoval();
        super.renounceRole(role, callerConfirmation);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IRegistryAccess
    function checkRole(bytes32 role, address account) external view {
        _checkRole(role, account);
    }

    /// @inheritdoc IRegistryAccess
    function hasRole(bytes32 role, address account)
        public
        view
        override(AccessControl, IAccessControl, IRegistryAccess)
        returns (bool)
    {
        return super.hasRole(role, account);
    }

    /// @inheritdoc IRegistryAccess
    function paused() public view override(IRegistryAccess, Pausable) returns (bool) {
        return super.paused();
    }

    /// @notice Approvals an administrative action needs (M).
    function threshold() external view returns (uint256) {
        return _threshold;
    }

    /// @notice Number of administrators (N).
    function administratorCount() public view returns (uint256) {
        return getRoleMemberCount(ADMINISTRATOR_ROLE);
    }

    /// @notice Number of proposals ever made; ids run from 1 to this.
    function proposalCount() external view returns (uint256) {
        return _proposalCount;
    }

    /// @notice A proposal by id.
    function proposal(uint256 proposalId) external view returns (Proposal memory) {
        if (proposalId == 0 || proposalId > _proposalCount) revert ProposalNotFound(proposalId);
        return _proposals[proposalId];
    }

    /// @notice Approvals of a proposal that still count: those of current administrators.
    function approvalCount(uint256 proposalId) public view returns (uint256 count) {
        address[] storage approvers = _approvers[proposalId];
        for (uint256 i = 0; i < approvers.length; ++i) {
            if (hasRole(ADMINISTRATOR_ROLE, approvers[i])) ++count;
        }
    }

    /// @notice Whether `account` approved the proposal.
    function hasApproved(uint256 proposalId, address account) external view returns (bool) {
        return _hasApproved[proposalId][account];
    }

    /// @notice Whether `role` is one of the registry's roles.
    function isRegistryRole(bytes32 role) public pure returns (bool) {
        return role == ADMINISTRATOR_ROLE || role == DEVELOPER_ROLE || role == VALIDATOR_ROLE
            || role == VERIFIER_ROLE || role == REGISTRY_OPERATOR_ROLE;
    }

    // ------------------------------------------------------------------ internals

    function _validate(Action action, bytes32 role, address account, uint256 value) private view {
        if (action == Action.GrantRole || action == Action.RevokeRole) {
            if (!isRegistryRole(role)) revert UnknownRole(role);
            if (account == address(0)) revert ZeroAddress();
            if (action == Action.GrantRole) {
                if (hasRole(role, account)) revert RoleAlreadyGranted(role, account);
            } else {
                if (!hasRole(role, account)) revert RoleNotGranted(role, account);
                if (role == ADMINISTRATOR_ROLE) _requireAdministratorsAfterRemoval();
            }
        } else if (action == Action.SetThreshold) {
            uint256 n = administratorCount();
            if (value == 0 || value > n) revert InvalidThreshold(value, n);
        } else {
            _requirePaused();
        }
    }

    function _requireAdministratorsAfterRemoval() private view {
        uint256 remaining = administratorCount() - 1;
        if (remaining < _threshold) revert ThresholdUnreachable(_threshold, remaining);
    }

    function _pending(uint256 proposalId) private view returns (Proposal storage p) {
        if (proposalId == 0 || proposalId > _proposalCount) revert ProposalNotFound(proposalId);
        p = _proposals[proposalId];
        if (p.executed || p.cancelled) revert ProposalNotPending(proposalId);
        if (block.timestamp > p.expiresAt) revert ProposalExpired(proposalId, p.expiresAt);
    }

    function _approve(uint256 proposalId) private {
        Proposal storage p = _pending(proposalId);
        if (_hasApproved[proposalId][msg.sender]) revert AlreadyApproved(proposalId, msg.sender);
        _hasApproved[proposalId][msg.sender] = true;
        _approvers[proposalId].push(msg.sender);
        uint256 approvals = approvalCount(proposalId);
        emit ProposalApproved(proposalId, msg.sender, approvals);
        if (approvals >= _threshold) _execute(proposalId, p);
    }

    function _execute(uint256 proposalId, Proposal storage p) private {
        // Re-check: the state may have moved since the proposal was made.
        _validate(p.action, p.role, p.account, p.value);
        p.executed = true;
        emit ProposalExecuted(proposalId, p.action);
        if (p.action == Action.GrantRole) {
            _grantRole(p.role, p.account);
        } else if (p.action == Action.RevokeRole) {
            _revokeRole(p.role, p.account);
        } else if (p.action == Action.SetThreshold) {
            uint256 previous = _threshold;
            _threshold = p.value;
            emit ThresholdChanged(previous, p.value);
        } else {
            _unpause();
            emit EmergencyStopChanged(false, msg.sender, uint64(block.timestamp));
        }
    }
}
