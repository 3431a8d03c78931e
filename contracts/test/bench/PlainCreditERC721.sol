// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @dev The baseline of the gas benchmark: one plain OpenZeppelin ERC-721 token per credit.
contract PlainCreditERC721 is ERC721 {
    constructor() ERC721("Plain credit", "PLAIN") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }
}
