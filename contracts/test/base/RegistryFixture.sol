// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "./Test.sol";
import {RegistryAccess} from "../../src/RegistryAccess.sol";
import {IRegistryAccess} from "../../src/interfaces/IRegistryAccess.sol";
import {ProjectRegistry} from "../../src/ProjectRegistry.sol";
import {MRVRegistry} from "../../src/MRVRegistry.sol";
import {AnchorRegistry} from "../../src/AnchorRegistry.sol";
import {CreditToken} from "../../src/CreditToken.sol";
import {ICreditToken} from "../../src/interfaces/ICreditToken.sol";
import {IMRVRegistry} from "../../src/interfaces/IMRVRegistry.sol";

/// @dev Deploys the registry with three administrators (2-of-3) and one holder of each role.
abstract contract RegistryFixture is Test {
    address internal admin1 = address(0xA1);
    address internal admin2 = address(0xA2);
    address internal admin3 = address(0xA3);
    address internal developer = address(0xDE);
    address internal validator = address(0x7A);
    address internal verifier = address(0x7E);
    address internal operator = address(0x0B);
    address internal stranger = address(0x5700);

    RegistryAccess internal acl;
    ProjectRegistry internal projects;
    MRVRegistry internal mrv;
    AnchorRegistry internal anchors;
    CreditToken internal token;

    bytes32 internal constant ADMINISTRATOR = keccak256("administrator");
    bytes32 internal constant DEVELOPER = keccak256("developer");
    bytes32 internal constant VALIDATOR = keccak256("validator");
    bytes32 internal constant VERIFIER = keccak256("verifier");
    bytes32 internal constant OPERATOR = keccak256("registry_operator");

    bytes32 internal constant ISSUANCE = keccak256("nulhegan-2026");
    bytes32 internal constant PROJECT = keccak256("nulhegan-forest");
    bytes32 internal constant REPORT = keccak256("nulhegan-2026-assessment");
    bytes32 internal constant PROPERTY = keccak256("property:nulhegan-forest");
    bytes32 internal constant POOL = keccak256("buffer-pool");
    bytes32 internal constant BUYER = keccak256("holder:acme");

    uint256 private _nextCommand;

    function setUp() public virtual {
        address[] memory admins = new address[](3);
        admins[0] = admin1;
        admins[1] = admin2;
        admins[2] = admin3;
        acl = new RegistryAccess(admins, 2);
        projects = new ProjectRegistry(acl);
        mrv = new MRVRegistry(acl, projects);
        anchors = new AnchorRegistry(acl);
        token = new CreditToken(acl, IMRVRegistry(address(0)));
        _grant(DEVELOPER, developer);
        _grant(VALIDATOR, validator);
        _grant(VERIFIER, verifier);
        _grant(OPERATOR, operator);
    }

    /// @dev Grants a role through a 2-of-3 proposal.
    function _grant(bytes32 role, address account) internal {
        vm.prank(admin1);
        uint256 id = acl.propose(IRegistryAccess.Action.GrantRole, role, account, 0);
        vm.prank(admin2);
        acl.approve(id);
    }

    /// @dev A fresh command id.
    function _cmd() internal returns (bytes32) {
        return keccak256(abi.encodePacked("command-", ++_nextCommand));
    }

    function _header(bytes32 key) internal pure returns (ICreditToken.IssuanceHeader memory) {
        return ICreditToken.IssuanceHeader(key, PROJECT, REPORT, 2026);
    }

    function _block(uint64 first, uint64 last, bytes32 account, ICreditToken.CreditStatus status)
        internal
        pure
        returns (ICreditToken.Block memory)
    {
        return ICreditToken.Block(first, last, account, status, bytes32(0));
    }

    /// @dev Mints the worked example: 429 credits, 387 to the property, 42 to the buffer pool.
    function _mintWorkedExample() internal returns (uint256 propertyToken, uint256 poolToken) {
        ICreditToken.Block[] memory blocks = new ICreditToken.Block[](2);
        blocks[0] = _block(1, 387, PROPERTY, ICreditToken.CreditStatus.Issued);
        blocks[1] = _block(388, 429, POOL, ICreditToken.CreditStatus.Issued);
        vm.prank(operator);
        token.mintIssuance(_cmd(), _header(ISSUANCE), blocks);
        return (token.lastTokenId() - 1, token.lastTokenId());
    }

    function _one(ICreditToken.Block memory b) internal pure returns (ICreditToken.Block[] memory bs) {
        bs = new ICreditToken.Block[](1);
        bs[0] = b;
    }

    function _ids(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }

    function _ids(uint256 a, uint256 b) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](2);
        ids[0] = a;
        ids[1] = b;
    }

    function _status(uint256 tokenId) internal view returns (ICreditToken.CreditStatus) {
        return token.tokenData(tokenId).status;
    }
}
