// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryFixture} from "./base/RegistryFixture.sol";
import {RegistryAccess} from "../src/RegistryAccess.sol";
import {IRegistryAccess} from "../src/interfaces/IRegistryAccess.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

contract RegistryAccessTest is RegistryFixture {
    IRegistryAccess.Action constant GRANT = IRegistryAccess.Action.GrantRole;
    IRegistryAccess.Action constant REVOKE = IRegistryAccess.Action.RevokeRole;
    IRegistryAccess.Action constant THRESHOLD = IRegistryAccess.Action.SetThreshold;
    IRegistryAccess.Action constant UNPAUSE = IRegistryAccess.Action.Unpause;
    address constant NEWCOMER = address(0x1234);

    function _admins(address a, address b) private pure returns (address[] memory l) {
        l = new address[](2);
        l[0] = a;
        l[1] = b;
    }

    function test_constructor_setsAdministratorsAndThreshold() public view {
        assertEq(acl.administratorCount(), 3);
        assertEq(acl.threshold(), 2);
        assertTrue(acl.hasRole(ADMINISTRATOR, admin1));
        assertEq(acl.getRoleAdmin(DEVELOPER), ADMINISTRATOR);
    }

    function test_constructor_invalidArguments_revert() public {
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.InvalidThreshold.selector, 0, 2));
        new RegistryAccess(_admins(admin1, admin2), 0);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.InvalidThreshold.selector, 3, 2));
        new RegistryAccess(_admins(admin1, admin2), 3);
        vm.expectRevert(IRegistryAccess.ZeroAddress.selector);
        new RegistryAccess(_admins(admin1, address(0)), 1);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.DuplicateAdministrator.selector, admin1));
        new RegistryAccess(_admins(admin1, admin1), 1);
    }

    function test_grant_needsTwoOfThree_andEmitsEvents() public {
        vm.prank(admin1);
        uint256 id = acl.propose(GRANT, VERIFIER, NEWCOMER, 0);
        assertFalse(acl.hasRole(VERIFIER, NEWCOMER), "one approval is not enough");
        assertEq(acl.approvalCount(id), 1);
        assertTrue(acl.hasApproved(id, admin1));
        vm.expectEmit(address(acl));
        emit IRegistryAccess.ProposalApproved(id, admin3, 2);
        vm.expectEmit(address(acl));
        emit IRegistryAccess.ProposalExecuted(id, GRANT);
        vm.expectEmit(address(acl));
        emit IAccessControl.RoleGranted(VERIFIER, NEWCOMER, admin3);
        vm.prank(admin3);
        acl.approve(id);
        assertTrue(acl.hasRole(VERIFIER, NEWCOMER));
        assertTrue(acl.proposal(id).executed);
    }

    function test_revoke_throughProposal() public {
        vm.prank(admin1);
        uint256 id = acl.propose(REVOKE, VERIFIER, verifier, 0);
        vm.prank(admin2);
        acl.approve(id);
        assertFalse(acl.hasRole(VERIFIER, verifier));
    }

    function test_propose_invalid_reverts() public {
        vm.startPrank(admin1);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.UnknownRole.selector, keccak256("king")));
        acl.propose(GRANT, keccak256("king"), NEWCOMER, 0);
        vm.expectRevert(IRegistryAccess.ZeroAddress.selector);
        acl.propose(GRANT, VERIFIER, address(0), 0);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.RoleAlreadyGranted.selector, VERIFIER, verifier));
        acl.propose(GRANT, VERIFIER, verifier, 0);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.RoleNotGranted.selector, VERIFIER, NEWCOMER));
        acl.propose(REVOKE, VERIFIER, NEWCOMER, 0);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.InvalidThreshold.selector, 4, 3));
        acl.propose(THRESHOLD, 0, address(0), 4);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.InvalidThreshold.selector, 0, 3));
        acl.propose(THRESHOLD, 0, address(0), 0);
        vm.expectRevert(Pausable.ExpectedPause.selector);
        acl.propose(UNPAUSE, 0, address(0), 0);
        vm.stopPrank();
    }

    function test_propose_byNonAdministrator_reverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, operator, ADMINISTRATOR)
        );
        vm.prank(operator);
        acl.propose(GRANT, VERIFIER, NEWCOMER, 0);
    }

    function test_approve_errors() public {
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ProposalNotFound.selector, 99));
        vm.prank(admin1);
        acl.approve(99);
        vm.prank(admin1);
        uint256 id = acl.propose(GRANT, VERIFIER, NEWCOMER, 0);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.AlreadyApproved.selector, id, admin1));
        vm.prank(admin1);
        acl.approve(id);
        vm.prank(admin2);
        acl.approve(id);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ProposalNotPending.selector, id));
        vm.prank(admin3);
        acl.approve(id);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, ADMINISTRATOR)
        );
        vm.prank(stranger);
        acl.approve(id);
    }

    function test_approve_afterLifetime_reverts() public {
        vm.prank(admin1);
        uint256 id = acl.propose(GRANT, VERIFIER, NEWCOMER, 0);
        uint64 expiresAt = acl.proposal(id).expiresAt;
        vm.warp(uint256(expiresAt) + 1);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ProposalExpired.selector, id, expiresAt));
        vm.prank(admin2);
        acl.approve(id);
    }

    function test_cancel_stopsProposal() public {
        vm.prank(admin1);
        uint256 id = acl.propose(GRANT, VERIFIER, NEWCOMER, 0);
        vm.expectEmit(address(acl));
        emit IRegistryAccess.ProposalCancelled(id, admin2);
        vm.prank(admin2);
        acl.cancel(id);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ProposalNotPending.selector, id));
        vm.prank(admin3);
        acl.approve(id);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ProposalNotPending.selector, id));
        vm.prank(admin3);
        acl.cancel(id);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ProposalNotFound.selector, 0));
        acl.proposal(0);
    }

    function test_setThreshold_throughProposal() public {
        vm.prank(admin1);
        uint256 id = acl.propose(THRESHOLD, 0, address(0), 3);
        vm.expectEmit(address(acl));
        emit IRegistryAccess.ThresholdChanged(2, 3);
        vm.prank(admin2);
        acl.approve(id);
        assertEq(acl.threshold(), 3);
        assertEq(acl.proposalCount(), id);
    }

    function test_revokedAdministratorsApproval_noLongerCounts() public {
        vm.prank(admin1);
        uint256 grant = acl.propose(GRANT, VERIFIER, NEWCOMER, 0); // admin1 approved
        vm.prank(admin2);
        uint256 revoke = acl.propose(REVOKE, ADMINISTRATOR, admin1, 0);
        vm.prank(admin3);
        acl.approve(revoke); // admin1 is out
        assertEq(acl.approvalCount(grant), 0);
        vm.prank(admin2);
        acl.approve(grant);
        assertFalse(acl.hasRole(VERIFIER, NEWCOMER), "only one current approval");
    }

    function test_removingAdministratorBelowThreshold_reverts() public {
        // threshold 2 of 3: removing one is fine, a second is not
        vm.prank(admin1);
        uint256 id = acl.propose(REVOKE, ADMINISTRATOR, admin3, 0);
        vm.prank(admin2);
        acl.approve(id);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ThresholdUnreachable.selector, 2, 1));
        vm.prank(admin1);
        acl.propose(REVOKE, ADMINISTRATOR, admin2, 0);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.ThresholdUnreachable.selector, 2, 1));
        vm.prank(admin1);
        acl.renounceRole(ADMINISTRATOR, admin1);
    }

    function test_renounce_nonAdministratorRole() public {
        vm.prank(verifier);
        acl.renounceRole(VERIFIER, verifier);
        assertFalse(acl.hasRole(VERIFIER, verifier));
    }

    function test_directRoleChanges_areDisabled() public {
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.DirectRoleChangeDisabled.selector, VERIFIER, NEWCOMER));
        vm.prank(admin1);
        acl.grantRole(VERIFIER, NEWCOMER);
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.DirectRoleChangeDisabled.selector, VERIFIER, verifier));
        vm.prank(admin1);
        acl.revokeRole(VERIFIER, verifier);
    }

    function test_pause_byOperator_unpause_byTwoAdministrators() public {
        vm.warp(1_000);
        vm.expectEmit(address(acl));
        emit Pausable.Paused(operator);
        vm.expectEmit(address(acl));
        emit IRegistryAccess.EmergencyStopChanged(true, operator, 1_000);
        vm.prank(operator);
        acl.pause();
        assertTrue(acl.paused());
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(admin1);
        acl.pause();

        vm.prank(admin1);
        uint256 id = acl.propose(UNPAUSE, 0, address(0), 0);
        assertTrue(acl.paused(), "one administrator cannot restart");
        vm.expectEmit(address(acl));
        emit IRegistryAccess.EmergencyStopChanged(false, admin2, 1_000);
        vm.prank(admin2);
        acl.approve(id);
        assertFalse(acl.paused());
    }

    function test_pause_byOthers_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IRegistryAccess.NotPauser.selector, verifier));
        vm.prank(verifier);
        acl.pause();
    }

    function test_checkRole_revertsForMissingRole() public {
        acl.checkRole(OPERATOR, operator);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, OPERATOR)
        );
        acl.checkRole(OPERATOR, stranger);
        assertTrue(acl.isRegistryRole(VALIDATOR));
        assertFalse(acl.isRegistryRole(bytes32(0)));
    }
}
