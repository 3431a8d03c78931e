package org.ogcr.application;

import static org.ogcr.application.Access.requireRole;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.domain.issuance.EarthCreditsInputs;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuancePrerequisites;
import org.ogcr.domain.issuance.IssuanceQuantity;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.signoff.SignOff;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.domain.signoff.Signer;
import org.ogcr.port.in.IssuanceUseCases;
import org.ogcr.port.in.NotFoundException;
import org.ogcr.port.in.Principal;
import org.ogcr.port.in.Receipted;
import org.ogcr.port.in.Role;
import org.ogcr.port.in.UseCaseRefusedException;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.model.PropertyTerms;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.StoreConflictException;

/** Issuance: prerequisites, proposal, sign-off and the atomic issue, through the driven ports. */
final class IssuanceService implements IssuanceUseCases {

  private final DrivenPorts ports;
  private final RegistrySettings settings;
  private final Decisions decisions;
  private final Attestor attestor;

  IssuanceService(
      DrivenPorts ports, RegistrySettings settings, Decisions decisions, Attestor attestor) {
    this.ports = ports;
    this.settings = settings;
    this.decisions = decisions;
    this.attestor = attestor;
  }

  /** The kind of the attestation of the decision that issues credits. */
  static final String ISSUED = "issuance.issued";

  static String resource(IssuanceId id) {
    return "issuance/" + id.value();
  }

  /** The issuance an attestation subject names, when it names one. */
  static Optional<IssuanceId> issuanceOf(String subject) {
    return subject.startsWith("issuance/")
        ? Optional.of(new IssuanceId(subject.substring("issuance/".length())))
        : Optional.empty();
  }

  /** The outbox id of an issuance's mint. */
  static String mintId(IssuanceId id) {
    return "mint-" + id.value();
  }

  @Override
  public Receipted<PropertyFile> fileProperty(FileProperty c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "property.file",
        ProjectService.resource(c.project()) + "/file",
        now -> {
          requireRole(
              who, "filing a property's compliance record", Role.OPERATOR, Role.ADMINISTRATOR);
          ProjectRecord project = project(c.project());
          if (project.property().isEmpty()) {
            throw new UseCaseRefusedException(
                "not_a_property",
                "project "
                    + project.id()
                    + " declares no Earth Credits property (/properties/earthCredits); only"
                    + " properties have a compliance file");
          }
          DocumentHash declared = project.property().get().registrationRecordHash();
          if (!c.registeredRecordHash().equals(declared)) {
            throw new InvalidValueException(
                "registeredRecordHash",
                c.registeredRecordHash().hex(),
                "must be the registration record hash the validated PDD declares at"
                    + " /properties/earthCredits/registrationRecordHash, "
                    + declared.hex());
          }
          long version =
              ports.propertyFiles().find(c.project()).map(PropertyFile::version).orElse(0L);
          PropertyFile file =
              new PropertyFile(
                  c.project(),
                  c.registeredRecordHash(),
                  c.wrapperEntityOperational(),
                  c.openComplianceIssues(),
                  c.treasury(),
                  c.recusedOfficers(),
                  now,
                  version + 1);
          ports.propertyFiles().save(file);
          Map<String, String> facts = new LinkedHashMap<>();
          facts.put("registeredRecordHash", file.registeredRecordHash().hex());
          facts.put("wrapperEntityOperational", Boolean.toString(file.wrapperEntityOperational()));
          facts.put("openComplianceIssues", Integer.toString(file.openComplianceIssues()));
          facts.put(
              "beneficiaries",
              file.treasury().beneficiaries().stream()
                  .map(b -> b.name() + "=" + b.share())
                  .collect(Collectors.joining(";")));
          facts.put("stewardshipReserve", file.treasury().stewardshipReserve().toString());
          facts.put("protocolFee", file.treasury().protocolFee().toString());
          facts.put(
              "recusedOfficers",
              file.recusedOfficers().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(",")));
          Attestation a =
              attestor.attest(
                  "property.filed",
                  ProjectService.resource(c.project()) + "/file",
                  now,
                  who,
                  facts);
          return new Decisions.Outcome<>(
              new Receipted<>(file, a),
              "file v" + file.version() + " receipt " + a.receipt().hex());
        });
  }

  @Override
  public Receipted<IssuanceRecord> request(RequestIssuance c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "issuance.request",
        resource(c.id()),
        now -> {
          requireRole(who, "requesting an issuance", Role.OPERATOR);
          if (ports.issuances().find(c.id()).isPresent()) {
            throw StoreConflictException.exists("issuance " + c.id());
          }
          ReportRecord report =
              ports
                  .reports()
                  .find(c.report())
                  .orElseThrow(() -> new NotFoundException("report", c.report()));
          if (report.status() != ReportStatus.VERIFIED) {
            throw new UseCaseRefusedException(
                "report_not_verified",
                "report "
                    + report.id()
                    + " is "
                    + report.status()
                    + "; only a verified report, not yet issued, can be issued");
          }
          ProjectRecord project = project(report.project());
          if (project.status() != ProjectStatus.VALIDATED) {
            throw new UseCaseRefusedException(
                "project_not_validated",
                "project " + project.id() + " is " + project.status() + "; it must be validated");
          }
          Optional<PropertyFile> file = ports.propertyFiles().find(project.id());
          if (project.property().isPresent()) {
            requirePrerequisites(
                project,
                file,
                c.attestedRecordHash()
                    .orElseThrow(
                        () ->
                            new InvalidValueException(
                                "attestedRecordHash",
                                null,
                                "is required for an Earth Credits property: the registration"
                                    + " record hash the attestation receipt cites")));
          }
          Methodology methodology =
              ports
                  .methodologies()
                  .catalog()
                  .find(project.methodology())
                  .orElseThrow(
                      () -> new IllegalStateException("validated project without methodology"));
          IssuanceQuantity quantity = quantity(project, report, methodology);
          RiskTier tier = project.property().map(PropertyTerms::riskTier).orElse(RiskTier.FRONTIER);
          BufferRate rate = methodology.parameters().bufferRates().rateFor(tier);
          int vintage = report.period().start().getYear();
          String propertyCode = propertyCode(project);
          // one full issuance per property per annual assessment; a project without property data
          // is limited to one issuance per verified report
          Optional<AnnualAssessment> assessment =
              project.property().map(terms -> new AnnualAssessment(terms.propertyCode(), vintage));
          assessment.ifPresent(
              a ->
                  ports
                      .issuances()
                      .findByAssessment(a)
                      .ifPresent(prior -> a.requireNotYetIssued(List.of(a))));
          ports
              .issuances()
              .findByReport(report.id())
              .ifPresent(
                  prior -> {
                    throw StoreConflictException.exists(
                        "issuance " + prior.id() + " of report " + report.id());
                  });
          AccountId owner = propertyAccount(project, now);
          // validates the quantity (at least one unit) and the split before anything is numbered
          BufferSplit split = BufferSplit.of(requireUnits(quantity), rate);
          IssuanceCode code =
              new IssuanceCode(
                  settings.serialPrefix(),
                  vintage,
                  ports.serials().next(settings.serialPrefix(), vintage),
                  propertyCode);
          Map<String, String> facts = new LinkedHashMap<>();
          facts.put("code", code.format());
          facts.put("project", project.id().value());
          facts.put("report", report.id().value());
          facts.put("mrv", report.document().hex());
          assessment.ifPresent(
              a -> facts.put("assessment", a.propertyCode() + "/" + a.assessmentYear()));
          facts.put("exactQuantity", quantity.exact().toPlainString());
          facts.put("units", Long.toString(quantity.units()));
          facts.put("riskTier", tier.name().toLowerCase(Locale.ROOT));
          facts.put("bufferRate", rate.fraction().toPlainString());
          facts.put("ownerShare", Long.toString(split.owner()));
          facts.put("bufferShare", Long.toString(split.buffer()));
          Attestation proposal =
              attestor.attest("issuance.proposed", resource(c.id()), now, who, facts);
          SignOff signOff =
              SignOff.open(
                  proposal.receipt(),
                  settings.signOff(),
                  file.map(PropertyFile::recusedOfficers).orElse(Set.of()));
          IssuanceRecord record =
              new IssuanceRecord(
                  c.id(),
                  code,
                  project.id(),
                  report.id(),
                  assessment,
                  quantity,
                  split,
                  owner,
                  settings.bufferPool(),
                  settings.fees().issuanceFee(split.owner()),
                  IssuanceStatus.PROPOSED,
                  signOff,
                  who.actor(),
                  now,
                  Optional.empty(),
                  Optional.empty(),
                  1);
          ports.issuances().insert(record);
          return new Decisions.Outcome<>(
              new Receipted<>(record, proposal),
              code.format()
                  + " proposed: "
                  + split.total()
                  + " units, receipt "
                  + proposal.receipt().hex());
        });
  }

  private static long requireUnits(IssuanceQuantity q) {
    if (q.units() == 0) {
      throw new InvalidValueException(
          "quantity", q.exact(), "must make at least one unit of " + q.unit() + " to issue");
    }
    return q.units();
  }

  /**
   * The Earth Credits prerequisites, every unmet one listed at once: the attested registration
   * record hash matches the one on file (which is the one the PDD declares), the wrapper entity is
   * operational, every beneficiary of the treasury template is KYC-attested, and no compliance
   * issue is open.
   */
  private void requirePrerequisites(
      ProjectRecord project, Optional<PropertyFile> file, DocumentHash attested) {
    PropertyFile f =
        file.orElseThrow(
            () ->
                new UseCaseRefusedException(
                    "property_not_on_file",
                    "property "
                        + project.id()
                        + " has no compliance file; an operator files it before issuance"));
    boolean kyc = true;
    for (Beneficiary b : f.treasury().beneficiaries()) {
      kyc &= ports.identity().kyc(b.name()).isPresent();
    }
    DocumentHash declared = project.property().orElseThrow().registrationRecordHash();
    // a file that disagrees with the PDD counts as a mismatch whatever the receipt cites
    DocumentHash cited =
        f.registeredRecordHash().equals(declared) ? attested : f.registeredRecordHash();
    new IssuancePrerequisites(
            declared, cited, f.wrapperEntityOperational(), kyc, f.openComplianceIssues())
        .requireMet();
  }

  private IssuanceQuantity quantity(
      ProjectRecord project, ReportRecord report, Methodology methodology) {
    if (project.property().isPresent() && report.eci().isPresent()) {
      PropertyTerms terms = project.property().get();
      return IssuanceFormula.earthCredits(
          new EarthCreditsInputs(
              terms.verifiedAcres(),
              report.eci().get().conservative(methodology.parameters().z()),
              terms.threatMultiplier(),
              methodology.parameters().methodologyConstant()),
          settings.unit());
    }
    return IssuanceFormula.verifiedRemoval(
        report
            .verification()
            .flatMap(Verification::verifiedTonnes)
            .orElseThrow(() -> new IllegalStateException("verified report without tonnes")),
        settings.unit());
  }

  /** The property code of the serials: the PDD's, or one derived from the project id. */
  static String propertyCode(ProjectRecord project) {
    return project
        .property()
        .map(PropertyTerms::propertyCode)
        .orElseGet(
            () -> {
              String code =
                  project.id().value().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
              if (code.isEmpty()) {
                code =
                    "P"
                        + DocumentHash.sha256(project.id().value())
                            .hex()
                            .substring(0, 8)
                            .toUpperCase(Locale.ROOT);
              }
              return code.length() > 16 ? code.substring(0, 16) : code;
            });
  }

  /** The property's registry account, opened at its first issuance. */
  private AccountId propertyAccount(ProjectRecord project, Instant now) {
    String raw = "property:" + project.id().value();
    AccountId id =
        new AccountId(
            raw.length() <= 128
                ? raw
                : "property:" + DocumentHash.sha256(raw.getBytes(StandardCharsets.UTF_8)).hex());
    Optional<Account> existing = ports.accounts().find(id);
    if (existing.isEmpty()) {
      ports.accounts().insert(new Account(id, project.organisation(), Account.Kind.PROPERTY, now));
    } else if (existing.get().kind() != Account.Kind.PROPERTY
        || !existing.get().holder().equals(project.organisation())) {
      // only issuance opens property accounts; anything else under the id is an integrity fault
      throw new IllegalStateException(
          "account " + id + " is not the property account of " + project.organisation());
    }
    return id;
  }

  @Override
  public Receipted<IssuanceRecord> sign(SignIssuance c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "issuance.sign",
        resource(c.id()),
        now -> {
          requireRole(
              who,
              "signing an issuance as " + c.capacity().name().toLowerCase(Locale.ROOT),
              c.capacity() == SignOffRole.OFFICER ? Role.OFFICER : Role.AUDITOR);
          IssuanceRecord issuance = proposed(c.id());
          requireEligibleSigner(issuance, who, "sign");
          SignOff signed = issuance.signOff().sign(signer(who), c.capacity(), now);
          if (!signed.isApproved()) {
            IssuanceRecord next = issuance.withSignOff(signed);
            ports.issuances().update(next);
            Attestation a =
                attestor.attest(
                    "issuance.signed",
                    resource(c.id()),
                    now,
                    who,
                    Map.of(
                        "capacity", c.capacity().name(),
                        "proposal", signed.proposal().hex(),
                        "signatures", Integer.toString(signed.signatures().size())));
            return new Decisions.Outcome<>(
                new Receipted<>(next, a),
                "signed as " + c.capacity() + ", receipt " + a.receipt().hex());
          }
          return issue(issuance, signed, now, who);
        });
  }

  /** The atomic issue: blocks, report, issuance record, mint and events in one transaction. */
  private Decisions.Outcome<Receipted<IssuanceRecord>> issue(
      IssuanceRecord issuance, SignOff approved, Instant now, Principal who) {
    // what held at the proposal must still hold when the credits come into being
    ProjectRecord project = project(issuance.project());
    if (project.status() != ProjectStatus.VALIDATED) {
      throw new UseCaseRefusedException(
          "project_not_validated",
          "project " + project.id() + " is " + project.status() + "; its credits cannot be issued");
    }
    ReportRecord report =
        ports
            .reports()
            .find(issuance.report())
            .orElseThrow(() -> new IllegalStateException("report"));
    if (report.status() != ReportStatus.VERIFIED) {
      throw new UseCaseRefusedException(
          "report_not_verified", "report " + report.id() + " is " + report.status());
    }
    if (project.property().isPresent()) {
      Optional<PropertyFile> file = ports.propertyFiles().find(project.id());
      requirePrerequisites(
          project,
          file,
          file.map(PropertyFile::registeredRecordHash)
              .orElse(project.property().get().registrationRecordHash()));
    }
    IssuedCredits credits =
        IssuedCredits.issue(
            issuance.id(),
            issuance.code(),
            issuance.quantity(),
            issuance.split().rate(),
            issuance.owner(),
            issuance.bufferPool());
    ports.blocks().insertIssuance(credits.blocks().blocks());
    ports.reports().update(report.issued());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("code", issuance.code().format());
    facts.put("proposal", approved.proposal().hex());
    facts.put(
        "range",
        issuance.code().serial(1) + ".." + issuance.code().serial(credits.split().total()));
    facts.put("total", Long.toString(credits.split().total()));
    facts.put("ownerShare", Long.toString(credits.split().owner()));
    facts.put("bufferShare", Long.toString(credits.split().buffer()));
    facts.put("ownerAccount", issuance.owner().value());
    facts.put("bufferPool", issuance.bufferPool().value());
    facts.put("issuanceFee", issuance.issuanceFee().toString());
    facts.put(
        "signatures",
        approved.signatures().stream()
            .map(s -> s.capacity() + ":" + s.signer())
            .collect(Collectors.joining(",")));
    // the mint goes into the outbox before the issuing decision's anchoring, so that once the
    // relay (which keeps the outbox's order) has anchored that receipt, it has sent the mint
    ports
        .outbox()
        .enqueue(
            new LedgerCommand.Mint(
                mintId(issuance.id()),
                issuance.id(),
                issuance.project(),
                issuance.report(),
                issuance.code().vintageYear(),
                credits.blocks().blocks()),
            now);
    Attestation a = attestor.attest(ISSUED, resource(issuance.id()), now, who, facts);
    IssuanceRecord issued = issuance.issued(approved, now, a.receipt());
    ports.issuances().update(issued);
    for (CreditBlock block : credits.blocks().blocks()) {
      Attestation blockReceipt =
          attestor.attest(
              "credits.issued",
              CreditService.subject(issuance.id(), block.range()),
              now,
              who,
              Map.of(
                  "issuanceReceipt", a.receipt().hex(),
                  "account", block.owner().value(),
                  "count", Long.toString(block.count())));
      ports
          .events()
          .append(
              new CreditEvent(
                  blockReceipt.receipt(),
                  CreditEvent.Kind.ISSUED,
                  issuance.id(),
                  block.range(),
                  Optional.empty(),
                  Optional.of(block.owner()),
                  who.actor(),
                  now,
                  new java.util.TreeMap<>(Map.of("issuanceReceipt", a.receipt().hex()))));
    }
    return new Decisions.Outcome<>(
        new Receipted<>(issued, a),
        issuance.code().format()
            + " issued: "
            + credits.blocks().blocks()
            + " receipt "
            + a.receipt().hex());
  }

  @Override
  public Receipted<IssuanceRecord> hold(ReviewIssuance c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "issuance.hold",
        resource(c.id()),
        now -> {
          requireRole(who, "holding an issuance for review", Role.OFFICER, Role.AUDITOR);
          IssuanceRecord issuance = proposed(c.id());
          requireEligibleSigner(issuance, who, "hold");
          IssuanceRecord next =
              issuance.withSignOff(issuance.signOff().hold(signer(who), c.reason(), now));
          ports.issuances().update(next);
          Attestation a =
              attestor.attest(
                  "issuance.held", resource(c.id()), now, who, Map.of("reason", c.reason()));
          return new Decisions.Outcome<>(new Receipted<>(next, a), "held: " + c.reason());
        });
  }

  @Override
  public Receipted<IssuanceRecord> release(ReviewIssuance c) {
    Principal who = c.principal();
    return decisions.decide(
        who,
        "issuance.release",
        resource(c.id()),
        now -> {
          requireRole(who, "releasing a hold", Role.AUDITOR);
          IssuanceRecord issuance = proposed(c.id());
          requireEligibleSigner(issuance, who, "release a hold on");
          IssuanceRecord next = issuance.withSignOff(issuance.signOff().release(signer(who)));
          ports.issuances().update(next);
          Attestation a =
              attestor.attest(
                  "issuance.released", resource(c.id()), now, who, Map.of("reason", c.reason()));
          return new Decisions.Outcome<>(new Receipted<>(next, a), "released");
        });
  }

  /**
   * The signer is independent of the property and not recused by its current compliance file (a
   * recusal filed after the proposal counts too); the sign-off itself checks the recusals it was
   * opened with.
   */
  private void requireEligibleSigner(IssuanceRecord issuance, Principal who, String action) {
    ProjectRecord project = project(issuance.project());
    Access.requireIndependent(
        who, project.organisation(), "the property of issuance " + issuance.id());
    boolean recusedNow =
        ports
            .propertyFiles()
            .find(issuance.project())
            .map(f -> f.recusedOfficers().contains(who.actor()))
            .orElse(false);
    if (recusedNow) {
      throw new UseCaseRefusedException(
          "signer_recused",
          who.actor() + " is recused for this property and cannot " + action + " its issuance");
    }
  }

  private static Signer signer(Principal who) {
    Set<SignOffRole> roles = EnumSet.noneOf(SignOffRole.class);
    if (who.has(Role.OFFICER)) {
      roles.add(SignOffRole.OFFICER);
    }
    if (who.has(Role.AUDITOR)) {
      roles.add(SignOffRole.AUDITOR);
    }
    return new Signer(who.actor(), roles);
  }

  private IssuanceRecord proposed(IssuanceId id) {
    IssuanceRecord issuance =
        ports.issuances().find(id).orElseThrow(() -> new NotFoundException("issuance", id));
    if (issuance.status() != IssuanceStatus.PROPOSED) {
      throw new UseCaseRefusedException(
          "issuance_complete", "issuance " + id + " is already issued; its sign-off is closed");
    }
    return issuance;
  }

  private ProjectRecord project(ProjectId id) {
    return ports.projects().find(id).orElseThrow(() -> new NotFoundException("project", id));
  }

  @Override
  public Optional<IssuanceRecord> find(IssuanceId id) {
    return ports.issuances().find(id);
  }

  @Override
  public List<IssuanceRecord> list(Optional<ProjectId> project, Optional<Integer> vintageYear) {
    return ports.issuances().list(project, vintageYear);
  }

  @Override
  public Optional<PropertyFile> propertyFile(ProjectId project) {
    return ports.propertyFiles().find(project);
  }
}
