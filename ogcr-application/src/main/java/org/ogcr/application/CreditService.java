package org.ogcr.application;

import static org.ogcr.application.Access.requireOwner;
import static org.ogcr.application.Access.requireRole;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.buffer.Reversal;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.PrimarySale;
import org.ogcr.domain.money.RevenueDistribution;
import org.ogcr.domain.money.RevenueRouter;
import org.ogcr.domain.money.SaleProceeds;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.port.in.AccessDeniedException;
import org.ogcr.port.in.CreditUseCases;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.CreditQuery;
import org.ogcr.port.model.CreditView;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.LedgerCommand;

/** Credits after issuance, through the driven ports. Every block change is one attested event. */
final class CreditService implements CreditUseCases {

  private static final int MAX_TEXT = 1000;

  /** Property accounts are opened by issuance only, under this prefix. */
  static final String PROPERTY_ACCOUNT_PREFIX = "property:";

  private final DrivenPorts ports;
  private final RegistrySettings settings;
  private final Decisions decisions;
  private final Attestor attestor;

  CreditService(
      DrivenPorts ports, RegistrySettings settings, Decisions decisions, Attestor attestor) {
    this.ports = ports;
    this.settings = settings;
    this.decisions = decisions;
    this.attestor = attestor;
  }

  /** The attestation subject of a range of credits. */
  static String subject(IssuanceId issuance, SerialRange range) {
    return "credits/" + issuance.value() + "/" + range.first() + "-" + range.last();
  }

  @Override
  public AccountId bufferPool() {
    return settings.bufferPool();
  }

  @Override
  public Account openAccount(OpenAccount c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "account.open",
        "account/" + c.id().value(),
        now -> {
          requireRole(who, "opening an account", Role.HOLDER, Role.ADMINISTRATOR);
          if (c.id().value().startsWith(PROPERTY_ACCOUNT_PREFIX)
              || c.id().equals(settings.bufferPool())) {
            throw new InvalidValueException(
                "accountId",
                c.id().value(),
                "is reserved: accounts named "
                    + PROPERTY_ACCOUNT_PREFIX
                    + "… are opened by issuance, and "
                    + settings.bufferPool()
                    + " is the buffer pool; choose another id");
          }
          Account account = new Account(c.id(), who.organisation(), Account.Kind.HOLDER, now);
          ports.accounts().insert(account);
          Attestation a =
              attestor.attest(
                  "account.opened",
                  "account/" + c.id().value(),
                  now,
                  who,
                  Map.of("holder", who.organisation().value(), "kind", account.kind().name()));
          return new Decisions.Outcome<>(
              account, "opened for " + who.organisation() + ", receipt " + a.receipt().hex());
        });
  }

  @Override
  public Receipted<CreditEvent> transfer(MoveCredits c) {
    return ownerMove(
        c,
        "credits.transfer",
        CreditEvent.Kind.TRANSFERRED,
        () -> CreditOperation.transfer(c.issuance(), c.range(), c.from(), recipient(c)),
        Map::of);
  }

  @Override
  public Receipted<CreditEvent> list(MoveCredits c) {
    return ownerMove(
        c,
        "credits.list",
        CreditEvent.Kind.LISTED,
        () -> CreditOperation.list(c.issuance(), c.range(), c.from()),
        Map::of);
  }

  @Override
  public Receipted<CreditEvent> delist(MoveCredits c) {
    return ownerMove(
        c,
        "credits.delist",
        CreditEvent.Kind.DELISTED,
        () -> CreditOperation.delist(c.issuance(), c.range(), c.from()),
        Map::of);
  }

  @Override
  public Receipted<CreditEvent> retire(RetireCredits c) {
    return ownerMove(
        c.move(),
        "credits.retire",
        CreditEvent.Kind.RETIRED,
        () -> CreditOperation.retire(c.move().issuance(), c.move().range(), c.move().from()),
        () -> {
          text("reason", c.reason());
          c.beneficiary().ifPresent(b -> text("beneficiary", b));
          c.jurisdiction().ifPresent(j -> text("jurisdiction", j));
          c.use().ifPresent(u -> text("use", u));
          Map<String, String> details = new LinkedHashMap<>();
          details.put("reason", c.reason());
          c.beneficiary().ifPresent(b -> details.put("beneficiary", b));
          c.jurisdiction().ifPresent(j -> details.put("jurisdiction", j));
          c.use().ifPresent(u -> details.put("use", u));
          return details;
        });
  }

  private static void text(String field, String value) {
    if (value.isBlank() || value.length() > MAX_TEXT) {
      throw new InvalidValueException(
          field,
          value.length() > 80 ? value.substring(0, 80) + "…" : value,
          "must be 1 to " + MAX_TEXT + " characters");
    }
  }

  private static AccountId recipient(MoveCredits c) {
    return c.to()
        .orElseThrow(
            () -> new InvalidValueException("to", null, "is required: the receiving account"));
  }

  /** A move the holder of {@code from} makes. */
  private Receipted<CreditEvent> ownerMove(
      MoveCredits c,
      String action,
      CreditEvent.Kind kind,
      java.util.function.Supplier<CreditOperation> op,
      java.util.function.Supplier<Map<String, String>> details) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        action,
        subject(c.issuance(), c.range()),
        now -> {
          requireRole(who, action.replace('.', ' '), Role.HOLDER);
          Account from = existingAccount(c.from());
          requireOwner(who, from.holder(), "account " + from.id());
          c.to().ifPresent(this::existingAccount);
          Receipted<CreditEvent> done = apply(op.get(), kind, now, who, details.get());
          return new Decisions.Outcome<>(done, describe(done));
        });
  }

  private static String describe(Receipted<CreditEvent> done) {
    CreditEvent e = done.value();
    return e.kind()
        + " "
        + e.range()
        + e.from().map(f -> " from " + f).orElse("")
        + e.to().map(t -> " to " + t).orElse("")
        + " receipt "
        + e.receipt().hex();
  }

  @Override
  public SaleResult sell(SellCredits c) {
    MoveCredits m = c.move();
    Principal who = m.principal();
    return decisions.decide(
        who,
        "credits.sell",
        subject(m.issuance(), m.range()),
        now -> {
          requireRole(who, "recording a sale", Role.HOLDER, Role.OPERATOR);
          AccountId to = recipient(m);
          Account from = existingAccount(m.from());
          Account buyer = existingAccount(to);
          IssuanceRecord issuance = issued(m.issuance());
          // the checks below and the change are planned on one read of the blocks: if another
          // transaction moves them meanwhile, the compare-and-set write refuses (stale_blocks)
          List<CreditBlock> around = around(issuance, m.range().first());
          CreditBlock block =
              IssuanceBlocks.blockAt(issuance.id(), range(issuance), around, m.range().first());
          boolean viaExchange = block.status() == CreditStatus.LISTED;
          boolean ownerSells = who.has(Role.HOLDER) && who.organisation().equals(from.holder());
          boolean exchangeExecutes =
              viaExchange
                  && who.has(Role.OPERATOR)
                  && who.organisation().equals(settings.registryOrganisation());
          if (!ownerSells && !exchangeExecutes) {
            if (!who.organisation().equals(from.holder())
                && !(viaExchange && who.has(Role.OPERATOR))) {
              requireOwner(who, from.holder(), "account " + from.id());
            }
            throw new AccessDeniedException(
                "role_required",
                "recording this sale requires role holder of "
                    + from.holder()
                    + (viaExchange
                        ? ", or operator of "
                            + settings.registryOrganisation()
                            + " recording an exchange execution"
                        : ""));
          }
          if (exchangeExecutes && !ownerSells && buyer.holder().equals(who.organisation())) {
            throw new AccessDeniedException(
                "conflict_of_interest",
                "an exchange execution cannot deliver credits to an account of "
                    + who.organisation()
                    + ", the organisation recording it");
          }
          if (!c.price().currency().equals(settings.fees().currency())) {
            throw new InvalidValueException(
                "price.currency",
                c.price().currency(),
                "must be the registry's currency " + settings.fees().currency());
          }
          if (c.price().isZero()) {
            throw new InvalidValueException("price", c.price(), "must be more than zero");
          }
          // a primary sale is the property's organisation selling original credits: its net goes
          // to the property's treasury; any other sale is a resale, whose net goes to the seller
          boolean primary =
              !block.isReplacement() && from.holder().equals(projectOrganisation(issuance));
          PrimarySale sale = new PrimarySale(c.price(), viaExchange);
          SaleProceeds proceeds =
              primary
                  ? RevenueRouter.routeSale(sale, settings.fees(), treasury(issuance))
                  : RevenueRouter.routeResale(sale, settings.fees());
          Map<String, String> details = new LinkedHashMap<>();
          details.put("price", c.price().toString());
          details.put("viaExchange", Boolean.toString(viaExchange));
          details.put("market", primary ? "primary" : "secondary");
          details.put("sale", allocations(proceeds.sale()));
          details.put("treasury", allocations(proceeds.treasury()));
          CreditOperation op = CreditOperation.sell(m.issuance(), m.range(), m.from(), to);
          Receipted<CreditEvent> done =
              record(
                  planAround(issuance, around, op), op, CreditEvent.Kind.SOLD, now, who, details);
          return new Decisions.Outcome<>(
              new SaleResult(done.value().receipt(), proceeds, viaExchange), describe(done));
        });
  }

  private org.ogcr.domain.id.OrganisationId projectOrganisation(IssuanceRecord issuance) {
    return ports
        .projects()
        .find(issuance.project())
        .orElseThrow(() -> new IllegalStateException("issuance without project"))
        .organisation();
  }

  private TreasuryTemplate treasury(IssuanceRecord issuance) {
    return ports
        .propertyFiles()
        .find(issuance.project())
        .map(PropertyFile::treasury)
        .orElse(new TreasuryTemplate(List.of(), Percent.ZERO, Percent.ZERO));
  }

  private static String allocations(RevenueDistribution d) {
    return d.allocations().stream()
        .map(a -> a.payee() + "=" + a.amount())
        .collect(Collectors.joining(";"));
  }

  @Override
  public InvalidationResult invalidate(InvalidateCredits c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "credits.invalidate",
        subject(c.issuance(), c.lost()),
        now -> {
          requireRole(who, "invalidating credits", Role.OPERATOR, Role.ADMINISTRATOR);
          if (c.deliberate()) {
            requireRole(
                who,
                "recording a deliberate loss and the subrogation it causes",
                Role.ADMINISTRATOR);
          }
          text("reason", c.reason());
          IssuanceRecord issuance = issued(c.issuance());
          IssuanceBlocks affected = blocks(issuance);
          List<CreditBlock> pool = ports.blocks().ofOwner(issuance.bufferPool());
          Reversal.Plan plan =
              Reversal.plan(affected, c.lost(), issuance.receipt().orElseThrow(), pool);
          Map<String, String> facts = new LinkedHashMap<>();
          facts.put("lost", c.lost().toString());
          facts.put("reason", c.reason());
          facts.put("deliberate", Boolean.toString(c.deliberate()));
          facts.put("invalidated", Long.toString(plan.invalidated()));
          facts.put("replaced", Long.toString(plan.replaced()));
          facts.put("cancelledFromPool", Long.toString(plan.cancelledFromPool()));
          facts.put("originalReceipt", issuance.receipt().orElseThrow().hex());
          Attestation reversal =
              attestor.attest(
                  "reversal.recorded", subject(c.issuance(), c.lost()), now, who, facts);
          Map<IssuanceId, IssuanceBlocks> working = new HashMap<>();
          working.put(affected.issuance(), affected);
          int step = 0;
          for (CreditOperation op : plan.operations()) {
            IssuanceBlocks current =
                working.computeIfAbsent(op.issuance(), id -> blocks(issued(id)));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("reversal", reversal.receipt().hex());
            details.put("step", Integer.toString(++step));
            CreditEvent.Kind kind =
                op.kind() == CreditOperation.Kind.DELIVER_REPLACEMENT
                    ? CreditEvent.Kind.REPLACED
                    : CreditEvent.Kind.INVALIDATED;
            if (kind == CreditEvent.Kind.REPLACED) {
              // replacement credits are a zero-revenue event: the original sale was distributed
              details.put("replacementFor", op.replacementFor().orElseThrow().hex());
              details.put("revenue", "none");
            }
            BlockChange change = current.plan(op);
            record(change, op, kind, now, who, details);
            working.put(op.issuance(), current.with(change));
          }
          if (c.deliberate()) {
            long drawn = plan.replaced() + plan.cancelledFromPool();
            Map<String, String> s = new LinkedHashMap<>();
            s.put("reversal", reversal.receipt().hex());
            s.put("subrogee", settings.registryOrganisation().value());
            s.put("project", issuance.project().value());
            s.put("extentCredits", Long.toString(drawn));
            s.put(
                "rights",
                "the property's NRD-lite enforcement rights, to the extent of the draw;"
                    + " enforcement is counsel-led, not executed by the registry");
            Attestation sub =
                attestor.attest(
                    "subrogation.recorded", subject(c.issuance(), c.lost()), now, who, s);
            ports
                .events()
                .append(
                    new CreditEvent(
                        sub.receipt(),
                        CreditEvent.Kind.SUBROGATED,
                        c.issuance(),
                        c.lost(),
                        Optional.of(issuance.bufferPool()),
                        Optional.empty(),
                        who.actor(),
                        now,
                        new TreeMap<>(s)));
          }
          return new Decisions.Outcome<>(
              new InvalidationResult(plan, reversal.receipt()),
              "reversal of "
                  + c.lost()
                  + ": invalidated "
                  + plan.invalidated()
                  + ", replaced "
                  + plan.replaced()
                  + ", cancelled from pool "
                  + plan.cancelledFromPool()
                  + ", receipt "
                  + reversal.receipt().hex());
        });
  }

  /** Plans {@code op} on the issuance's current blocks and records the change. */
  private Receipted<CreditEvent> apply(
      CreditOperation op,
      CreditEvent.Kind kind,
      Instant now,
      Principal who,
      Map<String, String> details) {
    IssuanceRecord issuance = issued(op.issuance());
    BlockChange change = planAround(issuance, around(issuance, op.range().first()), op);
    return record(change, op, kind, now, who, details);
  }

  /** Stores a block change, attests it, queues it for the ledger and lists it as an event. */
  private Receipted<CreditEvent> record(
      BlockChange change,
      CreditOperation op,
      CreditEvent.Kind kind,
      Instant now,
      Principal who,
      Map<String, String> details) {
    ports.blocks().replace(change);
    Map<String, String> facts = new LinkedHashMap<>(details);
    facts.put("operation", op.kind().name());
    op.owner().ifPresent(o -> facts.put("from", o.value()));
    op.recipient().ifPresent(r -> facts.put("to", r.value()));
    facts.put("count", Long.toString(op.range().count()));
    facts.put(
        "removed",
        change.removed().stream().map(CreditBlock::toString).collect(Collectors.joining(";")));
    facts.put(
        "added",
        change.added().stream().map(CreditBlock::toString).collect(Collectors.joining(";")));
    Attestation a =
        attestor.attest(
            "credits." + kind.name().toLowerCase(java.util.Locale.ROOT),
            subject(op.issuance(), op.range()),
            now,
            who,
            facts);
    ports
        .outbox()
        .enqueue(
            new LedgerCommand.Apply(
                "apply-" + a.receipt().hex(),
                op.kind().name().toLowerCase(java.util.Locale.ROOT),
                change),
            now);
    Optional<AccountId> from =
        op.owner().isPresent() ? op.owner() : Optional.of(blockOwner(change, op));
    CreditEvent event =
        new CreditEvent(
            a.receipt(),
            kind,
            op.issuance(),
            op.range(),
            from,
            op.recipient(),
            who.actor(),
            now,
            new TreeMap<>(facts));
    ports.events().append(event);
    return new Receipted<>(event, a);
  }

  /** The owner of the credits an owner-less operation (an invalidation) acted on. */
  private static AccountId blockOwner(BlockChange change, CreditOperation op) {
    return change.removed().stream()
        .filter(b -> b.range().contains(op.range()))
        .map(CreditBlock::owner)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no removed block holds " + op.range()));
  }

  private Account existingAccount(AccountId id) {
    return ports.accounts().find(id).orElseThrow(() -> new NotFoundException("account", id));
  }

  private IssuanceRecord issued(IssuanceId id) {
    IssuanceRecord issuance =
        ports.issuances().find(id).orElseThrow(() -> new NotFoundException("issuance", id));
    if (issuance.status() != IssuanceStatus.ISSUED) {
      throw new UseCaseRefusedException(
          "issuance_not_issued", "issuance " + id + " is proposed; its credits do not exist yet");
    }
    return issuance;
  }

  /**
   * The block holding {@code unit} and its neighbours: all an operation starting there can change,
   * read by index however many blocks the issuance has. A plan made on them is written
   * compare-and-set, so a concurrent change to them makes the write refuse ({@code stale_blocks}).
   */
  private List<CreditBlock> around(IssuanceRecord issuance, long unit) {
    return ports.blocks().around(issuance.id(), unit);
  }

  private static SerialRange range(IssuanceRecord issuance) {
    return new SerialRange(1, issuance.split().total());
  }

  private static BlockChange planAround(
      IssuanceRecord issuance, List<CreditBlock> around, CreditOperation op) {
    return IssuanceBlocks.planAround(
        issuance.id(), range(issuance), issuance.bufferPool(), around, op);
  }

  private IssuanceBlocks blocks(IssuanceRecord issuance) {
    return IssuanceBlocks.of(
        issuance.id(),
        range(issuance),
        issuance.bufferPool(),
        ports.blocks().ofIssuance(issuance.id()));
  }

  @Override
  public Optional<Account> account(AccountId id) {
    return ports.accounts().find(id);
  }

  @Override
  public Page<CreditView> credits(CreditQuery query, PageRequest page) {
    Map<IssuanceId, IssuanceRecord> known = new HashMap<>();
    Optional<BlockQuery> blocks = blockQuery(query, known);
    if (blocks.isEmpty()) {
      return new Page<>(List.of(), 0, page);
    }
    return ports.blocks().search(blocks.get(), page).map(b -> view(b, known));
  }

  @Override
  public KeysetPage<CreditView> creditsAfter(CreditQuery query, KeysetRequest request) {
    Map<IssuanceId, IssuanceRecord> known = new HashMap<>();
    Optional<BlockQuery> blocks = blockQuery(query, known);
    if (blocks.isEmpty()) {
      request.after().ifPresent(org.ogcr.port.out.CreditBlockStore.BlockKey::parse);
      return new KeysetPage<>(List.of(), Optional.empty());
    }
    return ports.blocks().searchAfter(blocks.get(), request).map(b -> view(b, known));
  }

  /**
   * The block query of a credit query: project and vintage resolve to issuances; empty when nothing
   * can match.
   */
  private Optional<BlockQuery> blockQuery(
      CreditQuery query, Map<IssuanceId, IssuanceRecord> known) {
    Optional<Set<IssuanceId>> issuances = Optional.empty();
    if (query.project().isPresent() || query.vintageYear().isPresent()) {
      List<IssuanceRecord> matching = ports.issuances().list(query.project(), query.vintageYear());
      matching.forEach(i -> known.put(i.id(), i));
      issuances = Optional.of(known.keySet());
    }
    Set<CreditStatus> statuses = query.effectiveStatuses();
    if (statuses.isEmpty() || issuances.map(Set::isEmpty).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(new BlockQuery(issuances, query.owner(), statuses));
  }

  private CreditView view(CreditBlock b, Map<IssuanceId, IssuanceRecord> known) {
    IssuanceRecord i =
        known.computeIfAbsent(
            b.issuance(),
            id ->
                ports
                    .issuances()
                    .find(id)
                    .orElseThrow(() -> new IllegalStateException("issuance " + id)));
    return new CreditView(b, i.code(), i.project(), i.report());
  }

  @Override
  public KeysetPage<CreditEvent> eventsAfter(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      KeysetRequest request) {
    return ports.events().searchAfter(issuance, account, kind, request);
  }

  @Override
  public Page<CreditEvent> events(
      Optional<IssuanceId> issuance,
      Optional<AccountId> account,
      Optional<CreditEvent.Kind> kind,
      PageRequest page) {
    return ports.events().search(issuance, account, kind, page);
  }
}
