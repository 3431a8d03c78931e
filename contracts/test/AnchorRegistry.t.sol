// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryFixture} from "./base/RegistryFixture.sol";
import {IAnchorRegistry} from "../src/interfaces/IAnchorRegistry.sol";
import {RegistryComponent} from "../src/base/RegistryComponent.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

contract AnchorRegistryTest is RegistryFixture {
    bytes32 constant KIND = keccak256("pdd");

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    /// @dev A four-leaf tree over documents d0..d3, as the registry builds it off chain.
    function _tree() private view returns (bytes32[4] memory docs, bytes32 root, bytes32[2][4] memory proofs) {
        bytes32[4] memory leaves;
        for (uint256 i = 0; i < 4; ++i) {
            docs[i] = keccak256(abi.encode("document", i));
            leaves[i] = anchors.leafHash(docs[i]);
        }
        bytes32 n01 = _hashPair(leaves[0], leaves[1]);
        bytes32 n23 = _hashPair(leaves[2], leaves[3]);
        root = _hashPair(n01, n23);
        proofs[0] = [leaves[1], n23];
        proofs[1] = [leaves[0], n23];
        proofs[2] = [leaves[3], n01];
        proofs[3] = [leaves[2], n01];
    }

    function test_anchor_recordsAndEmits() public {
        vm.warp(77);
        bytes32 doc = keccak256("doc");
        bytes32 cmd = _cmd();
        vm.expectEmit(address(anchors));
        emit IAnchorRegistry.DocumentAnchored(doc, KIND, operator, 77, cmd);
        vm.prank(operator);
        assertTrue(anchors.anchor(cmd, KIND, doc));
        assertTrue(anchors.isAnchored(doc));
        IAnchorRegistry.AnchorRecord memory a = anchors.anchorOf(doc);
        assertEq(a.kind, KIND);
        assertEq(a.timestamp, 77);
        vm.prank(operator);
        assertFalse(anchors.anchor(cmd, KIND, doc), "a retry is a no-op");
    }

    function test_anchor_againUnderNewCommand_keepsFirstRecord() public {
        bytes32 doc = keccak256("doc");
        vm.warp(10);
        vm.prank(operator);
        anchors.anchor(_cmd(), KIND, doc);
        vm.warp(20);
        vm.prank(operator);
        anchors.anchor(_cmd(), keccak256("mrv"), doc);
        assertEq(anchors.anchorOf(doc).timestamp, 10);
        assertEq(anchors.anchorOf(doc).kind, KIND);
    }

    function test_anchor_invalid_reverts() public {
        bytes32 cmd = _cmd();
        vm.startPrank(operator);
        vm.expectRevert(IAnchorRegistry.ZeroHash.selector);
        anchors.anchor(cmd, KIND, 0);
        vm.expectRevert(IAnchorRegistry.ZeroKind.selector);
        anchors.anchor(cmd, 0, keccak256("doc"));
        vm.expectRevert(RegistryComponent.ZeroCommandId.selector);
        anchors.anchor(0, KIND, keccak256("doc"));
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, developer, OPERATOR)
        );
        vm.prank(developer);
        anchors.anchor(cmd, KIND, keccak256("doc"));
    }

    function test_anchorBatch_andVerifyEveryInclusionProof() public {
        (bytes32[4] memory docs, bytes32 root, bytes32[2][4] memory proofs) = _tree();
        bytes32 cmd = _cmd();
        vm.expectEmit(address(anchors));
        emit IAnchorRegistry.BatchAnchored(root, KIND, operator, 4, 1, cmd);
        vm.prank(operator);
        anchors.anchorBatch(cmd, KIND, root, 4);
        for (uint256 i = 0; i < 4; ++i) {
            bytes32[] memory proof = new bytes32[](2);
            proof[0] = proofs[i][0];
            proof[1] = proofs[i][1];
            assertTrue(anchors.verifyInclusion(root, docs[i], proof), "member proves inclusion");
            assertFalse(anchors.verifyInclusion(root, keccak256("stranger"), proof), "non-member fails");
        }
        // an inner node is not a leaf: the double hashing keeps it out
        bytes32[] memory one = new bytes32[](1);
        one[0] = proofs[0][1];
        assertFalse(anchors.verifyInclusion(root, proofs[1][1], one));
        assertEq(anchors.anchorOf(root).leafCount, 4);
    }

    function test_verifyInclusion_unknownRoot_isFalse() public {
        (bytes32[4] memory docs, bytes32 root, bytes32[2][4] memory proofs) = _tree();
        bytes32[] memory proof = new bytes32[](2);
        proof[0] = proofs[0][0];
        proof[1] = proofs[0][1];
        assertFalse(anchors.verifyInclusion(root, docs[0], proof));
        // a single anchored document hash is not a batch root
        vm.prank(operator);
        anchors.anchor(_cmd(), KIND, root);
        assertFalse(anchors.verifyInclusion(root, docs[0], proof));
    }

    function test_anchorBatch_invalid_reverts() public {
        bytes32 cmd = _cmd();
        vm.startPrank(operator);
        vm.expectRevert(IAnchorRegistry.ZeroHash.selector);
        anchors.anchorBatch(cmd, KIND, 0, 4);
        vm.expectRevert(IAnchorRegistry.ZeroKind.selector);
        anchors.anchorBatch(cmd, 0, keccak256("root"), 4);
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.EmptyBatch.selector, keccak256("root")));
        anchors.anchorBatch(cmd, KIND, keccak256("root"), 0);
        vm.stopPrank();
        vm.prank(admin1);
        acl.pause();
        vm.expectRevert(RegistryComponent.RegistryPaused.selector);
        vm.prank(operator);
        anchors.anchorBatch(cmd, KIND, keccak256("root"), 1);
    }
}
