package org.ogcr.port.in;

import java.util.Optional;
import org.ogcr.domain.buffer.Reversal;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.SaleProceeds;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.CreditView;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;

/**
 * Credits after issuance (OGCR 4.2.3; registry function spec, "Credit lifecycle", "Credit sale
 * mechanics", "Revenue routing", buffer pool): accounts, transfer, listing, sale, retirement,
 * invalidation with buffer draw, subrogation; and reads.
 */
public interface CreditUseCases {

  record OpenAccount(Principal principal, AccountId id) {
    public OpenAccount {
      Require.nonNull("principal", principal);
      Require.nonNull("accountId", id);
    }
  }

  /**
   * Credits {@code range} of {@code issuance}, held in {@code from}.
   *
   * @param to the receiving account, for a transfer or sale
   */
  record MoveCredits(
      Principal principal,
      IssuanceId issuance,
      SerialRange range,
      AccountId from,
      Optional<AccountId> to) {
    public MoveCredits {
      Require.nonNull("principal", principal);
      Require.nonNull("issuance", issuance);
      Require.nonNull("range", range);
      Require.nonNull("from", from);
      Require.nonNull("to", to);
    }
  }

  /** A sale at {@code price} for the whole range; via the exchange when the credits are listed. */
  record SellCredits(MoveCredits move, Money price) {
    public SellCredits {
      Require.nonNull("move", move);
      Require.nonNull("price", price);
    }
  }

  /**
   * A retirement claim (OGCR 4.2.3 {@code POST /credits/{id}/retire}).
   *
   * @param reason why the credits are retired; required
   * @param beneficiary on whose behalf the claim is made
   * @param jurisdiction where the claim is made, for example an ISO 3166 code
   * @param use what the claim is used for, for example {@code voluntary_offset}
   */
  record RetireCredits(
      MoveCredits move,
      String reason,
      Optional<String> beneficiary,
      Optional<String> jurisdiction,
      Optional<String> use) {
    public RetireCredits {
      Require.nonNull("move", move);
      Require.nonNull("reason", reason);
      Require.nonNull("beneficiary", beneficiary);
      Require.nonNull("jurisdiction", jurisdiction);
      Require.nonNull("use", use);
    }
  }

  /**
   * A catastrophic loss of the removal behind {@code lost}: the credits are invalidated and the
   * buffer pool drawn.
   *
   * @param deliberate the loss was deliberate destruction; the draw then also records the
   *     subrogation of the buffer pool's holder to the property's enforcement rights
   */
  record InvalidateCredits(
      Principal principal,
      IssuanceId issuance,
      SerialRange lost,
      String reason,
      boolean deliberate) {
    public InvalidateCredits {
      Require.nonNull("principal", principal);
      Require.nonNull("issuance", issuance);
      Require.nonNull("lost", lost);
      Require.nonNull("reason", reason);
    }
  }

  /** The outcome of an invalidation: the reversal applied and its receipt. */
  record InvalidationResult(Reversal.Plan plan, DocumentHash receipt) {}

  /** The outcome of a sale: its receipt and the exact routing of the price. */
  record SaleResult(DocumentHash receipt, SaleProceeds proceeds, boolean viaExchange) {}

  /** Role holder (or administrator), for the principal's organisation. */
  Account openAccount(OpenAccount command);

  /** Role holder, of the organisation holding {@code from}; issued or held credits. */
  Receipted<CreditEvent> transfer(MoveCredits command);

  /** Role holder, of the organisation holding {@code from}; held credits. */
  Receipted<CreditEvent> list(MoveCredits command);

  Receipted<CreditEvent> delist(MoveCredits command);

  /**
   * Role holder of the organisation holding {@code from}; or an operator recording an exchange
   * execution of listed credits. Fees and routing per the fee schedule and the property's treasury
   * template, in exact minor units.
   */
  SaleResult sell(SellCredits command);

  /** Role holder, of the organisation holding {@code from}; held credits, whole or partial. */
  Receipted<CreditEvent> retire(RetireCredits command);

  /** Role operator or administrator. */
  InvalidationResult invalidate(InvalidateCredits command);

  Optional<Account> account(AccountId id);

  Page<CreditView> credits(CreditQuery query, PageRequest page);

  /** The same, by cursor: stable while blocks split and merge elsewhere. */
  KeysetPage<CreditView> creditsAfter(CreditQuery query, KeysetRequest request);

  /** Events by cursor, in the order recorded. */
  KeysetPage<CreditEvent> eventsAfter(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      KeysetRequest request);

  Page<CreditEvent> events(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      PageRequest page);

  /** The buffer pool account. */
  AccountId bufferPool();
}
