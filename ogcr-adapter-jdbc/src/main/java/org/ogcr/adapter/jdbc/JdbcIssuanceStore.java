package org.ogcr.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.domain.issuance.IssuanceQuantity;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.quantity.CreditUnit;
import org.ogcr.domain.signoff.Hold;
import org.ogcr.domain.signoff.SignOff;
import org.ogcr.domain.signoff.SignOffPolicy;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.domain.signoff.SignOffStatus;
import org.ogcr.domain.signoff.Signature;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.out.IssuanceStore;
import org.ogcr.port.out.StoreConflictException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Issuances in table {@code issuances}, one row each, the sign-off as JSON. The database keeps each
 * id, report, issuance code and annual assessment to one issuance (the primary key and three unique
 * constraints), so concurrent proposals cannot both be stored; a violation is refused as {@code
 * already_exists} naming the key. Updates are optimistic: they replace the row only at the version
 * before theirs.
 *
 * <p>The exact quantity and the buffer rate are stored with their scale, so they come back equal to
 * what was stored; instants are stored to the microsecond, as the domain keeps them.
 */
public final class JdbcIssuanceStore implements IssuanceStore {

  private static final String COLUMNS =
      "id, prefix, vintage_year, sequence, property_code, project_id, report_id,"
          + " assessment_property, assessment_year, exact_quantity, exact_quantity_scale,"
          + " unit_size, units, buffer_rate, buffer_rate_scale, owner_share, buffer_share,"
          + " owner_account, buffer_pool, fee_minor, fee_currency, status, sign_off,"
          + " requested_by, requested_at, issued_at, receipt, version";

  /** Every column but the id, as {@code column = :parameter}, for an update. */
  private static final String ASSIGNMENTS =
      "prefix = :prefix, vintage_year = :vintageYear, sequence = :sequence,"
          + " property_code = :propertyCode, project_id = :project, report_id = :report,"
          + " assessment_property = :assessmentProperty, assessment_year = :assessmentYear,"
          + " exact_quantity = :exactQuantity, exact_quantity_scale = :exactQuantityScale,"
          + " unit_size = :unitSize, units = :units, buffer_rate = :bufferRate,"
          + " buffer_rate_scale = :bufferRateScale, owner_share = :ownerShare,"
          + " buffer_share = :bufferShare, owner_account = :owner, buffer_pool = :bufferPool,"
          + " fee_minor = :feeMinor, fee_currency = :feeCurrency, status = :status,"
          + " sign_off = :signOff, requested_by = :requestedBy, requested_at = :requestedAt,"
          + " issued_at = :issuedAt, receipt = :receipt, version = :version";

  private static final String VALUES =
      ":id, :prefix, :vintageYear, :sequence, :propertyCode, :project, :report,"
          + " :assessmentProperty, :assessmentYear, :exactQuantity, :exactQuantityScale,"
          + " :unitSize, :units, :bufferRate, :bufferRateScale, :ownerShare, :bufferShare,"
          + " :owner, :bufferPool, :feeMinor, :feeCurrency, :status, :signOff,"
          + " :requestedBy, :requestedAt, :issuedAt, :receipt, :version";

  /** The constraint H2 names in a unique violation: {@code "public.<name> INDEX …"}. */
  private static final Pattern H2_CONSTRAINT =
      Pattern.compile("\"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+) (?:INDEX|PRIMARY KEY)");

  private final JdbcUnitOfWork uow;

  public JdbcIssuanceStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(IssuanceRecord issuance) {
    Require.nonNull("issuance", issuance);
    String signOff = signOffJson(issuance.signOff());
    try {
      // a savepoint inside a running transaction: a refused insert leaves the caller's work usable
      uow.transact(
          () ->
              uow.withHandle(
                  h ->
                      bindAll(
                              h.createUpdate(
                                  "insert into issuances ("
                                      + COLUMNS
                                      + ") values ("
                                      + VALUES
                                      + ")"),
                              issuance,
                              signOff)
                          .execute()));
    } catch (RuntimeException e) {
      throw conflict(e, issuance);
    }
  }

  @Override
  public void update(IssuanceRecord issuance) {
    Require.nonNull("issuance", issuance);
    String signOff = signOffJson(issuance.signOff());
    long expected = issuance.version() - 1;
    String what = "issuance " + issuance.id().value();
    try {
      uow.transact(
          () ->
              uow.withHandle(
                  h -> {
                    int updated =
                        bindAll(
                                h.createUpdate(
                                        "update issuances set "
                                            + ASSIGNMENTS
                                            + " where id = :id and version = :expected")
                                    .bind("expected", expected),
                                issuance,
                                signOff)
                            .execute();
                    if (updated == 0) {
                      Optional<Long> stored =
                          h.createQuery("select version from issuances where id = :id")
                              .bind("id", issuance.id().value())
                              .mapTo(Long.class)
                              .findOne();
                      if (stored.isEmpty()) {
                        throw new StoreConflictException(
                            "concurrent_update",
                            what
                                + " is not stored, so version "
                                + expected
                                + " cannot be replaced");
                      }
                      throw StoreConflictException.changed(what, expected);
                    }
                    return null;
                  }));
    } catch (StoreConflictException e) {
      throw e;
    } catch (RuntimeException e) {
      throw conflict(e, issuance);
    }
  }

  @Override
  public Optional<IssuanceRecord> find(IssuanceId id) {
    Require.nonNull("id", id);
    return findWhere("id = :id", "id", id.value());
  }

  @Override
  public Optional<IssuanceRecord> findByReport(ReportId report) {
    Require.nonNull("report", report);
    return findWhere("report_id = :report", "report", report.value());
  }

  @Override
  public Optional<IssuanceRecord> findByAssessment(AnnualAssessment assessment) {
    Require.nonNull("assessment", assessment);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from issuances"
                        + " where assessment_property = :property and assessment_year = :year")
                .bind("property", assessment.propertyCode())
                .bind("year", assessment.assessmentYear())
                .map(JdbcIssuanceStore::issuance)
                .findOne());
  }

  /** Issuances of a project, or of every project, of one vintage year of their code when given. */
  @Override
  public List<IssuanceRecord> list(Optional<ProjectId> project, Optional<Integer> vintageYear) {
    Require.nonNull("project", project);
    Require.nonNull("vintageYear", vintageYear);
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from issuances where 1 = 1");
    project.ifPresent(p -> sql.append(" and project_id = :project"));
    vintageYear.ifPresent(y -> sql.append(" and vintage_year = :vintageYear"));
    sql.append(" order by id");
    return uow.withHandle(
        h -> {
          var query = h.createQuery(sql.toString());
          project.ifPresent(p -> query.bind("project", p.value()));
          vintageYear.ifPresent(y -> query.bind("vintageYear", y.intValue()));
          return query.map(JdbcIssuanceStore::issuance).list();
        });
  }

  private Optional<IssuanceRecord> findWhere(String condition, String name, String value) {
    return uow.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from issuances where " + condition)
                .bind(name, value)
                .map(JdbcIssuanceStore::issuance)
                .findOne());
  }

  // ----- rows

  private static Update bindAll(Update update, IssuanceRecord i, String signOff) {
    IssuanceCode code = i.code();
    return update
        .bind("id", i.id().value())
        .bind("prefix", code.prefix())
        .bind("vintageYear", code.vintageYear())
        .bind("sequence", code.sequence())
        .bind("propertyCode", code.propertyCode())
        .bind("project", i.project().value())
        .bind("report", i.report().value())
        .bind("assessmentProperty", i.assessment().map(AnnualAssessment::propertyCode).orElse(null))
        .bind("assessmentYear", i.assessment().map(AnnualAssessment::assessmentYear).orElse(null))
        .bind("exactQuantity", i.quantity().exact())
        .bind("exactQuantityScale", i.quantity().exact().scale())
        .bind("unitSize", i.quantity().unit().size())
        .bind("units", i.quantity().units())
        .bind("bufferRate", i.split().rate().fraction())
        .bind("bufferRateScale", i.split().rate().fraction().scale())
        .bind("ownerShare", i.split().owner())
        .bind("bufferShare", i.split().buffer())
        .bind("owner", i.owner().value())
        .bind("bufferPool", i.bufferPool().value())
        .bind("feeMinor", i.issuanceFee().minorUnits())
        .bind("feeCurrency", i.issuanceFee().currency().getCurrencyCode())
        .bind("status", i.status().name())
        .bind("signOff", signOff)
        .bind("requestedBy", i.requestedBy().value())
        .bind("requestedAt", at(i.requestedAt()))
        .bindByType(
            "issuedAt", i.issuedAt().map(JdbcIssuanceStore::at).orElse(null), OffsetDateTime.class)
        .bind("receipt", i.receipt().map(DocumentHash::hex).orElse(null))
        .bind("version", i.version());
  }

  private static IssuanceRecord issuance(ResultSet rs, StatementContext ctx) throws SQLException {
    String id = rs.getString("id");
    String assessmentProperty = rs.getString("assessment_property");
    Optional<AnnualAssessment> assessment =
        assessmentProperty == null
            ? Optional.empty()
            : Optional.of(new AnnualAssessment(assessmentProperty, rs.getInt("assessment_year")));
    long units = rs.getLong("units");
    IssuanceQuantity quantity =
        new IssuanceQuantity(
            scaled(rs.getBigDecimal("exact_quantity"), rs.getInt("exact_quantity_scale")),
            new CreditUnit(rs.getBigDecimal("unit_size")),
            units);
    BufferSplit split =
        new BufferSplit(
            units,
            new BufferRate(scaled(rs.getBigDecimal("buffer_rate"), rs.getInt("buffer_rate_scale"))),
            rs.getLong("owner_share"),
            rs.getLong("buffer_share"));
    String receipt = rs.getString("receipt");
    return new IssuanceRecord(
        new IssuanceId(id),
        new IssuanceCode(
            rs.getString("prefix"),
            rs.getInt("vintage_year"),
            rs.getInt("sequence"),
            rs.getString("property_code")),
        new ProjectId(rs.getString("project_id")),
        new ReportId(rs.getString("report_id")),
        assessment,
        quantity,
        split,
        new AccountId(rs.getString("owner_account")),
        new AccountId(rs.getString("buffer_pool")),
        new Money(rs.getLong("fee_minor"), Currency.getInstance(rs.getString("fee_currency"))),
        IssuanceStatus.valueOf(rs.getString("status")),
        signOff(id, rs.getString("sign_off")),
        new ActorId(rs.getString("requested_by")),
        Sql.instant(rs, "requested_at"),
        Optional.ofNullable(Sql.instant(rs, "issued_at")),
        Optional.ofNullable(receipt).map(DocumentHash::new),
        rs.getLong("version"));
  }

  /** The stored decimal at the scale it was stored with; the digits are exact, so no rounding. */
  private static BigDecimal scaled(BigDecimal stored, int scale) {
    return stored.setScale(scale, RoundingMode.UNNECESSARY);
  }

  /** The instant as the columns hold it: to the microsecond, as the domain keeps instants. */
  private static OffsetDateTime at(Instant instant) {
    return Sql.at(instant.truncatedTo(ChronoUnit.MICROS));
  }

  // ----- the sign-off as JSON

  /**
   * {@code {"proposal", "policy": {"officers", "auditors"}, "recused": [...], "signatures":
   * [{"signer", "capacity", "signedAt"}], "status", "hold": null | {"by", "reason", "at"}}}, with
   * instants in ISO-8601 to the nanosecond and the recused actors sorted.
   */
  private static String signOffJson(SignOff s) {
    ObjectNode root = StrictJson.MAPPER.createObjectNode();
    root.put("proposal", s.proposal().hex());
    root.putObject("policy")
        .put("officers", s.policy().officers())
        .put("auditors", s.policy().auditors());
    ArrayNode recused = root.putArray("recused");
    new TreeSet<>(s.recused().stream().map(ActorId::value).toList()).forEach(recused::add);
    ArrayNode signatures = root.putArray("signatures");
    for (Signature sig : s.signatures()) {
      signatures
          .addObject()
          .put("signer", sig.signer().value())
          .put("capacity", sig.capacity().name())
          .put("signedAt", sig.signedAt().toString());
    }
    root.put("status", s.status().name());
    s.currentHold()
        .ifPresentOrElse(
            hold ->
                root.putObject("hold")
                    .put("by", hold.by().value())
                    .put("reason", hold.reason())
                    .put("at", hold.at().toString()),
            () -> root.putNull("hold"));
    try {
      return StrictJson.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the sign-off as JSON: " + e.getMessage(), e);
    }
  }

  private static SignOff signOff(String issuance, String json) {
    try {
      JsonNode root = StrictJson.MAPPER.readTree(json);
      JsonNode policy = root.required("policy");
      Set<ActorId> recused = new HashSet<>();
      for (JsonNode actor : root.required("recused")) {
        recused.add(new ActorId(actor.asText()));
      }
      List<Signature> signatures = new ArrayList<>();
      for (JsonNode sig : root.required("signatures")) {
        signatures.add(
            new Signature(
                new ActorId(sig.required("signer").asText()),
                SignOffRole.valueOf(sig.required("capacity").asText()),
                Instant.parse(sig.required("signedAt").asText())));
      }
      JsonNode hold = root.required("hold");
      return SignOff.restore(
          new DocumentHash(root.required("proposal").asText()),
          new SignOffPolicy(
              policy.required("officers").intValue(), policy.required("auditors").intValue()),
          Set.copyOf(recused),
          signatures,
          SignOffStatus.valueOf(root.required("status").asText()),
          hold.isNull()
              ? Optional.empty()
              : Optional.of(
                  new Hold(
                      new ActorId(hold.required("by").asText()),
                      hold.required("reason").asText(),
                      Instant.parse(hold.required("at").asText()))));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(
          "issuance " + issuance + " has an unreadable sign-off: " + e.getMessage(), e);
    }
  }

  // ----- conflicts

  /**
   * {@code already_exists} naming the taken key when {@code e} is a unique violation, otherwise
   * {@code e} itself.
   */
  private static RuntimeException conflict(RuntimeException e, IssuanceRecord issuance) {
    Optional<SQLException> unique = uniqueViolation(e);
    if (unique.isEmpty()) {
      return e;
    }
    String constraint = constraintOf(unique.get()).orElse("");
    return switch (constraint.toLowerCase(Locale.ROOT)) {
      case "issuances_report_unique" ->
          StoreConflictException.exists("an issuance of report " + issuance.report().value());
      case "issuances_code_unique" ->
          StoreConflictException.exists("an issuance coded " + issuance.code().format());
      case "issuances_assessment_unique" -> {
        AnnualAssessment a = issuance.assessment().orElseThrow();
        yield StoreConflictException.exists(
            "an issuance of the "
                + a.assessmentYear()
                + " annual assessment of property "
                + a.propertyCode());
      }
      // the primary key, the one other unique key of the table
      default -> StoreConflictException.exists("issuance " + issuance.id().value());
    };
  }

  private static Optional<SQLException> uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && Sql.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }

  /** The name of the violated constraint, as PostgreSQL reports it or H2 writes it. */
  private static Optional<String> constraintOf(SQLException e) {
    if (e instanceof PSQLException pg) {
      ServerErrorMessage server = pg.getServerErrorMessage();
      return Optional.ofNullable(server == null ? null : server.getConstraint());
    }
    Matcher m = H2_CONSTRAINT.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
