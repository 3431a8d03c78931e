// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryFixture} from "./base/RegistryFixture.sol";
import {CreditToken} from "../src/CreditToken.sol";
import {ICreditToken} from "../src/interfaces/ICreditToken.sol";
import {IMRVRegistry} from "../src/interfaces/IMRVRegistry.sol";
import {IRegistryAccess} from "../src/interfaces/IRegistryAccess.sol";
import {RegistryComponent} from "../src/base/RegistryComponent.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract CreditTokenTest is RegistryFixture {
    ICreditToken.CreditStatus constant ISSUED = ICreditToken.CreditStatus.Issued;
    ICreditToken.CreditStatus constant HELD = ICreditToken.CreditStatus.Held;
    ICreditToken.CreditStatus constant LISTED = ICreditToken.CreditStatus.Listed;
    ICreditToken.CreditStatus constant RETIRED = ICreditToken.CreditStatus.Retired;
    ICreditToken.CreditStatus constant INVALIDATED = ICreditToken.CreditStatus.Invalidated;
    bytes32 constant REASON = keccak256("voluntary-offset");

    // ------------------------------------------------------------------ mint

    function test_mintIssuance_mintsOneTokenPerBlock_andRecordsMetadata() public {
        (uint256 a, uint256 b) = _mintWorkedExample();
        assertEq(a, 1);
        assertEq(b, 2);
        ICreditToken.TokenView memory v = token.tokenData(a);
        assertEq(v.issuanceKey, ISSUANCE);
        assertEq(v.projectId, PROJECT);
        assertEq(v.reportId, REPORT);
        assertEq(v.vintage, 2026);
        assertEq(v.first, 1);
        assertEq(v.last, 387);
        assertEq(v.amount, 387);
        assertEq(v.account, PROPERTY);
        assertEq(v.parentTokenId, 0);
        assertFalse(v.closed);
        assertFalse(v.isReplacement);
        assertEq(token.ownerOf(a), address(token));
        assertEq(token.custodian(), address(token));
        assertEq(token.balanceOf(address(token)), 2);
        ICreditToken.Issuance memory iss = token.issuance(ISSUANCE);
        assertEq(iss.totalCredits, 429);
        assertEq(iss.amountByStatus[0], 429);
        assertEq(token.liveAmountOf(ISSUANCE), 429);
        assertEq(token.tokensOfIssuance(ISSUANCE).length, 2);
    }

    function test_mintIssuance_emitsIssuanceAndCRUMinted() public {
        bytes32 cmd = _cmd();
        vm.expectEmit(address(token));
        emit ICreditToken.IssuanceMinted(ISSUANCE, PROJECT, REPORT, 2026, 429, 1, cmd);
        vm.expectEmit(address(token));
        emit ICreditToken.CRUMinted(1, ISSUANCE, PROPERTY, 1, 429, ISSUED, 0, bytes32(0), cmd);
        vm.prank(operator);
        token.mintIssuance(cmd, _header(ISSUANCE), _one(_block(1, 429, PROPERTY, ISSUED)));
    }

    function test_mintIssuance_retryWithSameCommand_isNoOp() public {
        bytes32 cmd = _cmd();
        ICreditToken.Block[] memory blocks = _one(_block(1, 429, PROPERTY, ISSUED));
        vm.prank(operator);
        assertTrue(token.mintIssuance(cmd, _header(ISSUANCE), blocks));
        vm.recordLogs();
        vm.prank(operator);
        assertFalse(token.mintIssuance(cmd, _header(ISSUANCE), blocks));
        assertEq(vm.getRecordedLogs().length, 0, "a retry emits nothing");
        assertEq(token.lastTokenId(), 1);
        assertTrue(token.isApplied(cmd));
    }

    function test_mintIssuance_sameCommandOtherContent_reverts() public {
        bytes32 cmd = _cmd();
        vm.prank(operator);
        token.mintIssuance(cmd, _header(ISSUANCE), _one(_block(1, 429, PROPERTY, ISSUED)));
        bytes32 applied = token.commandDigest(cmd);
        bytes memory other = abi.encodeCall(
            CreditToken.mintIssuance, (cmd, _header(ISSUANCE), _one(_block(1, 430, PROPERTY, ISSUED)))
        );
        vm.expectRevert(
            abi.encodeWithSelector(RegistryComponent.CommandIdReused.selector, cmd, applied, keccak256(other))
        );
        vm.prank(operator);
        (bool ok,) = address(token).call(other);
        ok;
    }

    function test_mintIssuance_zeroCommandId_reverts() public {
        vm.expectRevert(RegistryComponent.ZeroCommandId.selector);
        vm.prank(operator);
        token.mintIssuance(0, _header(ISSUANCE), _one(_block(1, 1, PROPERTY, ISSUED)));
    }

    function test_mintIssuance_byNonOperator_reverts() public {
        bytes32 cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, developer, OPERATOR)
        );
        vm.prank(developer);
        token.mintIssuance(cmd, _header(ISSUANCE), _one(_block(1, 1, PROPERTY, ISSUED)));
    }

    function test_mintIssuance_whilePaused_reverts() public {
        vm.prank(operator);
        acl.pause();
        bytes32 cmd = _cmd();
        vm.expectRevert(RegistryComponent.RegistryPaused.selector);
        vm.prank(operator);
        token.mintIssuance(cmd, _header(ISSUANCE), _one(_block(1, 1, PROPERTY, ISSUED)));
    }

    function test_mintIssuance_invalidHeader_reverts() public {
        ICreditToken.Block[] memory blocks = _one(_block(1, 1, PROPERTY, ISSUED));
        _expectMintRevert(
            ICreditToken.IssuanceHeader(0, PROJECT, REPORT, 2026), blocks, abi.encodeWithSelector(ICreditToken.ZeroIssuanceKey.selector)
        );
        _expectMintRevert(
            ICreditToken.IssuanceHeader(ISSUANCE, 0, REPORT, 2026), blocks, abi.encodeWithSelector(ICreditToken.ZeroProjectId.selector)
        );
        _expectMintRevert(
            ICreditToken.IssuanceHeader(ISSUANCE, PROJECT, 0, 2026), blocks, abi.encodeWithSelector(ICreditToken.ZeroReportId.selector)
        );
        _expectMintRevert(
            ICreditToken.IssuanceHeader(ISSUANCE, PROJECT, REPORT, 0), blocks, abi.encodeWithSelector(ICreditToken.ZeroVintage.selector)
        );
    }

    function test_mintIssuance_twice_reverts() public {
        _mintWorkedExample();
        _expectMintRevert(
            _header(ISSUANCE),
            _one(_block(1, 5, PROPERTY, ISSUED)),
            abi.encodeWithSelector(ICreditToken.IssuanceAlreadyMinted.selector, ISSUANCE)
        );
    }

    function test_mintIssuance_badBlocks_revert() public {
        _expectMintRevert(
            _header(ISSUANCE), new ICreditToken.Block[](0), abi.encodeWithSelector(ICreditToken.EmptyBlocks.selector)
        );
        _expectMintRevert(
            _header(ISSUANCE),
            _one(_block(2, 5, PROPERTY, ISSUED)),
            abi.encodeWithSelector(ICreditToken.SerialGap.selector, 0, 1, 2)
        );
        ICreditToken.Block[] memory gap = new ICreditToken.Block[](2);
        gap[0] = _block(1, 5, PROPERTY, ISSUED);
        gap[1] = _block(7, 9, POOL, ISSUED);
        _expectMintRevert(_header(ISSUANCE), gap, abi.encodeWithSelector(ICreditToken.SerialGap.selector, 1, 6, 7));
        ICreditToken.Block[] memory inverted = new ICreditToken.Block[](2);
        inverted[0] = _block(1, 5, PROPERTY, ISSUED);
        inverted[1] = _block(6, 5, POOL, ISSUED);
        _expectMintRevert(
            _header(ISSUANCE), inverted, abi.encodeWithSelector(ICreditToken.InvalidRange.selector, 1, 6, 5)
        );
        _expectMintRevert(
            _header(ISSUANCE),
            _one(_block(1, type(uint64).max, PROPERTY, ISSUED)),
            abi.encodeWithSelector(ICreditToken.InvalidRange.selector, 0, 1, type(uint64).max)
        );
        _expectMintRevert(
            _header(ISSUANCE),
            _one(_block(1, 5, 0, ISSUED)),
            abi.encodeWithSelector(ICreditToken.ZeroAccount.selector, 0)
        );
        _expectMintRevert(
            _header(ISSUANCE),
            _one(_block(1, 5, PROPERTY, HELD)),
            abi.encodeWithSelector(ICreditToken.InvalidInitialStatus.selector, 0, HELD)
        );
    }

    function test_mintIssuance_withMrvRegistry_checksVerifiedQuantity() public {
        CreditToken bound_ = new CreditToken(acl, mrv);
        // project validated, report verified with 429 credits
        vm.prank(developer);
        projects.register(_cmd(), PROJECT, keccak256("pdd"), 0, "");
        vm.prank(validator);
        projects.approve(_cmd(), PROJECT);
        vm.prank(developer);
        mrv.submitReport(_cmd(), REPORT, PROJECT, keccak256("mrv"), 100, 200);

        // not yet verified
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.ReportNotVerified.selector, REPORT, uint8(1)));
        vm.prank(operator);
        bound_.mintIssuance(cmd, _header(ISSUANCE), _one(_block(1, 429, PROPERTY, ISSUED)));

        vm.prank(verifier);
        mrv.verify(_cmd(), REPORT, 429);

        // wrong project
        cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(ICreditToken.ReportProjectMismatch.selector, REPORT, keccak256("other"), PROJECT)
        );
        vm.prank(operator);
        bound_.mintIssuance(
            cmd, ICreditToken.IssuanceHeader(ISSUANCE, keccak256("other"), REPORT, 2026), _one(_block(1, 429, PROPERTY, ISSUED))
        );

        // too many
        cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.IssuanceExceedsVerified.selector, REPORT, 430, 429));
        vm.prank(operator);
        bound_.mintIssuance(cmd, _header(ISSUANCE), _one(_block(1, 430, PROPERTY, ISSUED)));

        vm.prank(operator);
        bound_.mintIssuance(_cmd(), _header(ISSUANCE), _one(_block(1, 400, PROPERTY, ISSUED)));
        assertEq(bound_.mintedForReport(REPORT), 400);
        cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.IssuanceExceedsVerified.selector, REPORT, 30, 29));
        vm.prank(operator);
        bound_.mintIssuance(cmd, _header(keccak256("second")), _one(_block(1, 30, PROPERTY, ISSUED)));
    }

    // ------------------------------------------------------------------ split / transfer / retire / invalidate

    function test_split_makesTwoChildrenPointingToParent() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectEmit(address(token));
        emit ICreditToken.BlockClosed(a, ISSUANCE, cmd);
        vm.prank(operator);
        token.split(cmd, a, 101);
        ICreditToken.TokenView memory c1 = token.tokenData(3);
        ICreditToken.TokenView memory c2 = token.tokenData(4);
        assertEq(c1.first, 1);
        assertEq(c1.last, 100);
        assertEq(c2.first, 101);
        assertEq(c2.last, 387);
        assertEq(c1.parentTokenId, a);
        assertEq(c2.parentTokenId, a);
        assertTrue(token.tokenData(a).closed);
        vm.expectRevert();
        token.ownerOf(a);
        assertEq(token.liveAmountOf(ISSUANCE), 429);
        assertEq(token.liveTokensOfIssuance(ISSUANCE).length, 3);
    }

    function test_split_outOfRange_reverts() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.SplitPointOutOfRange.selector, a, 1, 1, 387));
        vm.prank(operator);
        token.split(cmd, a, 1);
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.SplitPointOutOfRange.selector, a, 388, 1, 387));
        vm.prank(operator);
        token.split(cmd, a, 388);
    }

    function test_split_unknownOrClosedToken_reverts() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.UnknownToken.selector, 99));
        vm.prank(operator);
        token.split(cmd, 99, 2);
        vm.prank(operator);
        token.split(_cmd(), a, 2);
        cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.TokenClosed.selector, a));
        vm.prank(operator);
        token.split(cmd, a, 3);
    }

    function test_transfer_middleRange_makesThreeChildren() public {
        (uint256 a,) = _mintWorkedExample();
        vm.prank(operator);
        token.transfer(_cmd(), a, 11, 20, BUYER);
        ICreditToken.TokenView memory head = token.tokenData(3);
        ICreditToken.TokenView memory moved = token.tokenData(4);
        ICreditToken.TokenView memory tail = token.tokenData(5);
        assertEq(head.last, 10);
        assertEq(head.account, PROPERTY);
        assertTrue(head.status == ISSUED);
        assertEq(moved.first, 11);
        assertEq(moved.last, 20);
        assertEq(moved.account, BUYER);
        assertTrue(moved.status == HELD);
        assertEq(tail.first, 21);
        assertEq(tail.account, PROPERTY);
        ICreditToken.Issuance memory iss = token.issuance(ISSUANCE);
        assertEq(iss.amountByStatus[0], 419);
        assertEq(iss.amountByStatus[1], 10);
    }

    function test_transfer_rangeOutsideToken_reverts() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.RangeNotInToken.selector, a, 380, 390, 1, 387));
        vm.prank(operator);
        token.transfer(cmd, a, 380, 390, BUYER);
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.RangeNotInToken.selector, a, 20, 10, 1, 387));
        vm.prank(operator);
        token.transfer(cmd, a, 20, 10, BUYER);
    }

    function test_retire_heldCredits_emitsCRURetired_andTokenIsFinal() public {
        (uint256 a,) = _mintWorkedExample();
        vm.prank(operator);
        token.transfer(_cmd(), a, 1, 100, BUYER); // tokens 3 (1-100 held), 4 (101-387 issued)
        bytes32 cmd = _cmd();
        vm.expectEmit(address(token));
        emit ICreditToken.CRURetired(5, ISSUANCE, BUYER, 40, REASON, cmd);
        vm.prank(operator);
        token.retire(cmd, 3, 1, 40, REASON);
        ICreditToken.TokenView memory r = token.tokenData(5);
        assertTrue(r.status == RETIRED);
        assertEq(r.reasonCode, REASON);
        assertEq(r.parentTokenId, 3);
        assertTrue(_status(6) == HELD);
        assertEq(token.ownerOf(5), address(token), "retired tokens stay, with all metadata");

        cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.TokenIsFinal.selector, 5, RETIRED));
        vm.prank(operator);
        token.transfer(cmd, 5, 1, 40, BUYER);
    }

    function test_retire_issuedCredits_reverts_lifecycle() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.InvalidStatusTransition.selector, a, ISSUED, RETIRED));
        vm.prank(operator);
        token.retire(cmd, a, 1, 40, REASON);
    }

    function test_retire_withoutReason_reverts() public {
        (uint256 a,) = _mintWorkedExample();
        vm.prank(operator);
        token.transfer(_cmd(), a, 1, 387, BUYER);
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.MissingReasonCode.selector, 0));
        vm.prank(operator);
        token.retire(cmd, 3, 1, 40, 0);
    }

    function test_invalidate_emitsCRUInvalidated_andIsFinal() public {
        (, uint256 pool) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectEmit(address(token));
        emit ICreditToken.CRUInvalidated(3, ISSUANCE, POOL, 42, REASON, cmd);
        vm.prank(operator);
        token.invalidate(cmd, pool, 388, 429, REASON);
        assertTrue(_status(3) == INVALIDATED);
        cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.TokenIsFinal.selector, 3, INVALIDATED));
        vm.prank(operator);
        token.split(cmd, 3, 400);
    }

    // ------------------------------------------------------------------ ERC-721 transfers

    function test_erc721Transfer_ofRetiredToken_reverts() public {
        (uint256 a,) = _mintWorkedExample();
        vm.startPrank(operator);
        token.transfer(_cmd(), a, 1, 387, BUYER);
        token.retire(_cmd(), 3, 1, 387, REASON);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.TokenNotTransferable.selector, 4, RETIRED));
        vm.prank(address(token));
        token.transferFrom(address(token), stranger, 4);
    }

    function test_erc721Transfer_ofLiveToken_revertsCustodyOnly() public {
        (uint256 a,) = _mintWorkedExample();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.CustodyOnly.selector, a));
        vm.prank(operator);
        token.transferFrom(address(token), operator, a);
    }

    // ------------------------------------------------------------------ applyChange

    function test_applyChange_mergesTwoParents_lineageAndEvent() public {
        (uint256 a,) = _mintWorkedExample();
        vm.prank(operator);
        token.transfer(_cmd(), a, 1, 40, BUYER); // 3: 1-40 BUYER held, 4: 41-387 PROPERTY issued
        // sell 41-50 to the same buyer: merged child 1-50, rest 51-387
        ICreditToken.Block[] memory added = new ICreditToken.Block[](2);
        added[0] = _block(1, 50, BUYER, HELD);
        added[1] = _block(51, 387, PROPERTY, ISSUED);
        bytes32 cmd = _cmd();
        uint256[] memory addedIds = _ids(5, 6);
        vm.expectEmit(address(token));
        emit ICreditToken.BlockChangeApplied(cmd, ISSUANCE, keccak256("sell"), _ids(3, 4), addedIds);
        vm.prank(operator);
        token.applyChange(cmd, keccak256("sell"), _ids(3, 4), added, 0);
        assertEq(token.tokenData(5).parentTokenId, 3);
        assertEq(token.tokenData(6).parentTokenId, 4);
        assertEq(token.liveAmountOf(ISSUANCE), 429);
    }

    function test_applyChange_replacementDelivery_setsProvenance_andCannotBeDropped() public {
        (, uint256 pool) = _mintWorkedExample();
        bytes32 receipt = keccak256("receipt-1");
        ICreditToken.Block[] memory added = new ICreditToken.Block[](2);
        added[0] = ICreditToken.Block(388, 397, BUYER, HELD, receipt);
        added[1] = _block(398, 429, POOL, ISSUED);
        vm.prank(operator);
        token.applyChange(_cmd(), keccak256("deliver_replacement"), _ids(pool), added, 0);
        ICreditToken.TokenView memory v = token.tokenData(3);
        assertTrue(v.isReplacement);
        assertEq(v.replacementFor, receipt);
        // dropping the flag is refused
        bytes32 cmd = _cmd();
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.ReplacementMismatch.selector, 3, receipt, bytes32(0)));
        vm.prank(operator);
        token.applyChange(cmd, keccak256("transfer"), _ids(3), _one(_block(388, 397, PROPERTY, HELD)), 0);
    }

    function test_applyChange_structuralErrors_revert() public {
        (uint256 a, uint256 pool) = _mintWorkedExample();
        vm.prank(operator);
        token.mintIssuance(_cmd(), _header(keccak256("other")), _one(_block(1, 10, PROPERTY, ISSUED))); // token 3
        ICreditToken.Block[] memory whole = _one(_block(1, 387, PROPERTY, HELD));

        _expectApplyRevert(new uint256[](0), whole, 0, abi.encodeWithSelector(ICreditToken.EmptyRemoval.selector));
        _expectApplyRevert(_ids(a), new ICreditToken.Block[](0), 0, abi.encodeWithSelector(ICreditToken.EmptyBlocks.selector));
        _expectApplyRevert(_ids(a, 3), whole, 0, abi.encodeWithSelector(ICreditToken.IssuanceMismatch.selector, 3, ISSUANCE, keccak256("other")));
        _expectApplyRevert(_ids(pool, a), whole, 0, abi.encodeWithSelector(ICreditToken.RemovedNotContiguous.selector, a, 430, 1));
        _expectApplyRevert(_ids(a, a), whole, 0, abi.encodeWithSelector(ICreditToken.RemovedNotContiguous.selector, a, 388, 1));
        _expectApplyRevert(_ids(a), _one(_block(2, 387, PROPERTY, HELD)), 0, abi.encodeWithSelector(ICreditToken.SerialGap.selector, 0, 1, 2));
        _expectApplyRevert(_ids(a), _one(_block(1, 386, PROPERTY, HELD)), 0, abi.encodeWithSelector(ICreditToken.CoverageMismatch.selector, 387, 386));
        _expectApplyRevert(_ids(a), _one(_block(1, 388, PROPERTY, HELD)), 0, abi.encodeWithSelector(ICreditToken.CoverageMismatch.selector, 387, 388));
        _expectApplyRevert(_ids(a), _one(_block(1, 387, 0, HELD)), 0, abi.encodeWithSelector(ICreditToken.ZeroAccount.selector, 0));
        _expectApplyRevert(_ids(a), _one(_block(1, 387, PROPERTY, LISTED)), 0, abi.encodeWithSelector(ICreditToken.InvalidStatusTransition.selector, a, ISSUED, LISTED));
        _expectApplyRevert(_ids(a), _one(_block(1, 387, PROPERTY, INVALIDATED)), 0, abi.encodeWithSelector(ICreditToken.MissingReasonCode.selector, 0));
    }

    function test_applyChange_emptyChildRange_reverts() public {
        (uint256 a,) = _mintWorkedExample();
        ICreditToken.Block[] memory inverted = new ICreditToken.Block[](2);
        inverted[0] = _block(1, 10, PROPERTY, HELD);
        inverted[1] = _block(11, 10, PROPERTY, HELD);
        _expectApplyRevert(_ids(a), inverted, 0, abi.encodeWithSelector(ICreditToken.InvalidRange.selector, 1, 11, 10));
    }

    function test_applyChange_lifecycleTable() public view {
        // OGCR / registry lifecycle: issued -> held | invalidated; held -> listed | retired | invalidated;
        // listed -> held | invalidated; retired and invalidated are final.
        bool[5][5] memory allowed = [
            [true, true, false, false, true],
            [false, true, true, true, true],
            [false, true, true, false, true],
            [false, false, false, false, false],
            [false, false, false, false, false]
        ];
        for (uint8 f = 0; f < 5; ++f) {
            for (uint8 t = 0; t < 5; ++t) {
                assertEq(
                    token.isTransitionAllowed(ICreditToken.CreditStatus(f), ICreditToken.CreditStatus(t)), allowed[f][t]
                );
            }
        }
    }

    function test_applyChange_listAndDelist() public {
        (uint256 a,) = _mintWorkedExample();
        vm.startPrank(operator);
        token.transfer(_cmd(), a, 1, 387, BUYER); // 3 held
        token.applyChange(_cmd(), keccak256("list"), _ids(3), _one(_block(1, 387, BUYER, LISTED)), 0); // 4
        token.applyChange(_cmd(), keccak256("delist"), _ids(4), _one(_block(1, 387, BUYER, HELD)), 0); // 5
        vm.stopPrank();
        assertTrue(_status(5) == HELD);
    }

    function test_applyChange_byNonOperator_andPaused_revert() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, OPERATOR)
        );
        vm.prank(stranger);
        token.applyChange(cmd, 0, _ids(a), _one(_block(1, 387, PROPERTY, HELD)), 0);
        vm.prank(admin1);
        acl.pause();
        vm.expectRevert(RegistryComponent.RegistryPaused.selector);
        vm.prank(operator);
        token.split(cmd, a, 2);
    }

    function test_convenienceCalls_retry_areNoOps() public {
        (uint256 a,) = _mintWorkedExample();
        bytes32 cmd = _cmd();
        vm.startPrank(operator);
        assertTrue(token.transfer(cmd, a, 1, 10, BUYER));
        assertFalse(token.transfer(cmd, a, 1, 10, BUYER));
        bytes32 c2 = _cmd();
        assertTrue(token.split(c2, 4, 100));
        assertFalse(token.split(c2, 4, 100));
        bytes32 c3 = _cmd();
        assertTrue(token.retire(c3, 3, 1, 5, REASON));
        assertFalse(token.retire(c3, 3, 1, 5, REASON));
        bytes32 c4 = _cmd();
        assertTrue(token.invalidate(c4, 8, 6, 10, REASON));
        assertFalse(token.invalidate(c4, 8, 6, 10, REASON));
        bytes32 c5 = _cmd();
        ICreditToken.Block[] memory same = _one(_block(100, 387, PROPERTY, HELD));
        assertTrue(token.applyChange(c5, 0, _ids(6), same, 0));
        assertFalse(token.applyChange(c5, 0, _ids(6), same, 0));
        vm.stopPrank();
        assertEq(token.liveAmountOf(ISSUANCE), 429);
    }

    function test_tokenURI_carriesOgcrMetadata() public {
        (uint256 a,) = _mintWorkedExample();
        string memory uri = token.tokenURI(a);
        assertTrue(bytes(uri).length > 29, "a data URI");
        bytes memory prefix = bytes("data:application/json;base64,");
        for (uint256 i = 0; i < prefix.length; ++i) {
            assertTrue(bytes(uri)[i] == prefix[i], "data URI prefix");
        }
        vm.expectRevert(abi.encodeWithSelector(ICreditToken.UnknownToken.selector, 42));
        token.tokenURI(42);
    }

    function test_constructor_zeroAccess_reverts() public {
        vm.expectRevert(RegistryComponent.ZeroContract.selector);
        new CreditToken(IRegistryAccess(address(0)), IMRVRegistry(address(0)));
    }

    // ------------------------------------------------------------------ helpers

    function _expectMintRevert(
        ICreditToken.IssuanceHeader memory header,
        ICreditToken.Block[] memory blocks,
        bytes memory err
    ) private {
        bytes32 cmd = _cmd();
        vm.expectRevert(err);
        vm.prank(operator);
        token.mintIssuance(cmd, header, blocks);
    }

    function _expectApplyRevert(
        uint256[] memory removed,
        ICreditToken.Block[] memory added,
        bytes32 reason,
        bytes memory err
    ) private {
        bytes32 cmd = _cmd();
        vm.expectRevert(err);
        vm.prank(operator);
        token.applyChange(cmd, keccak256("op"), removed, added, reason);
    }
}
