package org.ogcr.port.out;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuanceQuantity;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.project.PddVersion;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.domain.signoff.SignOff;
import org.ogcr.domain.signoff.SignOffPolicy;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.model.PropertyTerms;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;

/**
 * Sample records for the store contracts, valid and distinct by the arguments given. Instants are
 * whole seconds and coordinates are exact binary fractions, so every record survives a round trip
 * through a database unchanged.
 */
public final class Fixtures {

  private Fixtures() {}

  public static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  public static final GeometryFactory GEOMETRY = new GeometryFactory();
  public static final ActorId DEVELOPER = new ActorId("developer-1");
  public static final OrganisationId DEVELOPER_ORG = new OrganisationId("forest-trust");
  public static final MethodologyRef METHODOLOGY = MethodologyRef.parse("EC-M@1.1.0");
  public static final AccountId LLC = new AccountId("nulhegan-llc");
  public static final AccountId POOL = new AccountId("buffer-pool");
  public static final AccountId BUYER = new AccountId("buyer-1");

  /** The axis-aligned rectangle from {@code (west, south)} to {@code (east, north)}. */
  public static Polygon box(double west, double south, double east, double north) {
    return GEOMETRY.createPolygon(
        new Coordinate[] {
          new Coordinate(west, south),
          new Coordinate(east, south),
          new Coordinate(east, north),
          new Coordinate(west, north),
          new Coordinate(west, south)
        });
  }

  /** A rectangle with a square hole in its middle: a boundary that is not just its envelope. */
  public static Polygon boxWithHole(double west, double south, double east, double north) {
    double w = (east - west) / 4;
    double h = (north - south) / 4;
    LinearRing shell = box(west, south, east, north).getExteriorRing();
    LinearRing hole = box(west + w, south + h, east - w, north - h).getExteriorRing();
    return GEOMETRY.createPolygon(shell, new LinearRing[] {hole});
  }

  public static DocumentHash hash(String text) {
    return DocumentHash.sha256(text);
  }

  // ----- projects

  /** A submitted project of {@link #DEVELOPER}, in a small box, submitted at {@link #T0}. */
  public static ProjectBuilder project(String id) {
    return new ProjectBuilder(id);
  }

  /** A builder starting from every field of {@code from}. */
  public static ProjectBuilder project(ProjectRecord from) {
    return new ProjectBuilder(from);
  }

  public static PropertyTerms propertyTerms(String propertyCode) {
    return new PropertyTerms(
        propertyCode,
        new BigDecimal("1200.5"),
        RiskTier.MODERATE,
        new BigDecimal("0.55"),
        hash("registration of " + propertyCode));
  }

  /** Builds a {@link ProjectRecord}; every setter returns the builder. */
  public static final class ProjectBuilder {
    private ProjectId id;
    private ProjectStatus status = ProjectStatus.SUBMITTED;
    private String name;
    private String projectType = "forest_conservation";
    private ActorId developer = DEVELOPER;
    private OrganisationId organisation = DEVELOPER_ORG;
    private MethodologyRef methodology = METHODOLOGY;
    private MonitoringPeriod creditingPeriod =
        new MonitoringPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2055-01-01"));
    private Geometry boundary = box(-72, 44, -71.5, 44.5);
    private Optional<PropertyTerms> property = Optional.empty();
    private PddHistory history;
    private Instant submittedAt = T0;
    private Instant updatedAt = T0;
    private Optional<String> decisionReason = Optional.empty();
    private long version = 1;

    private ProjectBuilder(String id) {
      this.id = new ProjectId(id);
      this.name = "Project " + id;
      this.history = PddHistory.first(hash("pdd of " + id), T0, DEVELOPER);
    }

    private ProjectBuilder(ProjectRecord p) {
      id = p.id();
      status = p.status();
      name = p.name();
      projectType = p.projectType();
      developer = p.developer();
      organisation = p.organisation();
      methodology = p.methodology();
      creditingPeriod = p.creditingPeriod();
      boundary = p.boundary();
      property = p.property();
      history = p.history();
      submittedAt = p.submittedAt();
      updatedAt = p.updatedAt();
      decisionReason = p.decisionReason();
      version = p.version();
    }

    public ProjectBuilder status(ProjectStatus s) {
      status = s;
      return this;
    }

    public ProjectBuilder name(String n) {
      name = n;
      return this;
    }

    public ProjectBuilder developer(ActorId a) {
      developer = a;
      return this;
    }

    public ProjectBuilder organisation(OrganisationId o) {
      organisation = o;
      return this;
    }

    public ProjectBuilder methodology(String ref) {
      methodology = MethodologyRef.parse(ref);
      return this;
    }

    public ProjectBuilder boundary(Geometry g) {
      boundary = g;
      return this;
    }

    public ProjectBuilder property(PropertyTerms terms) {
      property = Optional.of(terms);
      return this;
    }

    /** Two PDD versions, the second a metadata change a day later. */
    public ProjectBuilder amended() {
      PddVersion first = history.versions().get(0);
      history =
          PddHistory.of(
              List.of(
                  first,
                  new PddVersion(
                      2,
                      hash("amended " + first.hash()),
                      first.recordedAt().plusSeconds(86_400),
                      first.recordedBy())));
      return this;
    }

    public ProjectBuilder submittedAt(Instant at) {
      submittedAt = at;
      updatedAt = at;
      return this;
    }

    public ProjectBuilder decided(String reason, Instant at) {
      decisionReason = Optional.of(reason);
      updatedAt = at;
      return this;
    }

    public ProjectBuilder version(long v) {
      version = v;
      return this;
    }

    public ProjectRecord build() {
      return new ProjectRecord(
          id,
          status,
          name,
          projectType,
          developer,
          organisation,
          methodology,
          creditingPeriod,
          boundary,
          property,
          history,
          submittedAt,
          updatedAt,
          decisionReason,
          version);
    }
  }

  // ----- reports

  /** A submitted report of project {@code p-1} for calendar year 2025. */
  public static ReportBuilder report(String id) {
    return new ReportBuilder(id);
  }

  public static ReportBuilder report(ReportRecord from) {
    return new ReportBuilder(from);
  }

  /** A verifier's positive decision, verifying {@code tonnes}. */
  public static Verification verified(String verifier, String tonnes) {
    return new Verification(
        new ActorId(verifier),
        new OrganisationId("verifier-org"),
        "ACC-" + verifier,
        Verification.Outcome.VERIFIED,
        LocalDate.parse("2026-02-01"),
        Optional.of(Co2eQuantity.ofTonnes(tonnes)),
        Optional.empty());
  }

  /** A verifier's rejection. */
  public static Verification rejected(String verifier, String reason) {
    return new Verification(
        new ActorId(verifier),
        new OrganisationId("verifier-org"),
        "ACC-" + verifier,
        Verification.Outcome.REJECTED,
        LocalDate.parse("2026-02-01"),
        Optional.empty(),
        Optional.of(reason));
  }

  /** Builds a {@link ReportRecord}; every setter returns the builder. */
  public static final class ReportBuilder {
    private ReportId id;
    private ProjectId project = new ProjectId("p-1");
    private ReportStatus status = ReportStatus.SUBMITTED;
    private MethodologyRef methodology = METHODOLOGY;
    private MonitoringPeriod period =
        new MonitoringPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"));
    private Co2eQuantity netRemoval = Co2eQuantity.ofTonnes("429.123456");
    private Optional<EciScore> eci = Optional.empty();
    private DocumentHash document;
    private ActorId submittedBy = DEVELOPER;
    private Instant submittedAt = T0;
    private Optional<Verification> verification = Optional.empty();
    private long version = 1;

    private ReportBuilder(String id) {
      this.id = new ReportId(id);
      this.document = hash("mrv of " + id);
    }

    private ReportBuilder(ReportRecord r) {
      id = r.id();
      project = r.project();
      status = r.status();
      methodology = r.methodology();
      period = r.period();
      netRemoval = r.netRemoval();
      eci = r.eci();
      document = r.document();
      submittedBy = r.submittedBy();
      submittedAt = r.submittedAt();
      verification = r.verification();
      version = r.version();
    }

    public ReportBuilder project(String p) {
      project = new ProjectId(p);
      return this;
    }

    public ReportBuilder status(ReportStatus s) {
      status = s;
      return this;
    }

    /** The half-open period {@code [start, end)}, as ISO dates. */
    public ReportBuilder period(String start, String end) {
      period = new MonitoringPeriod(LocalDate.parse(start), LocalDate.parse(end));
      return this;
    }

    public ReportBuilder eci(String mean, String standardError) {
      eci = Optional.of(EciScore.of(mean, standardError));
      return this;
    }

    public ReportBuilder verification(Verification v) {
      verification = Optional.of(v);
      status =
          v.outcome() == Verification.Outcome.VERIFIED
              ? ReportStatus.VERIFIED
              : ReportStatus.REJECTED;
      return this;
    }

    public ReportBuilder version(long v) {
      version = v;
      return this;
    }

    public ReportRecord build() {
      return new ReportRecord(
          id,
          project,
          status,
          methodology,
          period,
          netRemoval,
          eci,
          document,
          submittedBy,
          submittedAt,
          verification,
          version);
    }
  }

  // ----- issuances

  /**
   * A proposed issuance of 429 t for report {@code r-<id>} of project {@code p-1}, coded {@code
   * EC-2026-<sequence>-NULHEGAN}, for the 2026 assessment of property {@code P<sequence>}.
   */
  public static IssuanceBuilder issuance(String id, int sequence) {
    return new IssuanceBuilder(id, sequence);
  }

  public static IssuanceBuilder issuance(IssuanceRecord from) {
    return new IssuanceBuilder(from);
  }

  /** Builds an {@link IssuanceRecord}; every setter returns the builder. */
  public static final class IssuanceBuilder {
    private IssuanceId id;
    private IssuanceCode code;
    private ProjectId project = new ProjectId("p-1");
    private ReportId report;
    private Optional<AnnualAssessment> assessment;
    private IssuanceQuantity quantity;
    private BufferSplit split;
    private AccountId owner = LLC;
    private AccountId bufferPool = POOL;
    private Money issuanceFee = Money.of("250.00", Currency.getInstance("USD"));
    private IssuanceStatus status = IssuanceStatus.PROPOSED;
    private SignOff signOff;
    private ActorId requestedBy = new ActorId("officer-1");
    private Instant requestedAt = T0;
    private Optional<Instant> issuedAt = Optional.empty();
    private Optional<DocumentHash> receipt = Optional.empty();
    private long version = 1;

    private IssuanceBuilder(String id, int sequence) {
      this.id = new IssuanceId(id);
      this.code = new IssuanceCode("EC", 2026, sequence, "NULHEGAN");
      this.report = new ReportId("r-" + id);
      this.assessment = Optional.of(new AnnualAssessment("P" + sequence, 2026));
      tonnes("429.5");
      this.signOff =
          SignOff.open(hash("proposal of " + id), SignOffPolicy.TWO_OFFICERS_ONE_AUDITOR, Set.of());
    }

    private IssuanceBuilder(IssuanceRecord i) {
      id = i.id();
      code = i.code();
      project = i.project();
      report = i.report();
      assessment = i.assessment();
      quantity = i.quantity();
      split = i.split();
      owner = i.owner();
      bufferPool = i.bufferPool();
      issuanceFee = i.issuanceFee();
      status = i.status();
      signOff = i.signOff();
      requestedBy = i.requestedBy();
      requestedAt = i.requestedAt();
      issuedAt = i.issuedAt();
      receipt = i.receipt();
      version = i.version();
    }

    public IssuanceBuilder code(String c) {
      code = IssuanceCode.parse(c);
      return this;
    }

    public IssuanceBuilder project(String p) {
      project = new ProjectId(p);
      return this;
    }

    public IssuanceBuilder report(String r) {
      report = new ReportId(r);
      return this;
    }

    public IssuanceBuilder assessment(String propertyCode, int year) {
      assessment = Optional.of(new AnnualAssessment(propertyCode, year));
      return this;
    }

    /** No annual assessment: a project that declares no property. */
    public IssuanceBuilder withoutAssessment() {
      assessment = Optional.empty();
      return this;
    }

    /** The verified tonnes, split at an 8 % buffer rate. */
    public IssuanceBuilder tonnes(String tonnes) {
      quantity = IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes(tonnes), CreditUnit.TONNE);
      split = BufferSplit.of(quantity.units(), BufferRate.of("0.08"));
      return this;
    }

    /** Issued at {@code at} with the given receipt, the sign-off unchanged. */
    public IssuanceBuilder issued(Instant at, DocumentHash issueReceipt) {
      status = IssuanceStatus.ISSUED;
      issuedAt = Optional.of(at);
      receipt = Optional.of(issueReceipt);
      return this;
    }

    public IssuanceBuilder version(long v) {
      version = v;
      return this;
    }

    public IssuanceRecord build() {
      return new IssuanceRecord(
          id,
          code,
          project,
          report,
          assessment,
          quantity,
          split,
          owner,
          bufferPool,
          issuanceFee,
          status,
          signOff,
          requestedBy,
          requestedAt,
          issuedAt,
          receipt,
          version);
    }
  }

  // ----- credit blocks

  public static CreditBlock block(
      String issuance, long first, long last, AccountId owner, CreditStatus status) {
    return new CreditBlock(
        new IssuanceId(issuance), new SerialRange(first, last), owner, status, Provenance.ORIGINAL);
  }

  /** Buffer-pool credits delivered in place of the invalidated ones of {@code originalReceipt}. */
  public static CreditBlock replacementBlock(
      String issuance, long first, long last, AccountId owner, DocumentHash originalReceipt) {
    return new CreditBlock(
        new IssuanceId(issuance),
        new SerialRange(first, last),
        owner,
        CreditStatus.HELD,
        new Provenance.Replacement(originalReceipt));
  }

  // ----- accounts, events, attestations

  public static Account account(String id, String holder, Account.Kind kind) {
    return new Account(new AccountId(id), new OrganisationId(holder), kind, T0);
  }

  /** Event {@code n}: its receipt is the hash of {@code "event <n>"}, it happened at T0 + n s. */
  public static CreditEvent event(
      int n,
      CreditEvent.Kind kind,
      String issuance,
      Optional<AccountId> from,
      Optional<AccountId> to) {
    return new CreditEvent(
        hash("event " + n),
        kind,
        new IssuanceId(issuance),
        new SerialRange(n, n + 9),
        from,
        to,
        new ActorId("actor-" + n),
        T0.plusSeconds(n),
        new java.util.TreeMap<>(Map.of("n", Integer.toString(n), "reason", "sample event")));
  }

  public static Attestation attestation(String kind, String subject, Instant at) {
    return Attestation.of(
        kind, subject, at, new ActorId("officer-1"), Map.of("subject", subject, "kind", kind));
  }

  public static AuditEntry auditEntry(int i) {
    return new AuditEntry(
        T0.plusSeconds(i),
        new ActorId("actor-" + i),
        DEVELOPER_ORG,
        "project/p-" + i,
        "project.submit",
        AuditEntry.Outcome.ALLOWED,
        "entry " + i);
  }

  public static LedgerCommand anchor(String id) {
    return new LedgerCommand.Anchor(id, "pdd", hash("anchored " + id));
  }

  // ----- methodologies and property files

  /** A draft methodology version, for example {@code methodology("EC-M@1.1.0")}. */
  public static Methodology methodology(String ref) {
    return Methodology.draft(
        MethodologyRef.parse(ref),
        "ecm",
        Set.of("forest_conservation", "improved_forest_management"),
        new MethodologyParameters(
            MethodologyParameters.Z_90_PERCENT,
            BigDecimal.ONE,
            BufferRateTable.of("0.05", "0.08", "0.11", "0.14")));
  }

  /** The JSON document a methodology version is registered with. */
  public static String methodologyJson(String ref) {
    return "{\"methodology\":\"" + ref + "\",\"namespace\":\"ecm\"}";
  }

  /** The property file of {@code project} at {@code version}. */
  public static PropertyFile propertyFile(String project, long version) {
    return new PropertyFile(
        new ProjectId(project),
        hash("nrd-lite of " + project),
        version > 1,
        (int) (version % 3),
        new TreasuryTemplate(
            List.of(new Beneficiary("Abenaki Nation", Percent.of("12.5"))),
            Percent.of("10"),
            Percent.of("1.5")),
        Set.of(new ActorId("officer-" + version)),
        T0.plusSeconds(version),
        version);
  }
}
