package org.ogcr.adapter.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.StatementException;
import org.ogcr.adapter.json.StrictJson;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.out.PropertyFileStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * The compliance file of each Earth Credits property in table {@code property_files}, one row per
 * stored project. The treasury template is kept as a JSON object whose percentages are decimal
 * strings ({@code {"beneficiaries":[{"name":"…","share":"12.5"}],"stewardshipReserve":"10",
 * "protocolFee":"1.5"}}), the recused officers as a JSON array of actor ids in sorted order. Saving
 * version 1 when a file is stored is refused with {@code already_exists}; saving a later version
 * that does not follow the stored one, or with none stored, with {@code concurrent_update}.
 */
public final class JdbcPropertyFileStore implements PropertyFileStore {

  /** SQLSTATE of a foreign key violation on PostgreSQL. */
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  /** SQLSTATE of a missing parent row on H2. */
  private static final String H2_PARENT_MISSING = "23506";

  private final JdbcUnitOfWork uow;

  public JdbcPropertyFileStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void save(PropertyFile file) {
    Require.nonNull("file", file);
    String what = "the property file of project " + file.project().value();
    String treasury = treasuryJson(file.treasury());
    String recused = recusedJson(file.recusedOfficers());
    // under a savepoint when in a transaction: a refused save leaves the caller's work usable
    uow.transact(
        () ->
            uow.withHandle(
                h -> {
                  if (file.version() == 1) {
                    try {
                      return h.createUpdate(
                              "insert into property_files (project_id, registered_record_hash,"
                                  + " wrapper_entity_operational, open_compliance_issues,"
                                  + " treasury, recused_officers, updated_at, version) values"
                                  + " (:project, :registered, :wrapper, :issues, :treasury,"
                                  + " :recused, :updatedAt, :version)")
                          .bind("project", file.project().value())
                          .bind("registered", file.registeredRecordHash().hex())
                          .bind("wrapper", file.wrapperEntityOperational())
                          .bind("issues", file.openComplianceIssues())
                          .bind("treasury", treasury)
                          .bind("recused", recused)
                          .bind(
                              "updatedAt", Sql.at(file.updatedAt().truncatedTo(ChronoUnit.MICROS)))
                          .bind("version", file.version())
                          .execute();
                    } catch (StatementException e) {
                      if (Sql.hasState(e, Sql.UNIQUE_VIOLATION)) {
                        StoreConflictException conflict = StoreConflictException.exists(what);
                        conflict.initCause(e);
                        throw conflict;
                      }
                      if (Sql.hasState(e, FOREIGN_KEY_VIOLATION)
                          || Sql.hasState(e, H2_PARENT_MISSING)) {
                        throw new IllegalStateException(
                            what + " names a project that is not stored; store the project first",
                            e);
                      }
                      throw e;
                    }
                  }
                  long expected = file.version() - 1;
                  int changed =
                      h.createUpdate(
                              "update property_files set registered_record_hash = :registered,"
                                  + " wrapper_entity_operational = :wrapper,"
                                  + " open_compliance_issues = :issues, treasury = :treasury,"
                                  + " recused_officers = :recused, updated_at = :updatedAt,"
                                  + " version = :version"
                                  + " where project_id = :project and version = :expected")
                          .bind("project", file.project().value())
                          .bind("registered", file.registeredRecordHash().hex())
                          .bind("wrapper", file.wrapperEntityOperational())
                          .bind("issues", file.openComplianceIssues())
                          .bind("treasury", treasury)
                          .bind("recused", recused)
                          .bind(
                              "updatedAt", Sql.at(file.updatedAt().truncatedTo(ChronoUnit.MICROS)))
                          .bind("version", file.version())
                          .bind("expected", expected)
                          .execute();
                  if (changed == 0) {
                    boolean stored =
                        h.createQuery("select 1 from property_files where project_id = :project")
                            .bind("project", file.project().value())
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
                  return changed;
                }));
  }

  @Override
  public Optional<PropertyFile> find(ProjectId project) {
    Require.nonNull("project", project);
    return uow.withHandle(
        h ->
            h.createQuery(
                    "select project_id, registered_record_hash, wrapper_entity_operational,"
                        + " open_compliance_issues, treasury, recused_officers, updated_at,"
                        + " version from property_files where project_id = :project")
                .bind("project", project.value())
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  private static PropertyFile read(ResultSet rs) throws SQLException {
    String project = rs.getString("project_id");
    return new PropertyFile(
        new ProjectId(project),
        new DocumentHash(rs.getString("registered_record_hash")),
        rs.getBoolean("wrapper_entity_operational"),
        rs.getInt("open_compliance_issues"),
        treasury(project, rs.getString("treasury")),
        recused(project, rs.getString("recused_officers")),
        Sql.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  // ----- JSON

  private static String treasuryJson(TreasuryTemplate t) {
    ObjectNode root = StrictJson.MAPPER.createObjectNode();
    ArrayNode beneficiaries = root.putArray("beneficiaries");
    for (Beneficiary b : t.beneficiaries()) {
      beneficiaries.addObject().put("name", b.name()).put("share", text(b.share()));
    }
    root.put("stewardshipReserve", text(t.stewardshipReserve()));
    root.put("protocolFee", text(t.protocolFee()));
    return write(root);
  }

  private static String recusedJson(Set<ActorId> officers) {
    ArrayNode array = StrictJson.MAPPER.createArrayNode();
    officers.stream().map(ActorId::value).sorted().forEach(array::add);
    return write(array);
  }

  private static TreasuryTemplate treasury(String project, String json) {
    JsonNode root = parse(project, "treasury", json);
    List<Beneficiary> beneficiaries = new ArrayList<>();
    for (JsonNode b : required(project, "treasury", root, "beneficiaries")) {
      beneficiaries.add(
          new Beneficiary(
              required(project, "treasury", b, "name").asText(),
              percent(project, required(project, "treasury", b, "share"))));
    }
    return new TreasuryTemplate(
        beneficiaries,
        percent(project, required(project, "treasury", root, "stewardshipReserve")),
        percent(project, required(project, "treasury", root, "protocolFee")));
  }

  private static Set<ActorId> recused(String project, String json) {
    JsonNode root = parse(project, "recused_officers", json);
    if (!root.isArray()) {
      throw corrupt(project, "recused_officers", "is not a JSON array");
    }
    Set<ActorId> officers = new HashSet<>();
    root.forEach(o -> officers.add(new ActorId(o.asText())));
    return officers;
  }

  private static String text(Percent p) {
    return p.value().toPlainString();
  }

  private static Percent percent(String project, JsonNode node) {
    try {
      if (node.isTextual()) {
        return new Percent(new BigDecimal(node.asText()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw corrupt(project, "treasury", "holds a percentage that is not a decimal string: " + node);
  }

  private static JsonNode required(String project, String column, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw corrupt(project, column, "lacks " + field);
    }
    return value;
  }

  private static String write(JsonNode node) {
    try {
      return StrictJson.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // a tree of strings and arrays always serialises
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String project, String column, String json) {
    try {
      return StrictJson.read(json);
    } catch (StrictJson.MalformedJsonException e) {
      throw corrupt(project, column, "is not JSON: " + e.getMessage());
    }
  }

  private static IllegalStateException corrupt(String project, String column, String problem) {
    return new IllegalStateException(
        "the stored " + column + " of the property file of project " + project + " " + problem);
  }
}
