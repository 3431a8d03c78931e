package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.document.DocumentRejectedException;
import org.ogcr.domain.geometry.BoundaryIndex;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.rules.BusinessRules;
import org.ogcr.domain.rules.ProjectFacts;
import org.ogcr.port.model.ProjectDocument;
import org.ogcr.port.model.ReportDocument;

/**
 * What every {@link DocumentReader} must do with the example documents of {@code examples/}; an
 * adapter's test extends it with a fresh reader.
 */
public abstract class DocumentReaderContract {

  /** A reader that knows no methodology yet. */
  protected abstract DocumentReader freshReader();

  DocumentReader reader;
  View view;

  /** A registry state the test controls. */
  static final class View implements RegistryView {
    MethodologyCatalog catalog = MethodologyCatalog.empty();
    final BoundaryIndex boundaries = new BoundaryIndex();
    final Map<ProjectId, ProjectFacts> projects = new HashMap<>();
    final Map<ActorId, OrganisationId> directory = new HashMap<>();
    final List<BusinessRules.ReportPeriod> periods = new ArrayList<>();

    @Override
    public MethodologyCatalog methodologies() {
      return catalog;
    }

    @Override
    public BoundaryIndex activeBoundaries() {
      return boundaries;
    }

    @Override
    public Optional<ProjectFacts> project(ProjectId id) {
      return Optional.ofNullable(projects.get(id));
    }

    @Override
    public Optional<OrganisationId> organisationOf(ActorId actor) {
      return Optional.ofNullable(directory.get(actor));
    }

    @Override
    public List<BusinessRules.ReportPeriod> reportPeriods(ProjectId id) {
      return periods;
    }
  }

  static String example(String path) {
    try (InputStream in =
        DocumentReaderContract.class.getResourceAsStream("/org/ogcr/port/examples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String PDD = "documents/valid/nulhegan-forest.pdd.json";
  static final String MRV = "documents/valid/nulhegan-forest-2026.mrv.json";

  @BeforeEach
  void freshState() {
    reader = freshReader();
    view = new View();
    Methodology ec = reader.readMethodology(example("methodologies/ec-m-1.1.0.json"));
    view.catalog = view.catalog.with(ec);
    view.directory.put(new ActorId("ver-bob"), new OrganisationId("vermont-verifiers"));
  }

  @Test
  void aMethodologyDocumentIsReadWithItsParameters() {
    Methodology ec = view.catalog.find(MethodologyRef.parse("EC-M@1.1.0")).orElseThrow();

    assertThat(ec.isApproved()).isTrue();
    assertThat(ec.parameters().bufferRates().rateFor(RiskTier.MODERATE).fraction())
        .isEqualByComparingTo("0.08");
    assertThat(ec.parameters().z()).isEqualByComparingTo("1.645");
  }

  @Test
  void aMalformedDocumentIsRefusedWithEveryIssueAndNothingIsRead() {
    assertThatThrownBy(() -> reader.readProject("{\"type\":", Optional.empty(), view))
        .isInstanceOfSatisfying(
            DocumentRejectedException.class,
            e ->
                assertThat(e.issues()).extracting(i -> i.code()).containsExactly("json_malformed"));
    assertThatThrownBy(() -> reader.readMethodology("[]"))
        .isInstanceOf(DocumentRejectedException.class);
  }

  @Test
  void aPddIsReadIntoWhatTheRegistryRecords() {
    ProjectDocument d = reader.readProject(example(PDD), Optional.empty(), view);

    assertThat(d.name()).isEqualTo("Nulhegan Basin conservation easement");
    assertThat(d.projectType()).isEqualTo("forest_conservation");
    assertThat(d.developer()).isEqualTo(new ActorId("dev-alice"));
    assertThat(d.organisation()).isEqualTo(new OrganisationId("northwoods-trust"));
    assertThat(d.methodology()).isEqualTo(MethodologyRef.parse("EC-M@1.1.0"));
    assertThat(d.creditingPeriod())
        .isEqualTo(
            new MonitoringPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2036-01-01")));
    assertThat(d.boundary().isValid()).isTrue();
    assertThat(d.property())
        .hasValueSatisfying(
            p -> {
              assertThat(p.propertyCode()).isEqualTo("NULHEGAN");
              assertThat(p.verifiedAcres()).isEqualByComparingTo("1200");
              assertThat(p.riskTier()).isEqualTo(RiskTier.MODERATE);
              assertThat(p.threatMultiplier()).isEqualByComparingTo("0.55");
            });
    // the identity is the document's, not its bytes': whitespace does not change it
    assertThat(reader.readProject("  " + example(PDD) + "\n", Optional.empty(), view).hash())
        .isEqualTo(d.hash());
  }

  @Test
  void aPddOverlappingAnActiveProjectIsRefusedAtTheGeometry() {
    ProjectDocument d = reader.readProject(example(PDD), Optional.empty(), view);
    view.boundaries.put(new ProjectId("neighbour"), d.boundary());

    assertThatThrownBy(() -> reader.readProject(example(PDD), Optional.empty(), view))
        .isInstanceOfSatisfying(
            DocumentRejectedException.class,
            e -> assertThat(e.issues()).extracting(i -> i.pointer()).contains("/geometry"));
    // a new version of the same project does not overlap itself
    view.boundaries.put(new ProjectId("nulhegan-forest"), d.boundary());
    view.boundaries.remove(new ProjectId("neighbour"));
    assertThat(
            reader
                .readProject(example(PDD), Optional.of(new ProjectId("nulhegan-forest")), view)
                .hash())
        .isEqualTo(d.hash());
  }

  @Test
  void anMrvIsReadWithItsQuantitiesExactly() {
    ProjectDocument pdd = reader.readProject(example(PDD), Optional.empty(), view);
    ProjectId id = new ProjectId("nulhegan-forest");
    view.projects.put(
        id, new ProjectFacts(id, pdd.methodology(), pdd.creditingPeriod(), pdd.organisation()));

    ReportDocument d = reader.readReport(example(MRV), view);

    assertThat(d.project()).isEqualTo(id);
    assertThat(d.period())
        .isEqualTo(
            new MonitoringPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01")));
    assertThat(d.netRemoval().tonnes()).isEqualByComparingTo(new BigDecimal("429"));
    assertThat(d.eci())
        .hasValueSatisfying(
            e -> {
              assertThat(e.mean()).isEqualByComparingTo("0.74");
              assertThat(e.standardError()).isEqualByComparingTo("0.0547");
            });
  }

  @Test
  void anMrvOfAnUnknownProjectOrAnOverlappingPeriodIsRefused() {
    assertThatThrownBy(() -> reader.readReport(example(MRV), view))
        .isInstanceOf(DocumentRejectedException.class);
    ProjectDocument pdd = reader.readProject(example(PDD), Optional.empty(), view);
    ProjectId id = new ProjectId("nulhegan-forest");
    view.projects.put(
        id, new ProjectFacts(id, pdd.methodology(), pdd.creditingPeriod(), pdd.organisation()));
    view.periods.add(
        new BusinessRules.ReportPeriod(
            "earlier",
            new MonitoringPeriod(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-09-01"))));

    assertThatThrownBy(() -> reader.readReport(example(MRV), view))
        .isInstanceOf(DocumentRejectedException.class);
  }

  @Test
  void onlyAContactsChangeIsMetadata() {
    String pdd = example(PDD);
    String contacts = pdd.replace("Tom Beaulieu", "Thomas Beaulieu");
    String renamed = pdd.replace("Nulhegan Basin conservation easement", "Nulhegan Basin easement");
    assertThat(contacts).isNotEqualTo(pdd);
    assertThat(renamed).isNotEqualTo(pdd);

    assertThat(reader.changeScope(pdd, contacts)).isEqualTo(PddHistory.ChangeScope.METADATA_ONLY);
    assertThat(reader.changeScope(pdd, renamed)).isEqualTo(PddHistory.ChangeScope.CONTENT);
  }
}
