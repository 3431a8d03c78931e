// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @dev The forge cheatcodes these tests use (a subset of forge-std's Vm, which is not on npm).
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function expectRevert() external;
    function expectRevert(bytes4 revertData) external;
    function expectRevert(bytes calldata revertData) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter)
        external;
    function expectEmit(address emitter) external;
    function assume(bool condition) external pure;
    function warp(uint256 newTimestamp) external;
    function roll(uint256 newHeight) external;
    function addr(uint256 privateKey) external pure returns (address);
    function label(address account, string calldata newLabel) external;
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory);

    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }
}

/// @dev forge-std's FuzzSelector, for `targetSelectors()` in invariant tests.
struct FuzzSelector {
    address addr;
    bytes4[] selectors;
}

/// @dev A minimal stand-in for forge-std's Test: cheatcodes, assertions, `bound`, console logging.
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    address private constant CONSOLE = 0x000000000000000000636F6e736F6c652e6c6f67;

    /// @dev Marks this contract as a test suite for forge.
    bool public IS_TEST = true;

    function fail(string memory message) internal pure {
        revert(message);
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) fail(message);
    }

    function assertTrue(bool condition) internal pure {
        assertTrue(condition, "assertion failed");
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) fail(message);
    }

    function assertFalse(bool condition) internal pure {
        assertFalse(condition, "assertion failed: expected false");
    }

    function assertEq(uint256 a, uint256 b, string memory message) internal pure {
        if (a != b) fail(string.concat(message, ": ", _str(a), " != ", _str(b)));
    }

    function assertEq(uint256 a, uint256 b) internal pure {
        assertEq(a, b, "assertEq(uint256) failed");
    }

    function assertEq(bytes32 a, bytes32 b, string memory message) internal pure {
        if (a != b) fail(message);
    }

    function assertEq(bytes32 a, bytes32 b) internal pure {
        assertEq(a, b, "assertEq(bytes32) failed");
    }

    function assertEq(address a, address b, string memory message) internal pure {
        if (a != b) fail(message);
    }

    function assertEq(address a, address b) internal pure {
        assertEq(a, b, "assertEq(address) failed");
    }

    function assertEq(bool a, bool b) internal pure {
        if (a != b) fail("assertEq(bool) failed");
    }

    function assertEq(string memory a, string memory b) internal pure {
        if (keccak256(bytes(a)) != keccak256(bytes(b))) fail(string.concat("assertEq(string) failed: ", a, " != ", b));
    }

    function assertGt(uint256 a, uint256 b, string memory message) internal pure {
        if (a <= b) fail(string.concat(message, ": ", _str(a), " <= ", _str(b)));
    }

    /// @dev Maps any `x` into [min, max] (inclusive), keeping small values small.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        if (size == 0) return x; // full range
        return min + (x % size);
    }

    function log(string memory label, uint256 value) internal view {
        (bool ok,) = CONSOLE.staticcall(abi.encodeWithSignature("log(string,uint256)", label, value));
        ok;
    }

    function log(string memory message) internal view {
        (bool ok,) = CONSOLE.staticcall(abi.encodeWithSignature("log(string)", message));
        ok;
    }

    function _str(uint256 v) private pure returns (string memory) {
        if (v == 0) return "0";
        uint256 len;
        for (uint256 t = v; t != 0; t /= 10) ++len;
        bytes memory b = new bytes(len);
        for (; v != 0; v /= 10) b[--len] = bytes1(uint8(48 + v % 10));
        return string(b);
    }
}
