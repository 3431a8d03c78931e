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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.Update;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.project.PddVersion;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.PropertyTerms;
import org.ogcr.port.out.ProjectStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Projects in table {@code projects}, one row each, and every version of their PDD in {@code
 * pdd_versions}. The boundary is stored as extended WKB (two dimensions and the SRID) next to its
 * envelope, which the bounding-box filter compares without decoding geometries. Every filter of a
 * {@link ProjectQuery} runs in SQL; results come in id order by code point on both engines.
 */
public final class JdbcProjectStore implements ProjectStore {

  private final JdbcUnitOfWork uow;

  public JdbcProjectStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(ProjectRecord project) {
    Require.nonNull("project", project);
    if (project.version() != 1) {
      throw new InvalidValueException("version", project.version(), "must be 1 for a new project");
    }
    Envelope bbox = envelopeOf(project);
    String what = "project " + project.id().value();
    // under a savepoint when in a transaction: a refused insert leaves the caller's work usable
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  Update insert =
                      h.createUpdate(
                          "insert into projects (id, status, name, project_type, developer,"
                              + " organisation, methodology_id, methodology_version,"
                              + " crediting_start, crediting_end, boundary, min_lon, min_lat,"
                              + " max_lon, max_lat, property_code, verified_acres, risk_tier,"
                              + " threat_multiplier, registration_record_hash, submitted_at,"
                              + " updated_at, decision_reason, version) values (:id, :status,"
                              + " :name, :projectType, :developer, :organisation,"
                              + " :methodologyId, :methodologyVersion, :creditingStart,"
                              + " :creditingEnd, :boundary, :minLon, :minLat, :maxLon, :maxLat,"
                              + " :propertyCode, :verifiedAcres, :riskTier, :threatMultiplier,"
                              + " :registrationRecordHash, :submittedAt, :updatedAt,"
                              + " :decisionReason, :version)");
                  try {
                    bindColumns(insert, project, bbox).execute();
                  } catch (StatementException e) {
                    if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
                      throw conflict(StoreConflictException.exists(what), e);
                    }
                    throw e;
                  }
                  insertVersions(h, project);
                  return null;
                }));
  }

  @Override
  public void update(ProjectRecord project) {
    Require.nonNull("project", project);
    Envelope bbox = envelopeOf(project);
    String what = "project " + project.id().value();
    long expected = project.version() - 1;
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  Update update =
                      h.createUpdate(
                          "update projects set status = :status, name = :name, project_type ="
                              + " :projectType, developer = :developer, organisation ="
                              + " :organisation, methodology_id = :methodologyId,"
                              + " methodology_version = :methodologyVersion, crediting_start ="
                              + " :creditingStart, crediting_end = :creditingEnd, boundary ="
                              + " :boundary, min_lon = :minLon, min_lat = :minLat, max_lon ="
                              + " :maxLon, max_lat = :maxLat, property_code = :propertyCode,"
                              + " verified_acres = :verifiedAcres, risk_tier = :riskTier,"
                              + " threat_multiplier = :threatMultiplier,"
                              + " registration_record_hash = :registrationRecordHash,"
                              + " submitted_at = :submittedAt, updated_at = :updatedAt,"
                              + " decision_reason = :decisionReason, version = :version"
                              + " where id = :id and version = :expected");
                  int changed =
                      bindColumns(update, project, bbox).bind("expected", expected).execute();
                  if (changed == 0) {
                    boolean stored =
                        h.createQuery("select 1 from projects where id = :id")
                            .bind("id", project.id().value())
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
                  h.createUpdate("delete from pdd_versions where project_id = :id")
                      .bind("id", project.id().value())
                      .execute();
                  insertVersions(h, project);
                  return null;
                }));
  }

  @Override
  public Optional<ProjectRecord> find(ProjectId id) {
    Require.nonNull("id", id);
    Filter byId = new Filter("p.id = :id", Map.of("id", id.value()));
    return uow.withHandle(h -> load(h, byId).stream().findFirst());
  }

  @Override
  public Page<ProjectRecord> search(ProjectQuery query, PageRequest page) {
    Require.nonNull("query", query);
    Require.nonNull("page", page);
    Filter filter = Filter.of(query);
    return uow.withHandle(
        h -> {
          // one statement reads the page, its PDD versions and the total, all at one instant
          String matching =
              "select p.*, count(*) over () as total from projects p where "
                  + filter.where
                  + " order by "
                  + uow.byCodePoint("p.id")
                  + " limit :limit offset :offset";
          Rows rows =
              read(
                  filter
                      .bindTo(h.createQuery(select("(" + matching + ")", "", true) + orderBy(h)))
                      .bind("limit", page.limit())
                      .bind("offset", page.offset()),
                  true);
          long total =
              rows.projects.isEmpty()
                  // nothing on this page: the total still counts every match
                  ? filter
                      .bindTo(
                          h.createQuery("select count(*) from projects p where " + filter.where))
                      .mapTo(Long.class)
                      .one()
                  : rows.total;
          return new Page<>(rows.projects, total, page);
        });
  }

  @Override
  public KeysetPage<ProjectRecord> searchAfter(ProjectQuery query, KeysetRequest request) {
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    Filter filter = Filter.of(query);
    return uow.withHandle(
        h -> {
          String after =
              request.after().map(a -> " and " + uow.byCodePoint("p.id") + " > :after").orElse("");
          // no total: counting every match would read them all, which the cursor exists to avoid
          String matching =
              "select p.* from projects p where "
                  + filter.where
                  + after
                  + " order by "
                  + uow.byCodePoint("p.id")
                  + " limit :limit";
          var statement =
              filter
                  .bindTo(h.createQuery(select("(" + matching + ")", "", false) + orderBy(h)))
                  .bind("limit", request.limit() + 1);
          request.after().ifPresent(a -> statement.bind("after", a));
          return KeysetPage.trimmed(read(statement, false).projects, request, p -> p.id().value());
        });
  }

  @Override
  public List<ProjectRecord> all(ProjectQuery query) {
    Require.nonNull("query", query);
    Filter filter = Filter.of(query);
    return uow.withHandle(h -> load(h, filter));
  }

  // ----- reading

  /** Every project {@code filter} matches, in id order, with its PDD versions. */
  private List<ProjectRecord> load(Handle h, Filter filter) {
    return read(
            filter.bindTo(
                h.createQuery(select("projects", " where " + filter.where, false) + orderBy(h))),
            false)
        .projects;
  }

  /**
   * The projects of {@code from} (a table or a subquery, as {@code p}) joined to their versions;
   * with the {@code total} column of the subquery when {@code counted}.
   */
  private static String select(String from, String where, boolean counted) {
    return "select p.id, p.status, p.name, p.project_type, p.developer, p.organisation,"
        + " p.methodology_id, p.methodology_version, p.crediting_start, p.crediting_end,"
        + " p.boundary, p.property_code, p.verified_acres, p.risk_tier, p.threat_multiplier,"
        + " p.registration_record_hash, p.submitted_at, p.updated_at, p.decision_reason,"
        + " p.version, v.number, v.hash, v.recorded_at, v.recorded_by"
        + (counted ? ", p.total" : "")
        + " from "
        + from
        + " p join pdd_versions v on v.project_id = p.id"
        + where;
  }

  private String orderBy(Handle h) {
    return " order by " + uow.byCodePoint("p.id") + ", v.number";
  }

  /** Projects read and how many match in all (more than were read when a page was read). */
  private record Rows(List<ProjectRecord> projects, long total) {}

  /**
   * The projects of {@code query}'s rows, one row per PDD version in id and version order; {@code
   * counted} when the rows carry the number of matches in a {@code total} column.
   */
  private static Rows read(Query query, boolean counted) {
    return query.scanResultSet(
        (results, ctx) -> {
          ResultSet rs = results.get();
          List<ProjectRecord> projects = new ArrayList<>();
          Row row = null;
          List<PddVersion> versions = new ArrayList<>();
          long total = 0;
          while (rs.next()) {
            String id = rs.getString("id");
            if (row == null || !row.id.equals(id)) {
              if (row != null) {
                projects.add(row.toRecord(PddHistory.of(versions)));
                versions = new ArrayList<>();
              }
              row = Row.of(rs);
              total = counted ? rs.getLong("total") : projects.size() + 1;
            }
            versions.add(
                new PddVersion(
                    rs.getInt("number"),
                    new DocumentHash(rs.getString("hash")),
                    Sql.instant(rs, "recorded_at"),
                    new ActorId(rs.getString("recorded_by"))));
          }
          if (row != null) {
            projects.add(row.toRecord(PddHistory.of(versions)));
          }
          return new Rows(projects, total);
        });
  }

  /** The columns of {@code projects} in one row. */
  private record Row(
      String id,
      ProjectStatus status,
      String name,
      String projectType,
      ActorId developer,
      OrganisationId organisation,
      MethodologyRef methodology,
      MonitoringPeriod creditingPeriod,
      Geometry boundary,
      Optional<PropertyTerms> property,
      Instant submittedAt,
      Instant updatedAt,
      Optional<String> decisionReason,
      long version) {

    static Row of(ResultSet rs) throws SQLException {
      String id = rs.getString("id");
      String propertyCode = rs.getString("property_code");
      Optional<PropertyTerms> property =
          propertyCode == null
              ? Optional.empty()
              : Optional.of(
                  new PropertyTerms(
                      propertyCode,
                      new BigDecimal(rs.getString("verified_acres")),
                      RiskTier.valueOf(rs.getString("risk_tier")),
                      new BigDecimal(rs.getString("threat_multiplier")),
                      new DocumentHash(rs.getString("registration_record_hash"))));
      return new Row(
          id,
          ProjectStatus.valueOf(rs.getString("status")),
          rs.getString("name"),
          rs.getString("project_type"),
          new ActorId(rs.getString("developer")),
          new OrganisationId(rs.getString("organisation")),
          MethodologyRef.of(rs.getString("methodology_id"), rs.getString("methodology_version")),
          new MonitoringPeriod(
              rs.getObject("crediting_start", LocalDate.class),
              rs.getObject("crediting_end", LocalDate.class)),
          readBoundary(id, rs.getBytes("boundary")),
          property,
          Sql.instant(rs, "submitted_at"),
          Sql.instant(rs, "updated_at"),
          Optional.ofNullable(rs.getString("decision_reason")),
          rs.getLong("version"));
    }

    ProjectRecord toRecord(PddHistory history) {
      return new ProjectRecord(
          new ProjectId(id),
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

  private static Geometry readBoundary(String project, byte[] wkb) {
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException(
          "the stored boundary of project " + project + " is not valid WKB: " + e.getMessage(), e);
    }
  }

  // ----- writing

  private static Envelope envelopeOf(ProjectRecord project) {
    Envelope bbox = project.bbox();
    if (bbox.isNull()) {
      throw new InvalidValueException("boundary", project.boundary().toText(), "must not be empty");
    }
    return bbox;
  }

  private static Update bindColumns(Update statement, ProjectRecord p, Envelope bbox) {
    Optional<PropertyTerms> terms = p.property();
    return statement
        .bind("id", p.id().value())
        .bind("status", p.status().name())
        .bind("name", p.name())
        .bind("projectType", p.projectType())
        .bind("developer", p.developer().value())
        .bind("organisation", p.organisation().value())
        .bind("methodologyId", p.methodology().id())
        .bind("methodologyVersion", p.methodology().version().toString())
        .bind("creditingStart", p.creditingPeriod().start())
        .bind("creditingEnd", p.creditingPeriod().end())
        .bind("boundary", new WKBWriter(2, true).write(p.boundary()))
        .bind("minLon", bbox.getMinX())
        .bind("minLat", bbox.getMinY())
        .bind("maxLon", bbox.getMaxX())
        .bind("maxLat", bbox.getMaxY())
        .bind("propertyCode", terms.map(PropertyTerms::propertyCode).orElse(null))
        .bind(
            "verifiedAcres",
            terms.map(t -> decimalText("verifiedAcres", t.verifiedAcres())).orElse(null))
        .bind("riskTier", terms.map(t -> t.riskTier().name()).orElse(null))
        .bind(
            "threatMultiplier",
            terms.map(t -> decimalText("threatMultiplier", t.threatMultiplier())).orElse(null))
        .bind(
            "registrationRecordHash", terms.map(t -> t.registrationRecordHash().hex()).orElse(null))
        .bind("submittedAt", utc(p.submittedAt()))
        .bind("updatedAt", utc(p.updatedAt()))
        .bind("decisionReason", p.decisionReason().orElse(null))
        .bind("version", p.version());
  }

  private static void insertVersions(Handle h, ProjectRecord project) {
    PreparedBatch batch =
        h.prepareBatch(
            "insert into pdd_versions (project_id, number, hash, recorded_at, recorded_by)"
                + " values (:project, :number, :hash, :recordedAt, :recordedBy)");
    for (PddVersion v : project.history().versions()) {
      batch
          .bind("project", project.id().value())
          .bind("number", v.number())
          .bind("hash", v.hash().hex())
          .bind("recordedAt", utc(v.recordedAt()))
          .bind("recordedBy", v.recordedBy().value())
          .add();
    }
    batch.execute();
  }

  // ----- filters

  /** A {@code where} condition over {@code projects p} and the values it binds. */
  private record Filter(String where, Map<String, Object> values) {

    static Filter of(ProjectQuery q) {
      List<String> conditions = new ArrayList<>();
      Map<String, Object> values = new LinkedHashMap<>();
      if (!q.statuses().isEmpty()) {
        List<String> names = new ArrayList<>();
        q.statuses().stream()
            .map(ProjectStatus::name)
            .sorted()
            .forEach(
                s -> {
                  String name = "status" + names.size();
                  names.add(":" + name);
                  values.put(name, s);
                });
        conditions.add("p.status in (" + String.join(", ", names) + ")");
      }
      q.methodologyId()
          .ifPresent(
              m -> {
                conditions.add("p.methodology_id = :methodologyId");
                values.put("methodologyId", m);
              });
      q.actor()
          .ifPresent(
              a -> {
                conditions.add("p.developer = :developer");
                values.put("developer", a.value());
              });
      q.organisation()
          .ifPresent(
              o -> {
                conditions.add("p.organisation = :organisation");
                values.put("organisation", o.value());
              });
      q.bbox()
          .ifPresent(
              b -> {
                if (b.isNull()) {
                  // an empty box intersects nothing
                  conditions.add("1 = 0");
                } else {
                  // envelopes intersect unless one lies wholly to a side of the other
                  conditions.add(
                      "p.min_lon <= :east and p.max_lon >= :west"
                          + " and p.min_lat <= :north and p.max_lat >= :south");
                  values.put("west", b.getMinX());
                  values.put("east", b.getMaxX());
                  values.put("south", b.getMinY());
                  values.put("north", b.getMaxY());
                }
              });
      q.submittedFrom()
          .ifPresent(
              f -> {
                conditions.add("p.submitted_at >= :submittedFrom");
                values.put("submittedFrom", utc(f));
              });
      q.submittedBefore()
          .ifPresent(
              b -> {
                conditions.add("p.submitted_at < :submittedBefore");
                values.put("submittedBefore", utc(b));
              });
      return new Filter(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), values);
    }

    <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindTo(T statement) {
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
