package org.ogcr.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.SerialNumber;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.money.Money;
import org.ogcr.port.in.CreditUseCases;
import org.ogcr.port.in.CreditUseCases.InvalidateCredits;
import org.ogcr.port.in.CreditUseCases.InvalidationResult;
import org.ogcr.port.in.CreditUseCases.MoveCredits;
import org.ogcr.port.in.CreditUseCases.OpenAccount;
import org.ogcr.port.in.CreditUseCases.RetireCredits;
import org.ogcr.port.in.CreditUseCases.SaleResult;
import org.ogcr.port.in.CreditUseCases.SellCredits;
import org.ogcr.port.in.IssuanceUseCases;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.IssuanceRecord;

/**
 * OGCR 4.2.3 credit management, and accounts, listings, sales, invalidation and the buffer pool
 * (extensions). Credits are addressed as serial ranges of one issuance: {@code issuanceId} with
 * unit numbers {@code first} and {@code last}, or, on the retire route, by serial number.
 */
final class CreditRoutes {

  private final CreditUseCases credits;
  private final IssuanceUseCases issuance;

  private CreditRoutes(CreditUseCases credits, IssuanceUseCases issuance) {
    this.credits = credits;
    this.issuance = issuance;
  }

  static List<Route> routes(CreditUseCases credits, IssuanceUseCases issuance) {
    CreditRoutes r = new CreditRoutes(credits, issuance);
    return List.of(
        Route.publicRead("/credits", "listCredits", r::list),
        Route.write("POST", "/credits/transfer", "transferCredits", "credits:write", r::transfer)
            .roles(Role.HOLDER)
            .owned(),
        Route.write(
                "POST", "/credits/{creditId}/retire", "retireCredits", "credits:write", r::retire)
            .roles(Role.HOLDER)
            .owned(),
        Route.write("POST", "/credits/list", "listCreditsForSale", "credits:write", r::listForSale)
            .roles(Role.HOLDER)
            .owned(),
        Route.write("POST", "/credits/delist", "delistCredits", "credits:write", r::delist)
            .roles(Role.HOLDER)
            .owned(),
        // a holder sells its own credits; an operator of the registry records the exchange's
        // execution of listed credits, whoever holds them (the use case refuses unlisted ones)
        Route.write("POST", "/credits/sell", "sellCredits", "credits:write", r::sell)
            .roles(Role.HOLDER, Role.OPERATOR)
            .owned(Role.OPERATOR),
        Route.write("POST", "/credits/invalidate", "invalidateCredits", "admin", r::invalidate)
            .roles(Role.OPERATOR, Role.ADMINISTRATOR),
        Route.publicRead("/credits/events", "listCreditEvents", r::events),
        Route.write("POST", "/accounts", "openAccount", "credits:write", r::openAccount)
            .roles(Role.HOLDER, Role.ADMINISTRATOR),
        Route.read("/accounts/{accountId}", "getAccount", "credits:read", r::account).roles(),
        Route.publicRead("/buffer-pool", "getBufferPool", r::bufferPool));
  }

  private Reply list(Call call) {
    CreditQuery query =
        new CreditQuery(
            call.query("projectId", ProjectId::new, "give a project id"),
            call.query("vintageYear", Integer::valueOf, "give a year, for example 2026"),
            call.query("owner", AccountId::new, "give an account id"),
            Set.copyOf(
                call.queryList(
                    "status",
                    s -> CreditStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                    "give statuses among issued, held, listed, retired, invalidated,"
                        + " comma-separated")),
            call.query("retired", CreditRoutes::bool, "give true or false"));
    return Paging.answer(
        call,
        page -> credits.credits(query, page),
        keyset -> credits.creditsAfter(query, keyset),
        Representations::credit);
  }

  private static Boolean bool(String s) {
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    throw new IllegalArgumentException(s);
  }

  /** The range and accounts of a move, read from {@code issuanceId, first, last, from[, to]}. */
  private MoveCredits move(Call call, Body body, boolean withRecipient) {
    IssuanceId id = body.required("issuanceId", IssuanceId::new, "give the issuance's id");
    long first = body.count("first", 1, "give the first unit number of the range, 1 or more");
    long last = body.count("last", 1, "give the last unit number of the range");
    AccountId from =
        body.required("from", AccountId::new, "give the account that holds the credits");
    Optional<AccountId> to =
        withRecipient
            ? Optional.ofNullable(body.required("to", AccountId::new, "give the receiving account"))
            : Optional.empty();
    if (last < first) {
      body.fail("/last", "invalid_range", "last must not be below first", "give last ≥ first");
    }
    body.check();
    return new MoveCredits(call.principal(), id, new SerialRange(first, last), from, to);
  }

  private static Reply event(Receipted<CreditEvent> done) {
    return Reply.ok(
        ProjectRoutes.withReceipt(Representations.event(done.value()), done.attestation()));
  }

  private Reply transfer(Call call) {
    return event(credits.transfer(move(call, call.body(), true)));
  }

  private Reply listForSale(Call call) {
    return event(credits.list(move(call, call.body(), false)));
  }

  private Reply delist(Call call) {
    return event(credits.delist(move(call, call.body(), false)));
  }

  /**
   * OGCR 4.2.3: retires the credits from serial number {@code creditId} through {@code through}
   * (the same credit when absent), for the reason and beneficiary given.
   */
  private Reply retire(Call call) {
    SerialNumber first = call.pathParam("creditId", SerialNumber::parse);
    Body body = call.body();
    SerialNumber last =
        body.optional(
                "through",
                SerialNumber::parse,
                "give the serial number of the last credit to retire")
            .orElse(first);
    AccountId from =
        body.required("from", AccountId::new, "give the account that holds the credits");
    String reason =
        body.requiredText(
            "reason", "say what the retirement claims, for example offsetting 2026 emissions");
    Optional<String> beneficiary = body.optionalText("beneficiary", "name on whose behalf");
    Optional<String> jurisdiction =
        body.optionalText("jurisdiction", "give the claim's jurisdiction");
    Optional<String> use = body.optionalText("use", "say what the credits are used for");
    if (!last.issuance().equals(first.issuance())) {
      body.fail(
          "/through",
          "other_issuance",
          "through names another issuance than the credit in the path",
          "retire credits of one issuance per request");
    } else if (last.unit() < first.unit()) {
      body.fail(
          "/through",
          "invalid_range",
          "through comes before the credit in the path",
          "give a later serial number");
    }
    body.check();
    IssuanceRecord issued = byCode(first.issuance());
    MoveCredits move =
        new MoveCredits(
            call.principal(),
            issued.id(),
            new SerialRange(first.unit(), last.unit()),
            from,
            Optional.empty());
    return event(credits.retire(new RetireCredits(move, reason, beneficiary, jurisdiction, use)));
  }

  private IssuanceRecord byCode(IssuanceCode code) {
    return issuance.list(Optional.empty(), Optional.of(code.vintageYear())).stream()
        .filter(i -> i.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("issuance", code.format()));
  }

  private Reply sell(Call call) {
    Body body = call.body();
    JsonNode price = body.node("price");
    Money amount = null;
    if (price == null || !price.isObject()) {
      body.fail(
          "/price",
          "required",
          "price is required",
          "give {\"amount\": \"10.00\", \"currency\": \"USD\"}");
    } else {
      try {
        amount =
            Money.of(
                price.path("amount").asText(),
                Currency.getInstance(price.path("currency").asText()));
      } catch (RuntimeException e) {
        body.fail(
            "/price",
            "invalid_value",
            "price cannot be read: " + e.getMessage(),
            "give {\"amount\": \"10.00\", \"currency\": \"USD\"}");
      }
    }
    MoveCredits move = move(call, body, true);
    SaleResult sale = credits.sell(new SellCredits(move, amount));
    ObjectNode n = Representations.object();
    n.put("receipt", sale.receipt().hex());
    n.put("viaExchange", sale.viaExchange());
    n.set("sale", Representations.distribution(sale.proceeds().sale()));
    n.set("treasury", Representations.distribution(sale.proceeds().treasury()));
    return Reply.ok(n);
  }

  private Reply invalidate(Call call) {
    Body body = call.body();
    IssuanceId id = body.required("issuanceId", IssuanceId::new, "give the issuance's id");
    long first = body.count("first", 1, "give the first lost unit number");
    long last = body.count("last", 1, "give the last lost unit number");
    String reason = body.requiredText("reason", "say what was lost, for example the 2027 wildfire");
    boolean deliberate = body.flag("deliberate", false, "true when the loss was deliberate");
    if (last < first) {
      body.fail("/last", "invalid_range", "last must not be below first", "give last ≥ first");
    }
    body.check();
    InvalidationResult result =
        credits.invalidate(
            new InvalidateCredits(
                call.principal(), id, new SerialRange(first, last), reason, deliberate));
    ObjectNode n = Representations.object();
    n.put("receipt", result.receipt().hex());
    n.put("invalidated", result.plan().invalidated());
    n.put("replaced", result.plan().replaced());
    n.put("cancelledFromPool", result.plan().cancelledFromPool());
    ArrayNode ops = n.putArray("operations");
    for (CreditOperation op : result.plan().operations()) {
      ObjectNode o = ops.addObject();
      o.put("kind", Representations.lower(op.kind()));
      o.put("issuanceId", op.issuance().value());
      Representations.range(o, op.range());
      op.owner().ifPresent(a -> o.put("owner", a.value()));
      op.recipient().ifPresent(a -> o.put("recipient", a.value()));
      op.replacementFor().ifPresent(h -> o.put("replacementFor", h.hex()));
    }
    return Reply.ok(n);
  }

  private Reply events(Call call) {
    Optional<IssuanceId> id = call.query("issuanceId", IssuanceId::new, "give an issuance id");
    Optional<AccountId> account = call.query("account", AccountId::new, "give an account id");
    Optional<CreditEvent.Kind> kind =
        call.query(
            "kind",
            s -> CreditEvent.Kind.valueOf(s.toUpperCase(Locale.ROOT)),
            "give issued, transferred, listed, delisted, sold, retired, invalidated, replaced or"
                + " subrogated");
    return Paging.answer(
        call,
        page -> credits.events(id, account, kind, page),
        keyset -> credits.eventsAfter(id, account, kind, keyset),
        Representations::event);
  }

  private Reply openAccount(Call call) {
    Body body = call.body();
    AccountId id = body.required("id", AccountId::new, "choose the new account's id");
    body.check();
    Account opened = credits.openAccount(new OpenAccount(call.principal(), id));
    return Reply.created("/accounts/" + id.value(), Representations.account(opened));
  }

  private Reply account(Call call) {
    AccountId id = call.pathParam("accountId", AccountId::new);
    Account a = credits.account(id).orElseThrow(() -> new NotFoundException("account", id));
    return Reply.ok(Representations.account(a));
  }

  private Reply bufferPool(Call call) {
    AccountId pool = credits.bufferPool();
    ObjectNode n = Representations.object();
    n.put("account", pool.value());
    n.put("credits", "/credits?owner=" + pool.value());
    credits.account(pool).ifPresent(a -> n.put("holder", a.holder().value()));
    return Reply.ok(n);
  }
}
