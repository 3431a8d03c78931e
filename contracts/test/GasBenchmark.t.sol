// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {RegistryFixture} from "./base/RegistryFixture.sol";
import {ICreditToken} from "../src/interfaces/ICreditToken.sol";
import {PlainCreditERC721} from "./bench/PlainCreditERC721.sol";

/// @dev Gas of minting an issuance of N credits (429, the worked example; 1,000; 10,000): as the
/// registry mints it (one `mintIssuance`: the owner's block and the buffer pool's 8 %, rounded up),
/// as one block, and as N plain ERC-721 tokens (N `mint` calls to one holder). Each figure is the
/// execution gas of the external calls measured from the caller, without the 21,000 base of a
/// transaction. Run with `--isolate` (which `--gas-report` implies) so that each call is a
/// transaction of its own, with cold storage, as on a real chain; without it, the calls share one
/// transaction's warm slots and the plain mints look half as dear. Lines starting with GAS are read
/// by the benchmarks' report (`GAS <size> <what> <gas>`).
contract GasBenchmarkTest is RegistryFixture {
    using Strings for uint256;

    function test_gas_issuanceAgainstPlainErc721_by_size() public {
        uint64[3] memory sizes = [uint64(429), 1_000, 10_000];
        // not measured: the registry's first issuance ever also opens the token contract's own
        // ERC-721 balance (it holds every live token in custody); later ones find it open
        _mint(keccak256("warm-up"), _one(_block(1, 1, PROPERTY, ICreditToken.CreditStatus.Issued)));
        PlainCreditERC721 plain = new PlainCreditERC721();
        uint256 nextPlainId = 1;
        for (uint256 s = 0; s < sizes.length; ++s) {
            uint64 n = sizes[s];
            string memory size = uint256(n).toString();
            uint64 buffer = (n * 8 + 99) / 100;

            ICreditToken.Block[] memory asIssued = new ICreditToken.Block[](2);
            asIssued[0] = _block(1, n - buffer, PROPERTY, ICreditToken.CreditStatus.Issued);
            asIssued[1] = _block(n - buffer + 1, n, POOL, ICreditToken.CreditStatus.Issued);
            uint256 registryGas = _mint(keccak256(abi.encodePacked("as-issued-", size)), asIssued);
            uint256 oneBlockGas = _mint(
                keccak256(abi.encodePacked("one-block-", size)),
                _one(_block(1, n, PROPERTY, ICreditToken.CreditStatus.Issued))
            );

            address holder = address(uint160(0xBEEF + s));
            uint256 plainGas;
            for (uint256 i = 0; i < n; ++i) {
                uint256 before = gasleft();
                plain.mint(holder, nextPlainId++);
                plainGas += before - gasleft();
            }
            assertEq(plain.balanceOf(holder), n);

            log(string.concat("GAS ", size, " registry issuance, 2 blocks"), registryGas);
            log(string.concat("GAS ", size, " one block"), oneBlockGas);
            log(string.concat("GAS ", size, " plain ERC-721 mints, total"), plainGas);
            log(string.concat("GAS ", size, " plain ERC-721 mints, count"), n);
            assertGt(plainGas, registryGas, "blocks cost less than one token per credit");
        }
    }

    function _mint(bytes32 key, ICreditToken.Block[] memory blocks) private returns (uint256 gasUsed) {
        ICreditToken.IssuanceHeader memory header = _header(key);
        bytes32 cmd = _cmd();
        vm.prank(operator);
        uint256 before = gasleft();
        token.mintIssuance(cmd, header, blocks);
        gasUsed = before - gasleft();
        assertEq(token.liveAmountOf(key), blocks[blocks.length - 1].last);
    }
}
