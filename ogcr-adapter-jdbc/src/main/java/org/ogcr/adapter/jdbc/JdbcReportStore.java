package org.ogcr.adapter.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;
import org.ogcr.port.out.ReportStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Monitoring reports in table {@code reports}, one row each, the verifier's decision in its columns
 * once made. Every report belongs to a stored project. Every filter of a {@link ReportQuery} runs
 * in SQL; results come in id order by code point on both engines.
 */
public final class JdbcReportStore implements ReportStore {

  private static final String COLUMNS =
      "r.id, r.project_id, r.status, r.methodology_id, r.methodology_version, r.period_start,"
          + " r.period_end, r.net_removal, r.eci_mean, r.eci_standard_error, r.document,"
          + " r.submitted_by, r.submitted_at, r.verifier, r.verifier_organisation,"
          + " r.accreditation_id, r.outcome, r.verification_date, r.verified_tonnes,"
          + " r.verification_reason, r.version";

  /** SQLSTATE of a foreign key violation on PostgreSQL. */
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  /** SQLSTATE of a missing parent row on H2. */
  private static final String H2_PARENT_MISSING = "23506";

  private final JdbcUnitOfWork uow;

  public JdbcReportStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(ReportRecord report) {
    Require.nonNull("report", report);
    String what = "report " + report.id().value();
    // under a savepoint when in a transaction: a refused insert leaves the caller's work usable
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  Update insert =
                      h.createUpdate(
                          "insert into reports (id, project_id, status, methodology_id,"
                              + " methodology_version, period_start, period_end, net_removal,"
                              + " eci_mean, eci_standard_error, document, submitted_by,"
                              + " submitted_at, verifier, verifier_organisation,"
                              + " accreditation_id, outcome, verification_date, verified_tonnes,"
                              + " verification_reason, version) values (:id, :project, :status,"
                              + " :methodologyId, :methodologyVersion, :periodStart, :periodEnd,"
                              + " :netRemoval, :eciMean, :eciStandardError, :document,"
                              + " :submittedBy, :submittedAt, :verifier, :verifierOrganisation,"
                              + " :accreditationId, :outcome, :verificationDate, :verifiedTonnes,"
                              + " :verificationReason, :version)");
                  try {
                    bindColumns(insert, report).execute();
                  } catch (StatementException e) {
                    if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
                      throw conflict(StoreConflictException.exists(what), e);
                    }
                    throw unknownProject(report, e);
                  }
                  return null;
                }));
  }

  @Override
  public void update(ReportRecord report) {
    Require.nonNull("report", report);
    String what = "report " + report.id().value();
    long expected = report.version() - 1;
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  Update update =
                      h.createUpdate(
                          "update reports set project_id = :project, status = :status,"
                              + " methodology_id = :methodologyId, methodology_version ="
                              + " :methodologyVersion, period_start = :periodStart, period_end ="
                              + " :periodEnd, net_removal = :netRemoval, eci_mean = :eciMean,"
                              + " eci_standard_error = :eciStandardError, document = :document,"
                              + " submitted_by = :submittedBy, submitted_at = :submittedAt,"
                              + " verifier = :verifier, verifier_organisation ="
                              + " :verifierOrganisation, accreditation_id = :accreditationId,"
                              + " outcome = :outcome, verification_date = :verificationDate,"
                              + " verified_tonnes = :verifiedTonnes, verification_reason ="
                              + " :verificationReason, version = :version"
                              + " where id = :id and version = :expected");
                  int changed;
                  try {
                    changed = bindColumns(update, report).bind("expected", expected).execute();
                  } catch (StatementException e) {
                    throw unknownProject(report, e);
                  }
                  if (changed == 0) {
                    boolean stored =
                        h.createQuery("select 1 from reports where id = :id")
                            .bind("id", report.id().value())
                            .mapTo(Integer.class)
                            .findOne()
                            .isPresent();
                    throw stored
                        ? StoreConflictException.changed(what, expected)
                        : new StoreConflictException(
                            "concurrent_update",
                            what
                                + " is not stored, so version "
                                + expected
                                + " cannot be replaced");
                  }
                  return null;
                }));
  }

  @Override
  public Optional<ReportRecord> find(ReportId id) {
    Require.nonNull("id", id);
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from reports r where r.id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public Page<ReportRecord> search(ReportQuery query, PageRequest page) {
    Require.nonNull("query", query);
    Require.nonNull("page", page);
    Filter filter = Filter.of(query);
    return uow.withHandle(
        h -> {
          // one statement reads the page and the total, at one instant
          List<Map.Entry<ReportRecord, Long>> rows =
              filter
                  .bindTo(
                      h.createQuery(
                          "select "
                              + COLUMNS
                              + ", count(*) over () as total from reports r where "
                              + filter.where
                              + " order by "
                              + uow.byCodePoint("r.id")
                              + " limit :limit offset :offset"))
                  .bind("limit", page.limit())
                  .bind("offset", page.offset())
                  .map((rs, ctx) -> Map.entry(read(rs), rs.getLong("total")))
                  .list();
          long total =
              rows.isEmpty()
                  // nothing on this page: the total still counts every match
                  ? filter
                      .bindTo(h.createQuery("select count(*) from reports r where " + filter.where))
                      .mapTo(Long.class)
                      .one()
                  : rows.get(0).getValue();
          return new Page<>(rows.stream().map(Map.Entry::getKey).toList(), total, page);
        });
  }

  @Override
  public KeysetPage<ReportRecord> searchAfter(ReportQuery query, KeysetRequest request) {
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    Filter filter = Filter.of(query);
    return uow.withHandle(
        h -> {
          String after =
              request.after().map(a -> " and " + uow.byCodePoint("r.id") + " > :after").orElse("");
          var statement =
              filter
                  .bindTo(
                      h.createQuery(
                          "select "
                              + COLUMNS
                              + " from reports r where "
                              + filter.where
                              + after
                              + " order by "
                              + uow.byCodePoint("r.id")
                              + " limit :limit"))
                  .bind("limit", request.limit() + 1);
          request.after().ifPresent(a -> statement.bind("after", a));
          List<ReportRecord> fetched = statement.map((rs, ctx) -> read(rs)).list();
          return KeysetPage.trimmed(fetched, request, r -> r.id().value());
        });
  }

  @Override
  public List<ReportRecord> all(ReportQuery query) {
    Require.nonNull("query", query);
    Filter filter = Filter.of(query);
    return uow.withHandle(
        h ->
            filter
                .bindTo(
                    h.createQuery(
                        "select "
                            + COLUMNS
                            + " from reports r where "
                            + filter.where
                            + " order by "
                            + uow.byCodePoint("r.id")))
                .map((rs, ctx) -> read(rs))
                .list());
  }

  // ----- rows

  private static ReportRecord read(ResultSet rs) throws SQLException {
    String eciMean = rs.getString("eci_mean");
    Optional<EciScore> eci =
        eciMean == null
            ? Optional.empty()
            : Optional.of(
                new EciScore(
                    new BigDecimal(eciMean), new BigDecimal(rs.getString("eci_standard_error"))));
    String verifier = rs.getString("verifier");
    Optional<Verification> verification =
        verifier == null
            ? Optional.empty()
            : Optional.of(
                new Verification(
                    new ActorId(verifier),
                    new OrganisationId(rs.getString("verifier_organisation")),
                    rs.getString("accreditation_id"),
                    Verification.Outcome.valueOf(rs.getString("outcome")),
                    rs.getObject("verification_date", LocalDate.class),
                    Optional.ofNullable(rs.getBigDecimal("verified_tonnes")).map(Co2eQuantity::new),
                    Optional.ofNullable(rs.getString("verification_reason"))));
    return new ReportRecord(
        new ReportId(rs.getString("id")),
        new ProjectId(rs.getString("project_id")),
        ReportStatus.valueOf(rs.getString("status")),
        MethodologyRef.of(rs.getString("methodology_id"), rs.getString("methodology_version")),
        new MonitoringPeriod(
            rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class)),
        new Co2eQuantity(rs.getBigDecimal("net_removal")),
        eci,
        new DocumentHash(rs.getString("document")),
        new ActorId(rs.getString("submitted_by")),
        Sql.instant(rs, "submitted_at"),
        verification,
        rs.getLong("version"));
  }

  private static Update bindColumns(Update statement, ReportRecord r) {
    Optional<EciScore> eci = r.eci();
    Optional<Verification> v = r.verification();
    return statement
        .bind("id", r.id().value())
        .bind("project", r.project().value())
        .bind("status", r.status().name())
        .bind("methodologyId", r.methodology().id())
        .bind("methodologyVersion", r.methodology().version().toString())
        .bind("periodStart", r.period().start())
        .bind("periodEnd", r.period().end())
        .bind("netRemoval", r.netRemoval().tonnes())
        .bind("eciMean", eci.map(e -> decimalText("eci.mean", e.mean())).orElse(null))
        .bind(
            "eciStandardError",
            eci.map(e -> decimalText("eci.standardError", e.standardError())).orElse(null))
        .bind("document", r.document().hex())
        .bind("submittedBy", r.submittedBy().value())
        .bind("submittedAt", utc(r.submittedAt()))
        .bind("verifier", v.map(d -> d.verifier().value()).orElse(null))
        .bind("verifierOrganisation", v.map(d -> d.organisation().value()).orElse(null))
        .bind("accreditationId", v.map(Verification::accreditationId).orElse(null))
        .bind("outcome", v.map(d -> d.outcome().name()).orElse(null))
        .bind("verificationDate", v.map(Verification::date).orElse(null))
        .bind(
            "verifiedTonnes",
            v.flatMap(Verification::verifiedTonnes).map(Co2eQuantity::tonnes).orElse(null))
        .bind("verificationReason", v.flatMap(Verification::reason).orElse(null))
        .bind("version", r.version());
  }

  /** The error of a report naming a project that is not stored, or else {@code e} itself. */
  private static RuntimeException unknownProject(ReportRecord report, StatementException e) {
    if (Sql.hasState(e, FOREIGN_KEY_VIOLATION) || Sql.hasState(e, H2_PARENT_MISSING)) {
      return new IllegalStateException(
          "report "
              + report.id().value()
              + " belongs to project "
              + report.project().value()
              + ", which is not stored; store the project first",
          e);
    }
    return e;
  }

  // ----- filters

  /** A {@code where} condition over {@code reports r} and the values it binds. */
  private record Filter(String where, Map<String, Object> values) {

    static Filter of(ReportQuery q) {
      List<String> conditions = new ArrayList<>();
      Map<String, Object> values = new LinkedHashMap<>();
      q.project()
          .ifPresent(
              p -> {
                conditions.add("r.project_id = :project");
                values.put("project", p.value());
              });
      if (!q.statuses().isEmpty()) {
        List<String> names = new ArrayList<>();
        q.statuses().stream()
            .map(ReportStatus::name)
            .sorted()
            .forEach(
                s -> {
                  String name = "status" + names.size();
                  names.add(":" + name);
                  values.put(name, s);
                });
        conditions.add("r.status in (" + String.join(", ", names) + ")");
      }
      q.verifier()
          .ifPresent(
              v -> {
                // an undecided report has no verifier and matches no verifier
                conditions.add("r.verifier = :verifier");
                values.put("verifier", v.value());
              });
      q.periodFrom()
          .ifPresent(
              f -> {
                // periods are half-open: one ending on the from date lies wholly before it
                conditions.add("r.period_end > :periodFrom");
                values.put("periodFrom", f);
              });
      q.periodBefore()
          .ifPresent(
              b -> {
                conditions.add("r.period_start < :periodBefore");
                values.put("periodBefore", b);
              });
      return new Filter(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), values);
    }

    <T extends SqlStatement<T>> T bindTo(T statement) {
      values.forEach(statement::bind);
      return statement;
    }
  }

  // ----- shared conversions

  /** The decimal's exact text, scale included; {@code new BigDecimal(text)} gives it back. */
  private static String decimalText(String field, BigDecimal value) {
    String text = value.toString();
    if (text.length() > 128) {
      throw new InvalidValueException(field, value, "must be written in at most 128 characters");
    }
    return text;
  }

  /** An instant as {@code timestamp with time zone} binds on both engines, to the microsecond. */
  private static OffsetDateTime utc(Instant instant) {
    return Sql.at(instant.truncatedTo(ChronoUnit.MICROS));
  }

  private static StoreConflictException conflict(StoreConflictException e, Throwable cause) {
    e.initCause(cause);
    return e;
  }
}
