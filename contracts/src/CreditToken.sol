// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {RegistryComponent} from "./base/RegistryComponent.sol";
import {IRegistryAccess} from "./interfaces/IRegistryAccess.sol";
import {IMRVRegistry} from "./interfaces/IMRVRegistry.sol";
import {ICreditToken} from "./interfaces/ICreditToken.sol";

/// @title Block credit token (OGCR 5.2.3)
/// @notice One ERC-721 token per credit block: project, report, vintage, serial range, amount,
/// status, replacement provenance. An issuance is minted whole (its blocks tile [1, N]); every later
/// move is a change that closes (burns) some live tokens of one issuance and mints children that
/// tile exactly the same serials, each child pointing to its parent. Retired and invalidated tokens
/// never change again and never transfer. Accounts are registry account hashes, not addresses: the
/// ERC-721 owner of every live token is this contract (registry custody), so credits move between
/// accounts only through the registry operator's calls, under the lifecycle enforced here.
contract CreditToken is ICreditToken, ERC721, RegistryComponent {
    using Strings for uint256;

    /// @notice Operation codes the convenience functions record: keccak256 of the operation name.
    bytes32 public constant OP_SPLIT = keccak256("split");
    bytes32 public constant OP_TRANSFER = keccak256("transfer");
    bytes32 public constant OP_RETIRE = keccak256("retire");
    bytes32 public constant OP_INVALIDATE = keccak256("invalidate");

    /// @notice The MRV registry whose verified quantities bound issuance; zero when reports are
    /// verified off chain (then `reportId` is metadata only).
    IMRVRegistry public immutable mrvRegistry;

    struct TokenData {
        bytes32 issuanceKey;
        uint64 first;
        uint64 last;
        uint64 parent;
        CreditStatus status;
        bool closed;
        bytes32 account;
        bytes32 replacementFor;
        bytes32 reasonCode;
    }

    uint64 private _lastTokenId;
    mapping(uint256 tokenId => TokenData) private _tokens;
    mapping(bytes32 issuanceKey => Issuance) private _issuances;
    mapping(bytes32 issuanceKey => uint256[]) private _issuanceTokens;
    mapping(bytes32 reportId => uint256) private _mintedForReport;

    constructor(IRegistryAccess access_, IMRVRegistry mrv_)
        ERC721("OGCR Carbon Removal Unit", "CRU")
        RegistryComponent(access_)
    {
        mrvRegistry = mrv_;
    }

    // ------------------------------------------------------------------ writes

    /// @notice Mints an issuance whole: one token per block, blocks in serial order tiling
    /// [1, N], every block `Issued`. With an MRV registry, the report must be verified for the same
    /// project and N must fit in its verified quantity not yet issued.
    /// @param commandId idempotency key (keccak256 of the outbox command id)
    /// @param header issuance key, project, report, vintage
    /// @param blocks the initial blocks
    /// @return applied false when this exact command was applied before (nothing is minted)
    function mintIssuance(bytes32 commandId, IssuanceHeader calldata header, Block[] calldata blocks)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        bytes32 key = header.issuanceKey;
        if (key == bytes32(0)) revert ZeroIssuanceKey();
        if (header.projectId == bytes32(0)) revert ZeroProjectId();
        if (header.reportId == bytes32(0)) revert ZeroReportId();
        if (header.vintage == 0) revert ZeroVintage();
        if (_issuances[key].totalCredits != 0) revert IssuanceAlreadyMinted(key);
        uint256 n = blocks.length;
        if (n == 0) revert EmptyBlocks();
        uint64 expected = 1;
        for (uint256 i = 0; i < n; ++i) {
            Block calldata b = blocks[i];
            if (b.first != expected) revert SerialGap(i, expected, b.first);
            if (b.last < b.first || b.last == type(uint64).max) revert InvalidRange(i, b.first, b.last);
            if (b.account == bytes32(0)) revert ZeroAccount(i);
            if (b.status != CreditStatus.Issued) revert InvalidInitialStatus(i, b.status);
            // b.last < 2^64 - 1, so this cannot overflow
            unchecked {
                expected = b.last + 1;
            }
        }
        uint64 total = expected - 1;
        if (address(mrvRegistry) != address(0)) _checkReport(header, total);

        // effects
        Issuance storage iss = _issuances[key];
        iss.projectId = header.projectId;
        iss.reportId = header.reportId;
        iss.vintage = header.vintage;
        iss.totalCredits = total;
        iss.mintedAt = uint64(block.timestamp);
        iss.amountByStatus[uint8(CreditStatus.Issued)] = total;
        emit IssuanceMinted(key, header.projectId, header.reportId, header.vintage, total, n, commandId);
        for (uint256 i = 0; i < n; ++i) {
            _createToken(key, blocks[i], 0, commandId, 0);
        }
        return true;
    }

    /// @notice Applies a block change: closes `removedTokenIds` (live, not final, one issuance,
    /// given in serial order and contiguous) and mints `added`, which must tile exactly the same
    /// serials in order. Each child's status must be reachable from the status of every parent it
    /// overlaps; a child keeps its parents' replacement provenance (or gains one, when the buffer
    /// pool delivers replacements). Children entering Retired or Invalidated need `reasonCode`.
    /// @param commandId idempotency key (keccak256 of the outbox command id)
    /// @param operation keccak256 of the operation name (e.g. "sell"), recorded in the event
    /// @param removedTokenIds the tokens replaced
    /// @param added the children, in serial order
    /// @param reasonCode reason for retired or invalidated children, else may be zero
    /// @return applied false when this exact command was applied before
    function applyChange(
        bytes32 commandId,
        bytes32 operation,
        uint256[] memory removedTokenIds,
        Block[] memory added,
        bytes32 reasonCode
    ) external nonReentrant whenActive onlyRole(REGISTRY_OPERATOR_ROLE) returns (bool applied) {
        if (!_begin(commandId)) return false;
        _applyChange(commandId, operation, removedTokenIds, added, reasonCode);
        return true;
    }

    /// @notice Splits a token at serial `splitAt` into [first, splitAt-1] and [splitAt, last], same account and status.
    /// @return applied false when this exact command was applied before
    function split(bytes32 commandId, uint256 tokenId, uint64 splitAt)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        TokenData storage t = _liveToken(tokenId);
        if (splitAt <= t.first || splitAt > t.last) revert SplitPointOutOfRange(tokenId, splitAt, t.first, t.last);
        Block[] memory blocks = new Block[](2);
        blocks[0] = Block(t.first, splitAt - 1, t.account, t.status, t.replacementFor);
        blocks[1] = Block(splitAt, t.last, t.account, t.status, t.replacementFor);
        _applyChange(commandId, OP_SPLIT, _one(tokenId), blocks, 0);
        return true;
    }

    /// @notice Moves serials [first, last] of a token to account `to`, where they are `Held`;
    /// the rest stays as it was (at most three children).
    /// @return applied false when this exact command was applied before
    function transfer(bytes32 commandId, uint256 tokenId, uint64 first, uint64 last, bytes32 to)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        _carve(commandId, OP_TRANSFER, tokenId, first, last, CreditStatus.Held, to, 0);
        return true;
    }

    /// @notice Retires serials [first, last] of a held token with a reason code (emits `CRURetired`).
    /// @return applied false when this exact command was applied before
    function retire(bytes32 commandId, uint256 tokenId, uint64 first, uint64 last, bytes32 reasonCode)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        _carve(commandId, OP_RETIRE, tokenId, first, last, CreditStatus.Retired, 0, reasonCode);
        return true;
    }

    /// @notice Invalidates serials [first, last] of a live token with a reason code.
    /// @return applied false when this exact command was applied before
    function invalidate(bytes32 commandId, uint256 tokenId, uint64 first, uint64 last, bytes32 reasonCode)
        external
        nonReentrant
        whenActive
        onlyRole(REGISTRY_OPERATOR_ROLE)
        returns (bool applied)
    {
        if (!_begin(commandId)) return false;
        _carve(commandId, OP_INVALIDATE, tokenId, first, last, CreditStatus.Invalidated, 0, reasonCode);
        return true;
    }

    // ------------------------------------------------------------------ views

    /// @notice A token's metadata, also for closed tokens; reverts `UnknownToken` otherwise.
    function tokenData(uint256 tokenId) public view returns (TokenView memory v) {
        TokenData storage t = _tokens[tokenId];
        if (t.issuanceKey == bytes32(0)) revert UnknownToken(tokenId);
        Issuance storage iss = _issuances[t.issuanceKey];
        v.tokenId = tokenId;
        v.issuanceKey = t.issuanceKey;
        v.projectId = iss.projectId;
        v.reportId = iss.reportId;
        v.vintage = iss.vintage;
        v.first = t.first;
        v.last = t.last;
        v.amount = t.last - t.first + 1;
        v.status = t.status;
        v.account = t.account;
        v.isReplacement = t.replacementFor != bytes32(0);
        v.replacementFor = t.replacementFor;
        v.parentTokenId = t.parent;
        v.closed = t.closed;
        v.reasonCode = t.reasonCode;
    }

    /// @notice An issuance; all zero when never minted.
    function issuance(bytes32 issuanceKey) external view returns (Issuance memory) {
        return _issuances[issuanceKey];
    }

    /// @notice Every token ever created for an issuance, closed ones included, in creation order.
    function tokensOfIssuance(bytes32 issuanceKey) external view returns (uint256[] memory) {
        return _issuanceTokens[issuanceKey];
    }

    /// @notice The live (not closed) tokens of an issuance, in creation order.
    function liveTokensOfIssuance(bytes32 issuanceKey) external view returns (uint256[] memory live) {
        uint256[] storage all = _issuanceTokens[issuanceKey];
        live = new uint256[](all.length);
        uint256 k;
        for (uint256 i = 0; i < all.length; ++i) {
            if (!_tokens[all[i]].closed) live[k++] = all[i];
        }
        assembly ("memory-safe") {
            mstore(live, k)
        }
    }

    /// @notice Sum of the amounts of an issuance's live tokens, counted token by token; always
    /// equals the issuance's total (for reconciliation).
    function liveAmountOf(bytes32 issuanceKey) external view returns (uint256 sum) {
        uint256[] storage all = _issuanceTokens[issuanceKey];
        for (uint256 i = 0; i < all.length; ++i) {
            TokenData storage t = _tokens[all[i]];
            if (!t.closed) sum += uint256(t.last - t.first) + 1;
        }
    }

    /// @notice The id of the last token created; ids run from 1.
    function lastTokenId() external view returns (uint256) {
        return _lastTokenId;
    }

    /// @notice Credits issued so far against a report.
    function mintedForReport(bytes32 reportId) external view returns (uint256) {
        return _mintedForReport[reportId];
    }

    /// @notice The ERC-721 owner of every live token: this contract (registry custody).
    function custodian() external view returns (address) {
        return address(this);
    }

    /// @notice Whether the lifecycle lets a block in `from` become `to` (unchanged is allowed for
    /// non-final states: a split or a move between accounts).
    function isTransitionAllowed(CreditStatus from, CreditStatus to) public pure returns (bool) {
        if (from == CreditStatus.Issued) {
            return to == CreditStatus.Issued || to == CreditStatus.Held || to == CreditStatus.Invalidated;
        }
        if (from == CreditStatus.Held) {
            return to != CreditStatus.Issued;
        }
        if (from == CreditStatus.Listed) {
            return to == CreditStatus.Listed || to == CreditStatus.Held || to == CreditStatus.Invalidated;
        }
        return false;
    }

    /// @notice OGCR 5.2.3 metadata as a data URI: JSON with project, report, vintage, serial range,
    /// amount, status and replacement attributes.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        TokenView memory v = tokenData(tokenId);
        bytes memory head = abi.encodePacked(
            '{"name":"CRU block #',
            tokenId.toString(),
            '","issuance":"',
            uint256(v.issuanceKey).toHexString(32),
            '","project_id":"',
            uint256(v.projectId).toHexString(32),
            '","mrv_id":"',
            uint256(v.reportId).toHexString(32),
            '","vintage":',
            uint256(v.vintage).toString()
        );
        bytes memory body = abi.encodePacked(
            ',"serial_first":',
            uint256(v.first).toString(),
            ',"serial_last":',
            uint256(v.last).toString(),
            ',"amount":',
            uint256(v.amount).toString(),
            ',"status":"',
            _statusName(v.status),
            '","account":"',
            uint256(v.account).toHexString(32)
        );
        bytes memory tail = abi.encodePacked(
            '","is_replacement":',
            v.isReplacement ? "true" : "false",
            ',"replacement_for":"',
            uint256(v.replacementFor).toHexString(32),
            '","parent_token_id":',
            v.parentTokenId.toString(),
            ',"closed":',
            v.closed ? "true" : "false",
            "}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes.concat(head, body, tail)));
    }

    // ------------------------------------------------------------------ internals

    /// @dev Every ERC-721 transfer between addresses is refused: tokens stay in registry custody.
    /// Minting (from zero) and closing (to zero) go through.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        if (to != address(0) && _ownerOf(tokenId) != address(0)) {
            CreditStatus s = _tokens[tokenId].status;
            if (s == CreditStatus.Retired || s == CreditStatus.Invalidated) revert TokenNotTransferable(tokenId, s);
            revert CustodyOnly(tokenId);
        }
        return super._update(to, tokenId, auth);
    }

    function _checkReport(IssuanceHeader calldata header, uint64 total) private {
        IMRVRegistry.Report memory r = mrvRegistry.report(header.reportId);
        if (r.status != IMRVRegistry.ReportStatus.Verified) revert ReportNotVerified(header.reportId, uint8(r.status));
        if (r.projectId != header.projectId) revert ReportProjectMismatch(header.reportId, header.projectId, r.projectId);
        uint256 minted = _mintedForReport[header.reportId];
        if (minted + total > r.quantity) revert IssuanceExceedsVerified(header.reportId, total, r.quantity - minted);
        _mintedForReport[header.reportId] = minted + total;
    }

    function _liveToken(uint256 tokenId) private view returns (TokenData storage t) {
        t = _tokens[tokenId];
        if (t.issuanceKey == bytes32(0)) revert UnknownToken(tokenId);
        if (t.closed) revert TokenClosed(tokenId);
        if (_isFinal(t.status)) revert TokenIsFinal(tokenId, t.status);
    }

    function _carve(
        bytes32 commandId,
        bytes32 operation,
        uint256 tokenId,
        uint64 first,
        uint64 last,
        CreditStatus to,
        bytes32 toAccount,
        bytes32 reasonCode
    ) private {
        TokenData storage t = _liveToken(tokenId);
        if (first > last || first < t.first || last > t.last) {
            revert RangeNotInToken(tokenId, first, last, t.first, t.last);
        }
        bool head = first > t.first;
        bool tail = last < t.last;
        Block[] memory blocks = new Block[](1 + (head ? 1 : 0) + (tail ? 1 : 0));
        uint256 k;
        // first > t.first >= 1 and last < t.last <= 2^64 - 2: neither -1 nor +1 can wrap
        if (head) blocks[k++] = Block(t.first, first - 1, t.account, t.status, t.replacementFor);
        blocks[k++] = Block(first, last, toAccount == bytes32(0) ? t.account : toAccount, to, t.replacementFor);
        if (tail) blocks[k] = Block(last + 1, t.last, t.account, t.status, t.replacementFor);
        _applyChange(commandId, operation, _one(tokenId), blocks, reasonCode);
    }

    function _applyChange(
        bytes32 commandId,
        bytes32 operation,
        uint256[] memory removed,
        Block[] memory added,
        bytes32 reasonCode
    ) private {
        uint256 nR = removed.length;
        if (nR == 0) revert EmptyRemoval();
        uint256 nA = added.length;
        if (nA == 0) revert EmptyBlocks();

        // checks: the removed tokens are live, of one issuance, contiguous in serial order
        bytes32 key;
        uint64 start;
        uint64 end;
        for (uint256 i = 0; i < nR; ++i) {
            TokenData storage t = _liveToken(removed[i]);
            if (i == 0) {
                key = t.issuanceKey;
                start = t.first;
            } else {
                if (t.issuanceKey != key) revert IssuanceMismatch(removed[i], key, t.issuanceKey);
                // end < 2^64 - 1 (mint refuses the top serial)
                if (t.first != end + 1) revert RemovedNotContiguous(removed[i], end + 1, t.first);
            }
            end = t.last;
        }

        // checks: the added blocks tile [start, end] and each follows the lifecycle from its parents
        uint64 expected = start;
        uint256 p;
        for (uint256 j = 0; j < nA; ++j) {
            Block memory b = added[j];
            if (b.first != expected) revert SerialGap(j, expected, b.first);
            if (b.last < b.first) revert InvalidRange(j, b.first, b.last);
            if (b.last > end) revert CoverageMismatch(end, b.last);
            if (b.account == bytes32(0)) revert ZeroAccount(j);
            if (_isFinal(b.status) && reasonCode == bytes32(0)) revert MissingReasonCode(j);
            while (_tokens[removed[p]].last < b.first) ++p;
            for (uint256 q = p; q < nR && _tokens[removed[q]].first <= b.last; ++q) {
                _checkChild(removed[q], b);
            }
            expected = b.last + 1; // b.last <= end < 2^64 - 1
        }
        if (expected != end + 1) revert CoverageMismatch(end, expected - 1);

        // effects: close the parents, mint the children
        uint64[5] storage amounts = _issuances[key].amountByStatus;
        for (uint256 i = 0; i < nR; ++i) {
            TokenData storage t = _tokens[removed[i]];
            t.closed = true;
            amounts[uint8(t.status)] -= t.last - t.first + 1;
            _burn(removed[i]);
            emit BlockClosed(removed[i], key, commandId);
        }
        uint256[] memory addedIds = new uint256[](nA);
        p = 0;
        for (uint256 j = 0; j < nA; ++j) {
            Block memory b = added[j];
            while (_tokens[removed[p]].last < b.first) ++p;
            amounts[uint8(b.status)] += b.last - b.first + 1;
            addedIds[j] = _createToken(key, b, uint64(removed[p]), commandId, reasonCode);
        }
        emit BlockChangeApplied(commandId, key, operation, removed, addedIds);
    }

    function _checkChild(uint256 parentId, Block memory b) private view {
        TokenData storage parent = _tokens[parentId];
        if (!isTransitionAllowed(parent.status, b.status)) {
            revert InvalidStatusTransition(parentId, parent.status, b.status);
        }
        bytes32 prf = parent.replacementFor;
        if (prf != b.replacementFor && prf != bytes32(0)) revert ReplacementMismatch(parentId, prf, b.replacementFor);
    }

    function _createToken(bytes32 key, Block memory b, uint64 parent, bytes32 commandId, bytes32 reasonCode)
        private
        returns (uint256 tokenId)
    {
        uint64 id = ++_lastTokenId;
        tokenId = id;
        TokenData storage t = _tokens[id];
        t.issuanceKey = key;
        t.first = b.first;
        t.last = b.last;
        t.parent = parent;
        t.status = b.status;
        t.account = b.account;
        if (b.replacementFor != bytes32(0)) t.replacementFor = b.replacementFor;
        bool retired = b.status == CreditStatus.Retired;
        bool invalidated = b.status == CreditStatus.Invalidated;
        if (retired || invalidated) t.reasonCode = reasonCode;
        _issuanceTokens[key].push(id);
        _mint(address(this), id);
        emit CRUMinted(id, key, b.account, b.first, b.last, b.status, parent, b.replacementFor, commandId);
        if (retired) emit CRURetired(id, key, b.account, b.last - b.first + 1, reasonCode, commandId);
        if (invalidated) emit CRUInvalidated(id, key, b.account, b.last - b.first + 1, reasonCode, commandId);
    }

    function _one(uint256 tokenId) private pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = tokenId;
    }

    function _isFinal(CreditStatus s) private pure returns (bool) {
        return s == CreditStatus.Retired || s == CreditStatus.Invalidated;
    }

    function _statusName(CreditStatus s) private pure returns (string memory) {
        if (s == CreditStatus.Issued) return "ISSUED";
        if (s == CreditStatus.Held) return "HELD";
        if (s == CreditStatus.Listed) return "LISTED";
        if (s == CreditStatus.Retired) return "RETIRED";
        return "INVALIDATED";
    }
}
