// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {RegistryFixture} from "./base/RegistryFixture.sol";
import {ICreditToken} from "../src/interfaces/ICreditToken.sol";
import {PlainCreditERC721} from "./bench/PlainCreditERC721.sol";

/// @dev Gas of minting the worked example's 429 credits: one block token vs 429 plain ERC-721
/// tokens. Each mint is an external call measured from the caller (execution gas, no 21,000
/// transaction base). `forge test --gas-report` reports the same calls per function.
contract GasBenchmarkTest is RegistryFixture {
    uint256 constant CREDITS = 429;

    function test_gas_blockTokenVsPlainErc721_for429Credits() public {
        ICreditToken.Block[] memory blocks = _one(_block(1, uint64(CREDITS), PROPERTY, ICreditToken.CreditStatus.Issued));
        ICreditToken.IssuanceHeader memory header = _header(ISSUANCE);
        bytes32 cmd = _cmd();
        vm.prank(operator);
        uint256 before = gasleft();
        token.mintIssuance(cmd, header, blocks);
        uint256 blockGas = before - gasleft();

        PlainCreditERC721 plain = new PlainCreditERC721();
        address holder = address(0xBEEF);
        uint256 plainGas;
        for (uint256 i = 1; i <= CREDITS; ++i) {
            before = gasleft();
            plain.mint(holder, i);
            plainGas += before - gasleft();
        }

        log("GAS block token, 1 mintIssuance call, 429 credits:", blockGas);
        log("GAS plain ERC-721, 429 mint calls, total:", plainGas);
        log("GAS plain ERC-721, per mint call (avg):", plainGas / CREDITS);
        log("GAS ratio plain/block x100:", plainGas * 100 / blockGas);
        log("GAS with 21000 per transaction, ratio x100:", (plainGas + CREDITS * 21000) * 100 / (blockGas + 21000));
        assertEq(plain.balanceOf(holder), CREDITS);
        assertEq(token.liveAmountOf(ISSUANCE), CREDITS);
        assertGt(plainGas, blockGas * 10, "one block token costs far less than one token per credit");
    }
}
