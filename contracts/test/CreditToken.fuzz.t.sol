// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryFixture} from "./base/RegistryFixture.sol";
import {ICreditToken} from "../src/interfaces/ICreditToken.sol";

/// @dev Split and retire arithmetic over arbitrary block sizes and ranges (runs set in foundry.toml).
contract CreditTokenFuzzTest is RegistryFixture {
    bytes32 constant REASON = keccak256("voluntary-offset");

    function _mintOne(uint64 n) private returns (uint256 tokenId) {
        vm.prank(operator);
        token.mintIssuance(_cmd(), _header(ISSUANCE), _one(_block(1, n, PROPERTY, ICreditToken.CreditStatus.Issued)));
        return token.lastTokenId();
    }

    function testFuzz_split_childrenTileParent(uint64 n, uint64 at) public {
        n = uint64(bound(n, 2, type(uint64).max - 1));
        at = uint64(bound(at, 2, n));
        uint256 id = _mintOne(n);
        vm.prank(operator);
        token.split(_cmd(), id, at);
        ICreditToken.TokenView memory a = token.tokenData(id + 1);
        ICreditToken.TokenView memory b = token.tokenData(id + 2);
        assertEq(a.first, 1);
        assertEq(a.last, at - 1);
        assertEq(b.first, at);
        assertEq(b.last, n);
        assertEq(uint256(a.amount) + b.amount, n, "split conserves credits");
        assertEq(token.liveAmountOf(ISSUANCE), n);
        assertEq(a.parentTokenId, id);
        assertEq(b.parentTokenId, id);
    }

    function testFuzz_retire_subRange_conservesAndCounts(uint64 n, uint64 first, uint64 last) public {
        n = uint64(bound(n, 1, type(uint64).max - 1));
        first = uint64(bound(first, 1, n));
        last = uint64(bound(last, first, n));
        uint256 id = _mintOne(n);
        vm.startPrank(operator);
        token.transfer(_cmd(), id, 1, n, BUYER); // whole block held by the buyer
        uint256 held = token.lastTokenId();
        token.retire(_cmd(), held, first, last, REASON);
        vm.stopPrank();

        uint256 retired = uint256(last) - first + 1;
        ICreditToken.Issuance memory iss = token.issuance(ISSUANCE);
        assertEq(iss.amountByStatus[uint8(ICreditToken.CreditStatus.Retired)], retired);
        assertEq(iss.amountByStatus[uint8(ICreditToken.CreditStatus.Held)], uint256(n) - retired);
        assertEq(token.liveAmountOf(ISSUANCE), n);
        uint256[] memory live = token.liveTokensOfIssuance(ISSUANCE);
        uint256 expectedPieces = 1 + (first > 1 ? 1 : 0) + (last < n ? 1 : 0);
        assertEq(live.length, expectedPieces);
        uint256 sum;
        for (uint256 i = 0; i < live.length; ++i) sum += token.tokenData(live[i]).amount;
        assertEq(sum, n);
    }

    function testFuzz_applyChange_anyPartition_conserves(uint64 n, uint256 seed) public {
        n = uint64(bound(n, 1, 1_000_000));
        uint256 id = _mintOne(n);
        uint256 pieces = bound(seed, 1, n < 8 ? n : 8);
        ICreditToken.Block[] memory added = new ICreditToken.Block[](pieces);
        uint64 next = 1;
        for (uint256 i = 0; i < pieces; ++i) {
            uint64 remainingPieces = uint64(pieces - i);
            uint64 maxLen = n - next + 1 - (remainingPieces - 1);
            uint64 len = i == pieces - 1 ? n - next + 1 : uint64(bound(uint256(keccak256(abi.encode(seed, i))), 1, maxLen));
            added[i] = _block(next, next + len - 1, i % 2 == 0 ? BUYER : PROPERTY, ICreditToken.CreditStatus.Held);
            next += len;
        }
        vm.prank(operator);
        token.applyChange(_cmd(), keccak256("transfer"), _ids(id), added, 0);
        assertEq(token.liveAmountOf(ISSUANCE), n);
        assertEq(token.liveTokensOfIssuance(ISSUANCE).length, pieces);
        assertEq(token.issuance(ISSUANCE).amountByStatus[1], n);
    }
}
