package org.ogcr.domain.credit;

import static org.ogcr.domain.credit.CreditStatus.HELD;
import static org.ogcr.domain.credit.CreditStatus.INVALIDATED;
import static org.ogcr.domain.credit.CreditStatus.ISSUED;
import static org.ogcr.domain.credit.CreditStatus.LISTED;
import static org.ogcr.domain.credit.CreditStatus.RETIRED;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;

/**
 * One move of a range of credits inside one block. Each kind says in which states it may start and
 * in which state the moved credits end; every such pair is an edge of {@link
 * CreditStatus#LIFECYCLE} or leaves the state unchanged (a test proves it).
 *
 * @param owner the account that must own the block, when the move is the owner's to make
 * @param recipient the account the credits move to, when ownership changes
 * @param replacementFor the original receipt the moved credits replace (buffer draws only)
 */
public record CreditOperation(
    Kind kind,
    IssuanceId issuance,
    SerialRange range,
    Optional<AccountId> owner,
    Optional<AccountId> recipient,
    Optional<DocumentHash> replacementFor) {

  /** The kinds of move, with their source states and target state. */
  public enum Kind {
    /** Whole or partial transfer to another account (OGCR 4.2.3 {@code POST /credits/transfer}). */
    TRANSFER(EnumSet.of(ISSUED, HELD), HELD, true, true),
    /** Offer held credits on the exchange. */
    LIST(EnumSet.of(HELD), LISTED, true, false),
    /** Withdraw listed credits from the exchange. */
    DELIST(EnumSet.of(LISTED), HELD, true, false),
    /** A sale: bilateral from the issuing account or a holder, or executed from a listing. */
    SELL(EnumSet.of(ISSUED, HELD, LISTED), HELD, true, true),
    /** Claim held credits for good (OGCR 4.2.3 {@code POST /credits/{creditId}/retire}). */
    RETIRE(EnumSet.of(HELD), RETIRED, true, false),
    /**
     * Cancel credits whose removal was lost or found invalid; the registry's act, not a holder's.
     */
    INVALIDATE(EnumSet.of(ISSUED, HELD, LISTED), INVALIDATED, false, false),
    /** Deliver buffer-pool credits as replacements for invalidated ones. */
    DELIVER_REPLACEMENT(EnumSet.of(ISSUED, HELD), HELD, true, true);

    private final Set<CreditStatus> from;
    private final CreditStatus to;
    private final boolean ownerActs;
    private final boolean changesOwner;

    Kind(Set<CreditStatus> from, CreditStatus to, boolean ownerActs, boolean changesOwner) {
      this.from = from;
      this.to = to;
      this.ownerActs = ownerActs;
      this.changesOwner = changesOwner;
    }

    public Set<CreditStatus> from() {
      return EnumSet.copyOf(from);
    }

    public CreditStatus to() {
      return to;
    }

    public boolean changesOwner() {
      return changesOwner;
    }

    public boolean startsIn(CreditStatus status) {
      return from.contains(status);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public CreditOperation {
    Require.nonNull("kind", kind);
    Require.nonNull("issuance", issuance);
    Require.nonNull("range", range);
    Require.nonNull("owner", owner);
    Require.nonNull("recipient", recipient);
    Require.nonNull("replacementFor", replacementFor);
    if (kind.ownerActs != owner.isPresent()) {
      throw new InvalidValueException(
          "owner",
          owner.orElse(null),
          kind.ownerActs ? "is required to " + kind : "must be absent");
    }
    if (kind.changesOwner != recipient.isPresent()) {
      throw new InvalidValueException(
          "recipient",
          recipient.orElse(null),
          kind.changesOwner ? "is required to " + kind : "must be absent");
    }
    if (kind.changesOwner && recipient.equals(owner)) {
      throw new InvalidValueException(
          "recipient", recipient.get().value(), "must differ from the owner");
    }
    if ((kind == Kind.DELIVER_REPLACEMENT) != replacementFor.isPresent()) {
      throw new InvalidValueException(
          "replacementFor",
          replacementFor.orElse(null),
          kind == Kind.DELIVER_REPLACEMENT ? "is required" : "is only for replacement deliveries");
    }
  }

  public static CreditOperation transfer(
      IssuanceId issuance, SerialRange range, AccountId from, AccountId to) {
    return owned(Kind.TRANSFER, issuance, range, from, Optional.of(to));
  }

  public static CreditOperation list(IssuanceId issuance, SerialRange range, AccountId owner) {
    return owned(Kind.LIST, issuance, range, owner, Optional.empty());
  }

  public static CreditOperation delist(IssuanceId issuance, SerialRange range, AccountId owner) {
    return owned(Kind.DELIST, issuance, range, owner, Optional.empty());
  }

  public static CreditOperation sell(
      IssuanceId issuance, SerialRange range, AccountId seller, AccountId buyer) {
    return owned(Kind.SELL, issuance, range, seller, Optional.of(buyer));
  }

  public static CreditOperation retire(IssuanceId issuance, SerialRange range, AccountId owner) {
    return owned(Kind.RETIRE, issuance, range, owner, Optional.empty());
  }

  public static CreditOperation invalidate(IssuanceId issuance, SerialRange range) {
    return new CreditOperation(
        Kind.INVALIDATE, issuance, range, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static CreditOperation deliverReplacement(
      IssuanceId issuance,
      SerialRange range,
      AccountId bufferPool,
      AccountId recipient,
      DocumentHash replacementFor) {
    return new CreditOperation(
        Kind.DELIVER_REPLACEMENT,
        issuance,
        range,
        Optional.of(bufferPool),
        Optional.of(recipient),
        Optional.of(replacementFor));
  }

  private static CreditOperation owned(
      Kind kind,
      IssuanceId issuance,
      SerialRange range,
      AccountId owner,
      Optional<AccountId> recipient) {
    return new CreditOperation(
        kind, issuance, range, Optional.of(owner), recipient, Optional.empty());
  }

  /** The block the moved credits become, cut from {@code source}. */
  CreditBlock reshape(CreditBlock source) {
    Provenance provenance =
        replacementFor.<Provenance>map(Provenance.Replacement::new).orElse(source.provenance());
    return new CreditBlock(issuance, range, recipient.orElse(source.owner()), kind.to, provenance);
  }
}
