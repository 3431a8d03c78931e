// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Block credit token (OGCR 5.2.3)
/// @notice One ERC-721 token per credit block: a serial range of one issuance with one account, one
/// status and one provenance. Cost grows with blocks, never with credits.
interface ICreditToken {
    /// @notice Credit block lifecycle, ordered as the registry's `CreditStatus`:
    /// Issued -> Held | Invalidated; Held -> Listed | Retired | Invalidated; Listed -> Held | Invalidated.
    /// Retired and Invalidated are final.
    enum CreditStatus {
        Issued,
        Held,
        Listed,
        Retired,
        Invalidated
    }

    /// @notice What every token of an issuance shares.
    /// @param issuanceKey keccak256 of the issuance id's UTF-8 text (e.g. "nulhegan-2026")
    /// @param projectId the project (as in ProjectRegistry)
    /// @param reportId the verified monitoring report or assessment the credits come from
    /// @param vintage the vintage year
    struct IssuanceHeader {
        bytes32 issuanceKey;
        bytes32 projectId;
        bytes32 reportId;
        uint16 vintage;
    }

    /// @notice A block as given to mint and change calls.
    /// @param first first serial, >= 1
    /// @param last last serial, >= first
    /// @param account keccak256 of the registry account id (e.g. "buffer-pool"); not an address
    /// @param status the block's status
    /// @param replacementFor zero for original credits, else the hash of the receipt they replace
    struct Block {
        uint64 first;
        uint64 last;
        bytes32 account;
        CreditStatus status;
        bytes32 replacementFor;
    }

    /// @notice A stored issuance. `amountByStatus` counts credits of live tokens per status.
    struct Issuance {
        bytes32 projectId;
        bytes32 reportId;
        uint16 vintage;
        uint64 totalCredits;
        uint64 mintedAt;
        uint64[5] amountByStatus;
    }

    /// @notice A token's full metadata (OGCR 5.2.3). `closed` tokens were replaced by children and
    /// are burned; their record stays for lineage.
    struct TokenView {
        uint256 tokenId;
        bytes32 issuanceKey;
        bytes32 projectId;
        bytes32 reportId;
        uint16 vintage;
        uint64 first;
        uint64 last;
        uint64 amount;
        CreditStatus status;
        bytes32 account;
        bool isReplacement;
        bytes32 replacementFor;
        uint256 parentTokenId;
        bool closed;
        bytes32 reasonCode;
    }

    /// @notice An issuance was minted whole: its blocks tile serials [1, totalCredits].
    event IssuanceMinted(
        bytes32 indexed issuanceKey,
        bytes32 indexed projectId,
        bytes32 indexed reportId,
        uint16 vintage,
        uint64 totalCredits,
        uint256 blockCount,
        bytes32 commandId
    );
    /// @notice A block token was created, at issuance (`parentTokenId` 0) or as a child of a change
    /// (`parentTokenId` is the removed token that held the child's first serial).
    event CRUMinted(
        uint256 indexed tokenId,
        bytes32 indexed issuanceKey,
        bytes32 indexed account,
        uint64 first,
        uint64 last,
        CreditStatus status,
        uint256 parentTokenId,
        bytes32 replacementFor,
        bytes32 commandId
    );
    /// @notice A block token was closed (burned) because a change replaced it with children.
    event BlockClosed(uint256 indexed tokenId, bytes32 indexed issuanceKey, bytes32 indexed commandId);
    /// @notice A child token was created retired (OGCR 5.2.3: retirement with a reason code).
    event CRURetired(
        uint256 indexed tokenId,
        bytes32 indexed issuanceKey,
        bytes32 indexed account,
        uint64 amount,
        bytes32 reasonCode,
        bytes32 commandId
    );
    /// @notice A child token was created invalidated.
    event CRUInvalidated(
        uint256 indexed tokenId,
        bytes32 indexed issuanceKey,
        bytes32 indexed account,
        uint64 amount,
        bytes32 reasonCode,
        bytes32 commandId
    );
    /// @notice A block change replaced `removedTokenIds` with `addedTokenIds` over the same serials.
    event BlockChangeApplied(
        bytes32 indexed commandId,
        bytes32 indexed issuanceKey,
        bytes32 indexed operation,
        uint256[] removedTokenIds,
        uint256[] addedTokenIds
    );

    /// @notice The issuance key must not be zero.
    error ZeroIssuanceKey();
    /// @notice The issuance's project must not be zero.
    error ZeroProjectId();
    /// @notice The issuance's report must not be zero.
    error ZeroReportId();
    /// @notice The vintage must not be zero.
    error ZeroVintage();
    /// @notice The issuance was minted before.
    error IssuanceAlreadyMinted(bytes32 issuanceKey);
    /// @notice A mint or change needs at least one block.
    error EmptyBlocks();
    /// @notice A change removes at least one token.
    error EmptyRemoval();
    /// @notice Block `index` has a range that is empty, starts at 0 or ends at 2^64-1.
    error InvalidRange(uint256 index, uint64 first, uint64 last);
    /// @notice Block `index` does not start right after the previous block.
    error SerialGap(uint256 index, uint64 expectedFirst, uint64 actualFirst);
    /// @notice The added blocks end at `actualLast`; the removed tokens end at `expectedLast`.
    error CoverageMismatch(uint64 expectedLast, uint64 actualLast);
    /// @notice Block `index` has a zero account.
    error ZeroAccount(uint256 index);
    /// @notice Initial blocks must be `Issued`.
    error InvalidInitialStatus(uint256 index, CreditStatus status);
    /// @notice No token has this id.
    error UnknownToken(uint256 tokenId);
    /// @notice The token was closed by an earlier change.
    error TokenClosed(uint256 tokenId);
    /// @notice Retired and invalidated tokens never change again.
    error TokenIsFinal(uint256 tokenId, CreditStatus status);
    /// @notice The removed tokens belong to different issuances.
    error IssuanceMismatch(uint256 tokenId, bytes32 expected, bytes32 actual);
    /// @notice Removed tokens must be given in serial order, each right after the previous.
    error RemovedNotContiguous(uint256 tokenId, uint64 expectedFirst, uint64 actualFirst);
    /// @notice The lifecycle has no edge from the parent's status to the child's.
    error InvalidStatusTransition(uint256 parentTokenId, CreditStatus from, CreditStatus to);
    /// @notice A child may not drop or change its parent's replacement provenance.
    error ReplacementMismatch(uint256 parentTokenId, bytes32 parentReplacementFor, bytes32 childReplacementFor);
    /// @notice A block entering Retired or Invalidated needs a reason code.
    error MissingReasonCode(uint256 index);
    /// @notice A sub-range must lie inside the token's range.
    error RangeNotInToken(uint256 tokenId, uint64 first, uint64 last, uint64 tokenFirst, uint64 tokenLast);
    /// @notice A split point must satisfy first < at <= last.
    error SplitPointOutOfRange(uint256 tokenId, uint64 splitAt, uint64 tokenFirst, uint64 tokenLast);
    /// @notice The report is not verified in the MRV registry.
    error ReportNotVerified(bytes32 reportId, uint8 status);
    /// @notice The report belongs to another project.
    error ReportProjectMismatch(bytes32 reportId, bytes32 expectedProjectId, bytes32 actualProjectId);
    /// @notice Minting would exceed the report's verified quantity.
    error IssuanceExceedsVerified(bytes32 reportId, uint256 requested, uint256 remaining);
    /// @notice Retired and invalidated tokens can never be transferred.
    error TokenNotTransferable(uint256 tokenId, CreditStatus status);
    /// @notice Tokens stay in registry custody; they move between accounts only by registry calls.
    error CustodyOnly(uint256 tokenId);
}
