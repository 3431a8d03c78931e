// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryFixture} from "./base/RegistryFixture.sol";
import {ProjectRegistry} from "../src/ProjectRegistry.sol";
import {MRVRegistry} from "../src/MRVRegistry.sol";
import {IProjectRegistry} from "../src/interfaces/IProjectRegistry.sol";
import {IMRVRegistry} from "../src/interfaces/IMRVRegistry.sol";
import {IRegistryAccess} from "../src/interfaces/IRegistryAccess.sol";
import {RegistryComponent} from "../src/base/RegistryComponent.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract ProjectRegistryTest is RegistryFixture {
    IProjectRegistry.ProjectStatus constant NONE = IProjectRegistry.ProjectStatus.None;
    IProjectRegistry.ProjectStatus constant SUBMITTED = IProjectRegistry.ProjectStatus.Submitted;
    IProjectRegistry.ProjectStatus constant VALIDATED = IProjectRegistry.ProjectStatus.Validated;
    IProjectRegistry.ProjectStatus constant REJECTED = IProjectRegistry.ProjectStatus.Rejected;
    IProjectRegistry.ProjectStatus constant ARCHIVED = IProjectRegistry.ProjectStatus.Archived;
    bytes32 constant PDD = keccak256("pdd");

    function _register() private returns (bytes32 cmd) {
        cmd = _cmd();
        vm.prank(developer);
        projects.register(cmd, PROJECT, PDD, keccak256("meta"), "ipfs://meta");
    }

    function test_register_storesAndEmitsPDDRegistered() public {
        vm.warp(500);
        bytes32 cmd = _cmd();
        vm.expectEmit(address(projects));
        emit IProjectRegistry.PDDRegistered(PROJECT, PDD, developer, keccak256("meta"), "ipfs://meta", cmd);
        vm.expectEmit(address(projects));
        emit IProjectRegistry.ProjectStatusChanged(PROJECT, NONE, SUBMITTED, developer, 500, 0, cmd);
        vm.prank(developer);
        assertTrue(projects.register(cmd, PROJECT, PDD, keccak256("meta"), "ipfs://meta"));
        IProjectRegistry.Project memory p = projects.project(PROJECT);
        assertEq(p.pddHash, PDD);
        assertEq(p.registrant, developer);
        assertEq(p.registeredAt, 500);
        assertTrue(projects.statusOf(PROJECT) == SUBMITTED);
        assertEq(projects.projectCount(), 1);
        // a retry is a no-op
        vm.recordLogs();
        vm.prank(developer);
        assertFalse(projects.register(cmd, PROJECT, PDD, keccak256("meta"), "ipfs://meta"));
        assertEq(vm.getRecordedLogs().length, 0);
    }

    function test_register_byOperator_isAllowed_byOthers_reverts() public {
        vm.prank(operator);
        projects.register(_cmd(), PROJECT, PDD, 0, "");
        bytes32 cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, verifier, DEVELOPER)
        );
        vm.prank(verifier);
        projects.register(cmd, keccak256("p2"), PDD, 0, "");
    }

    function test_register_invalid_reverts() public {
        _register();
        bytes32 cmd = _cmd();
        vm.startPrank(developer);
        vm.expectRevert(IProjectRegistry.ZeroProjectId.selector);
        projects.register(cmd, 0, PDD, 0, "");
        vm.expectRevert(IProjectRegistry.ZeroDocumentHash.selector);
        projects.register(cmd, PROJECT, 0, 0, "");
        vm.expectRevert(abi.encodeWithSelector(IProjectRegistry.ProjectAlreadyRegistered.selector, PROJECT));
        projects.register(cmd, PROJECT, PDD, 0, "");
        vm.expectRevert(RegistryComponent.ZeroCommandId.selector);
        projects.register(0, PROJECT, PDD, 0, "");
        vm.stopPrank();
    }

    function test_register_whilePaused_reverts() public {
        vm.prank(admin1);
        acl.pause();
        bytes32 cmd = _cmd();
        vm.expectRevert(RegistryComponent.RegistryPaused.selector);
        vm.prank(developer);
        projects.register(cmd, PROJECT, PDD, 0, "");
    }

    function test_approve_recordsValidatorAndTimestamp() public {
        _register();
        vm.warp(900);
        bytes32 cmd = _cmd();
        vm.expectEmit(address(projects));
        emit IProjectRegistry.ProjectStatusChanged(PROJECT, SUBMITTED, VALIDATED, validator, 900, 0, cmd);
        vm.prank(validator);
        projects.approve(cmd, PROJECT);
        IProjectRegistry.Project memory p = projects.project(PROJECT);
        assertTrue(p.status == VALIDATED);
        assertEq(p.decidedBy, validator);
        assertEq(p.decidedAt, 900);
    }

    function test_reject_withReason() public {
        _register();
        vm.prank(validator);
        projects.reject(_cmd(), PROJECT, keccak256("boundary overlaps"));
        IProjectRegistry.Project memory p = projects.project(PROJECT);
        assertTrue(p.status == REJECTED);
        assertEq(p.decisionReason, keccak256("boundary overlaps"));
    }

    function test_archive_validatedProject() public {
        _register();
        vm.prank(validator);
        projects.approve(_cmd(), PROJECT);
        vm.prank(operator);
        projects.archive(_cmd(), PROJECT, 0);
        assertTrue(projects.statusOf(PROJECT) == ARCHIVED);
    }

    function test_transitions_invalid_revert() public {
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(IProjectRegistry.UnknownProject.selector, PROJECT));
        vm.prank(validator);
        projects.approve(cmd, PROJECT);
        vm.expectRevert(IProjectRegistry.ZeroProjectId.selector);
        vm.prank(validator);
        projects.approve(cmd, 0);
        _register();
        vm.expectRevert(
            abi.encodeWithSelector(IProjectRegistry.InvalidProjectTransition.selector, PROJECT, SUBMITTED, ARCHIVED)
        );
        vm.prank(admin1);
        projects.archive(cmd, PROJECT, 0);
        vm.prank(validator);
        projects.reject(_cmd(), PROJECT, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IProjectRegistry.InvalidProjectTransition.selector, PROJECT, REJECTED, VALIDATED)
        );
        vm.prank(validator);
        projects.approve(cmd, PROJECT);
    }

    function test_decisions_byWrongRole_revert() public {
        _register();
        bytes32 cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, developer, VALIDATOR)
        );
        vm.prank(developer);
        projects.approve(cmd, PROJECT);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, developer, VALIDATOR)
        );
        vm.prank(developer);
        projects.reject(cmd, PROJECT, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, developer, OPERATOR)
        );
        vm.prank(developer);
        projects.archive(cmd, PROJECT, 0);
    }

    function test_project_unknown_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IProjectRegistry.UnknownProject.selector, PROJECT));
        projects.project(PROJECT);
        assertTrue(projects.statusOf(PROJECT) == NONE);
    }

    function test_constructor_zeroAccess_reverts() public {
        vm.expectRevert(RegistryComponent.ZeroContract.selector);
        new ProjectRegistry(IRegistryAccess(address(0)));
    }
}

contract MRVRegistryTest is RegistryFixture {
    IMRVRegistry.ReportStatus constant SUBMITTED = IMRVRegistry.ReportStatus.Submitted;
    IMRVRegistry.ReportStatus constant VERIFIED = IMRVRegistry.ReportStatus.Verified;
    IMRVRegistry.ReportStatus constant REJECTED = IMRVRegistry.ReportStatus.Rejected;
    bytes32 constant HASH = keccak256("mrv-report");

    function setUp() public override {
        super.setUp();
        vm.prank(developer);
        projects.register(_cmd(), PROJECT, keccak256("pdd"), 0, "");
        vm.prank(validator);
        projects.approve(_cmd(), PROJECT);
    }

    function _submit(bytes32 reportId, uint64 start, uint64 end) private {
        vm.prank(developer);
        mrv.submitReport(_cmd(), reportId, PROJECT, HASH, start, end);
    }

    function test_submit_storesAndEmits() public {
        bytes32 cmd = _cmd();
        vm.expectEmit(address(mrv));
        emit IMRVRegistry.MRVSubmitted(REPORT, PROJECT, HASH, 100, 200, developer, cmd);
        vm.prank(developer);
        assertTrue(mrv.submitReport(cmd, REPORT, PROJECT, HASH, 100, 200));
        IMRVRegistry.Report memory r = mrv.report(REPORT);
        assertEq(r.reportHash, HASH);
        assertEq(r.periodStart, 100);
        assertEq(r.periodEnd, 200);
        assertTrue(r.status == SUBMITTED);
        assertEq(mrv.reportsOf(PROJECT).length, 1);
        vm.prank(developer);
        assertFalse(mrv.submitReport(cmd, REPORT, PROJECT, HASH, 100, 200), "a retry is a no-op");
    }

    function test_submit_invalid_reverts() public {
        _submit(REPORT, 100, 200);
        bytes32 cmd = _cmd();
        vm.startPrank(developer);
        vm.expectRevert(IMRVRegistry.ZeroReportId.selector);
        mrv.submitReport(cmd, 0, PROJECT, HASH, 300, 400);
        vm.expectRevert(IMRVRegistry.ZeroReportHash.selector);
        mrv.submitReport(cmd, keccak256("r2"), PROJECT, 0, 300, 400);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.InvalidPeriod.selector, 400, 400));
        mrv.submitReport(cmd, keccak256("r2"), PROJECT, HASH, 400, 400);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.ReportAlreadySubmitted.selector, REPORT));
        mrv.submitReport(cmd, REPORT, PROJECT, HASH, 300, 400);
        vm.stopPrank();
    }

    function test_submit_forProjectNotValidated_reverts() public {
        bytes32 other = keccak256("other-project");
        vm.prank(developer);
        projects.register(_cmd(), other, keccak256("pdd2"), 0, "");
        bytes32 cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(IMRVRegistry.ProjectNotValidated.selector, other, IProjectRegistry.ProjectStatus.Submitted)
        );
        vm.prank(developer);
        mrv.submitReport(cmd, REPORT, other, HASH, 100, 200);
    }

    function test_submit_overlappingPeriod_reverts_adjacentIsFine() public {
        _submit(REPORT, 100, 200);
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.PeriodOverlaps.selector, PROJECT, REPORT, 100, 200));
        vm.prank(developer);
        mrv.submitReport(cmd, keccak256("r2"), PROJECT, HASH, 199, 300);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.PeriodOverlaps.selector, PROJECT, REPORT, 100, 200));
        vm.prank(developer);
        mrv.submitReport(cmd, keccak256("r2"), PROJECT, HASH, 50, 101);
        _submit(keccak256("r2"), 200, 300); // [100,200) and [200,300) touch, do not overlap
        _submit(keccak256("r3"), 0, 100);
    }

    function test_rejectedReport_freesItsPeriod() public {
        _submit(REPORT, 100, 200);
        vm.prank(verifier);
        mrv.reject(_cmd(), REPORT, keccak256("bad data"));
        assertTrue(mrv.report(REPORT).status == REJECTED);
        _submit(keccak256("r2"), 100, 200);
    }

    function test_verify_recordsVerifierAndQuantity() public {
        _submit(REPORT, 100, 200);
        vm.warp(1_234);
        bytes32 cmd = _cmd();
        vm.expectEmit(address(mrv));
        emit IMRVRegistry.MRVVerified(REPORT, verifier, 429, PROJECT, 1_234, cmd);
        vm.prank(verifier);
        mrv.verify(cmd, REPORT, 429);
        IMRVRegistry.Report memory r = mrv.report(REPORT);
        assertTrue(r.status == VERIFIED);
        assertEq(r.verifier, verifier);
        assertEq(r.quantity, 429);
        assertEq(r.decidedAt, 1_234);
    }

    function test_verify_invalid_reverts() public {
        bytes32 cmd = _cmd();
        vm.startPrank(verifier);
        vm.expectRevert(IMRVRegistry.ZeroReportId.selector);
        mrv.verify(cmd, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.UnknownReport.selector, REPORT));
        mrv.verify(cmd, REPORT, 1);
        vm.stopPrank();
        _submit(REPORT, 100, 200);
        vm.startPrank(verifier);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.ZeroQuantity.selector, REPORT));
        mrv.verify(cmd, REPORT, 0);
        mrv.verify(_cmd(), REPORT, 10);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.ReportNotSubmitted.selector, REPORT, VERIFIED));
        mrv.verify(cmd, REPORT, 10);
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.ReportNotSubmitted.selector, REPORT, VERIFIED));
        mrv.reject(cmd, REPORT, 0);
        vm.stopPrank();
    }

    function test_verify_byNonVerifier_reverts() public {
        _submit(REPORT, 100, 200);
        bytes32 cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, developer, VERIFIER)
        );
        vm.prank(developer);
        mrv.verify(cmd, REPORT, 10);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, DEVELOPER)
        );
        vm.prank(stranger);
        mrv.submitReport(cmd, keccak256("r2"), PROJECT, HASH, 300, 400);
    }

    function test_report_unknown_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IMRVRegistry.UnknownReport.selector, REPORT));
        mrv.report(REPORT);
    }

    function test_constructor_zeroProjects_reverts() public {
        vm.expectRevert(RegistryComponent.ZeroContract.selector);
        new MRVRegistry(acl, IProjectRegistry(address(0)));
    }
}
