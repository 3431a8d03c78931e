package org.ogcr.adapter.json.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ogcr.adapter.json.schema.Examples;
import org.ogcr.domain.geometry.BoundaryIndex;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.rules.BusinessRules;
import org.ogcr.domain.rules.ProjectFacts;
import org.ogcr.port.out.RegistryView;

/**
 * A registry state built from {@code examples/}: every methodology registered, every valid PDD
 * registered as an active project under its file name, every valid MRV recorded as a report.
 */
final class ExampleRegistry implements RegistryView {

  private MethodologyCatalog methodologies = MethodologyCatalog.empty();
  private final BoundaryIndex boundaries = new BoundaryIndex();
  private final Map<ProjectId, ProjectFacts> projects = new HashMap<>();
  private final Map<ProjectId, List<BusinessRules.ReportPeriod>> reports = new HashMap<>();
  private final Map<ActorId, OrganisationId> directory = new HashMap<>();

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String stem(Path file) {
    String name = Examples.name(file);
    return name.substring(0, name.indexOf('.'));
  }

  static ExampleRegistry load(DocumentValidator validator) {
    ExampleRegistry registry = new ExampleRegistry();
    Examples.read(
            Examples.files("").stream()
                .filter(p -> Examples.name(p).equals("actors.json"))
                .findFirst()
                .orElseThrow())
        .path("actors")
        .forEach(
            a ->
                registry.directory.put(
                    new ActorId(a.path("actorId").asText()),
                    new OrganisationId(a.path("organisationId").asText())));
    for (Path file : Examples.files(Examples.METHODOLOGIES)) {
      DocumentValidator.MethodologyRegistration registration =
          validator.registerMethodology(text(file));
      assertThat(registration.issues()).as(Examples.name(file)).isEmpty();
      registry.methodologies =
          registry.methodologies.with(registration.methodology().orElseThrow());
    }
    List<Path> valid = Examples.files(Examples.VALID);
    for (Path pdd : valid.stream().filter(p -> Examples.name(p).endsWith(".pdd.json")).toList()) {
      DocumentValidation v = validator.validatePdd(text(pdd), Optional.empty(), registry);
      assertThat(v.issues()).as(Examples.name(pdd)).isEmpty();
      ProjectId id = new ProjectId(stem(pdd));
      registry.projects.put(id, DocumentFields.projectFacts(id, v.document().orElseThrow()));
      registry.boundaries.put(id, v.geometry().orElseThrow());
    }
    for (Path mrv : valid.stream().filter(p -> Examples.name(p).endsWith(".mrv.json")).toList()) {
      DocumentValidation v = validator.validateMrv(text(mrv), registry);
      assertThat(v.issues()).as(Examples.name(mrv)).isEmpty();
      registry
          .reports
          .computeIfAbsent(
              DocumentFields.reportProject(v.document().orElseThrow()), p -> new ArrayList<>())
          .add(
              new BusinessRules.ReportPeriod(
                  stem(mrv), DocumentFields.monitoringPeriod(v.document().orElseThrow())));
    }
    return registry;
  }

  @Override
  public MethodologyCatalog methodologies() {
    return methodologies;
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
    return reports.getOrDefault(id, List.of());
  }

  int projectCount() {
    return projects.size();
  }
}
