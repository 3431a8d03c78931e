package org.ogcr.adapter.inmemory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.out.IssuanceStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Issuances in memory, in id order, with a unique index per report, per annual assessment and per
 * issuance code; takes part in its {@link InMemoryUnitOfWork}. An update may not move an issuance
 * onto a report, assessment or code another issuance holds.
 */
public final class InMemoryIssuanceStore implements IssuanceStore {

  private final InMemoryUnitOfWork uow;
  private final Map<String, IssuanceRecord> byId = new TreeMap<>();
  private final Map<ReportId, String> byReport = new HashMap<>();
  private final Map<AnnualAssessment, String> byAssessment = new HashMap<>();
  private final Map<IssuanceCode, String> byCode = new HashMap<>();

  public InMemoryIssuanceStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(IssuanceRecord issuance) {
    Require.nonNull("issuance", issuance);
    uow.locked(
        () -> {
          String key = issuance.id().value();
          if (byId.containsKey(key)) {
            throw StoreConflictException.exists("issuance " + key);
          }
          requireKeysFree(issuance);
          byId.put(key, issuance);
          index(issuance);
          uow.onRollback(
              () -> {
                unindex(issuance);
                byId.remove(key);
              });
        });
  }

  @Override
  public void update(IssuanceRecord issuance) {
    Require.nonNull("issuance", issuance);
    uow.locked(
        () -> {
          String key = issuance.id().value();
          IssuanceRecord stored =
              Versions.requireBefore(
                  "issuance " + key, byId.get(key), issuance.version(), IssuanceRecord::version);
          requireKeysFree(issuance);
          unindex(stored);
          byId.put(key, issuance);
          index(issuance);
          uow.onRollback(
              () -> {
                unindex(issuance);
                byId.put(key, stored);
                index(stored);
              });
        });
  }

  /** Refuses a report, assessment or code that an issuance other than this one holds. */
  private void requireKeysFree(IssuanceRecord issuance) {
    String self = issuance.id().value();
    requireFree(byReport, issuance.report(), self, "an issuance of report " + issuance.report());
    issuance
        .assessment()
        .ifPresent(
            a ->
                requireFree(
                    byAssessment,
                    a,
                    self,
                    "an issuance of the "
                        + a.assessmentYear()
                        + " annual assessment of property "
                        + a.propertyCode()));
    requireFree(byCode, issuance.code(), self, "an issuance coded " + issuance.code());
  }

  private static <K> void requireFree(Map<K, String> index, K key, String self, String what) {
    String holder = index.get(key);
    if (holder != null && !holder.equals(self)) {
      throw StoreConflictException.exists(what + " (" + holder + ")");
    }
  }

  private void index(IssuanceRecord issuance) {
    String key = issuance.id().value();
    byReport.put(issuance.report(), key);
    issuance.assessment().ifPresent(a -> byAssessment.put(a, key));
    byCode.put(issuance.code(), key);
  }

  private void unindex(IssuanceRecord issuance) {
    byReport.remove(issuance.report());
    issuance.assessment().ifPresent(byAssessment::remove);
    byCode.remove(issuance.code());
  }

  @Override
  public Optional<IssuanceRecord> find(IssuanceId id) {
    Require.nonNull("id", id);
    return uow.locked(() -> Optional.ofNullable(byId.get(id.value())));
  }

  @Override
  public Optional<IssuanceRecord> findByReport(ReportId report) {
    Require.nonNull("report", report);
    return uow.locked(() -> Optional.ofNullable(byReport.get(report)).map(byId::get));
  }

  @Override
  public Optional<IssuanceRecord> findByAssessment(AnnualAssessment assessment) {
    Require.nonNull("assessment", assessment);
    return uow.locked(() -> Optional.ofNullable(byAssessment.get(assessment)).map(byId::get));
  }

  /** Issuances of a project, or of every project, of one vintage year of their code when given. */
  @Override
  public List<IssuanceRecord> list(Optional<ProjectId> project, Optional<Integer> vintageYear) {
    Require.nonNull("project", project);
    Require.nonNull("vintageYear", vintageYear);
    return uow.locked(
        () ->
            byId.values().stream()
                .filter(i -> project.map(p -> p.equals(i.project())).orElse(true))
                .filter(i -> vintageYear.map(y -> y == i.code().vintageYear()).orElse(true))
                .toList());
  }
}
