package org.ogcr.adapter.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.StatementException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.methodology.ApprovalRecord;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.methodology.MethodologyStatus;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.port.out.MethodologyStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Registered methodology versions in table {@code methodologies}, in registration order ({@code
 * seq}), each with the document that defines it. The catalog is rebuilt from the columns, the
 * project types kept as a comma-separated list (a project type never holds a comma).
 */
public final class JdbcMethodologyStore implements MethodologyStore {

  /** The width of column {@code project_types}. */
  private static final int PROJECT_TYPES_LENGTH = 2048;

  private final JdbcUnitOfWork uow;

  public JdbcMethodologyStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(Methodology methodology, String json) {
    Require.nonNull("methodology", methodology);
    Require.nonNull("json", json);
    MethodologyParameters parameters = methodology.parameters();
    BufferRateTable rates = parameters.bufferRates();
    Optional<ApprovalRecord> approval = methodology.approval();
    String projectTypes = String.join(",", methodology.projectTypes().stream().sorted().toList());
    if (projectTypes.length() > PROJECT_TYPES_LENGTH) {
      throw new InvalidValueException(
          "projectTypes",
          projectTypes,
          "must fit in " + PROJECT_TYPES_LENGTH + " characters, separated by commas");
    }
    String what = "methodology " + methodology.ref();
    // under a savepoint when in a transaction: a refused insert leaves the caller's work usable
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  try {
                    return h.createUpdate(
                            "insert into methodologies (id, version, namespace, project_types, z,"
                                + " methodology_constant, rate_low, rate_moderate, rate_high,"
                                + " rate_frontier, status, approved_by, approved_at, json)"
                                + " values (:id, :version, :namespace, :projectTypes, :z,"
                                + " :constant, :low, :moderate, :high, :frontier, :status,"
                                + " :approvedBy, :approvedAt, :json)")
                        .bind("id", methodology.ref().id())
                        .bind("version", methodology.ref().version().toString())
                        .bind("namespace", methodology.namespace())
                        .bind("projectTypes", projectTypes)
                        .bind("z", decimalText("z", parameters.z()))
                        .bind(
                            "constant",
                            decimalText("methodologyConstant", parameters.methodologyConstant()))
                        .bind("low", rateText(rates, RiskTier.LOW))
                        .bind("moderate", rateText(rates, RiskTier.MODERATE))
                        .bind("high", rateText(rates, RiskTier.HIGH))
                        .bind("frontier", rateText(rates, RiskTier.FRONTIER))
                        .bind("status", methodology.status().name())
                        .bind("approvedBy", approval.map(a -> a.approvedBy().value()).orElse(null))
                        .bind(
                            "approvedAt",
                            approval
                                .map(a -> Sql.at(a.approvedAt().truncatedTo(ChronoUnit.MICROS)))
                                .orElse(null))
                        .bind("json", json)
                        .execute();
                  } catch (StatementException e) {
                    if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
                      StoreConflictException conflict = StoreConflictException.exists(what);
                      conflict.initCause(e);
                      throw conflict;
                    }
                    throw e;
                  }
                }));
  }

  @Override
  public MethodologyCatalog catalog() {
    return MethodologyCatalog.of(
        uow.withHandle(
            h ->
                h.createQuery(
                        "select id, version, namespace, project_types, z, methodology_constant,"
                            + " rate_low, rate_moderate, rate_high, rate_frontier, status,"
                            + " approved_by, approved_at from methodologies order by seq")
                    .map((rs, ctx) -> read(rs))
                    .list()));
  }

  @Override
  public List<String> documents() {
    return uow.withHandle(
        h ->
            h.createQuery("select json from methodologies order by seq")
                .mapTo(String.class)
                .list());
  }

  private static Methodology read(ResultSet rs) throws SQLException {
    MethodologyRef ref = MethodologyRef.of(rs.getString("id"), rs.getString("version"));
    Map<RiskTier, BufferRate> rates = new EnumMap<>(RiskTier.class);
    rates.put(RiskTier.LOW, new BufferRate(new BigDecimal(rs.getString("rate_low"))));
    rates.put(RiskTier.MODERATE, new BufferRate(new BigDecimal(rs.getString("rate_moderate"))));
    rates.put(RiskTier.HIGH, new BufferRate(new BigDecimal(rs.getString("rate_high"))));
    rates.put(RiskTier.FRONTIER, new BufferRate(new BigDecimal(rs.getString("rate_frontier"))));
    String approvedBy = rs.getString("approved_by");
    Instant approvedAt = Sql.instant(rs, "approved_at");
    if ((approvedBy == null) != (approvedAt == null)) {
      throw new IllegalStateException(
          "methodology "
              + ref
              + " is stored with half an approval record: by "
              + approvedBy
              + " at "
              + approvedAt);
    }
    return new Methodology(
        ref,
        rs.getString("namespace"),
        Set.copyOf(Arrays.asList(rs.getString("project_types").split(","))),
        new MethodologyParameters(
            new BigDecimal(rs.getString("z")),
            new BigDecimal(rs.getString("methodology_constant")),
            new BufferRateTable(rates)),
        MethodologyStatus.valueOf(rs.getString("status")),
        approvedBy == null
            ? Optional.empty()
            : Optional.of(new ApprovalRecord(new ActorId(approvedBy), approvedAt)));
  }

  private static String rateText(BufferRateTable rates, RiskTier tier) {
    return decimalText(
        "bufferRates." + tier.name().toLowerCase(Locale.ROOT), rates.rateFor(tier).fraction());
  }

  /** The decimal's exact text, scale included; {@code new BigDecimal(text)} gives it back. */
  private static String decimalText(String field, BigDecimal value) {
    String text = value.toString();
    if (text.length() > 128) {
      throw new InvalidValueException(field, value, "must be written in at most 128 characters");
    }
    return text;
  }
}
