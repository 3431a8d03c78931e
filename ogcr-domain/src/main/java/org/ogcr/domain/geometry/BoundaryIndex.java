package org.ogcr.domain.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;

/**
 * The boundaries of active projects, in a spatial index (a quadtree of bounding boxes) so that the
 * overlap check stays fast with 100,000 projects: a query touches only the boxes that intersect the
 * candidate's, then tests those exactly. Not thread-safe; an adapter guards it or rebuilds it.
 */
public final class BoundaryIndex {

  private record Entry(ProjectId project, Geometry boundary, PreparedGeometry prepared) {}

  private final Quadtree tree = new Quadtree();
  private final Map<ProjectId, Entry> byProject = new HashMap<>();

  /** Adds or replaces the boundary of an active project. */
  public void put(ProjectId project, Geometry boundary) {
    Require.nonNull("project", project);
    Require.nonNull("boundary", boundary);
    remove(project);
    Entry entry = new Entry(project, boundary, PreparedGeometryFactory.prepare(boundary));
    tree.insert(boundary.getEnvelopeInternal(), entry);
    byProject.put(project, entry);
  }

  /** Forgets a project that is no longer active (rejected or archived). */
  public void remove(ProjectId project) {
    Entry old = byProject.remove(project);
    if (old != null) {
      tree.remove(old.boundary().getEnvelopeInternal(), old);
    }
  }

  public int size() {
    return byProject.size();
  }

  /**
   * Active projects whose boundary shares interior area with {@code boundary}, in id order.
   * Touching edges or corners is not an overlap: neighbouring properties share fences.
   */
  public List<ProjectId> overlapping(Geometry boundary) {
    Require.nonNull("boundary", boundary);
    List<ProjectId> found = new ArrayList<>();
    for (Object candidate : tree.query(boundary.getEnvelopeInternal())) {
      Entry entry = (Entry) candidate;
      // the prepared test rejects most candidates cheaply; the DE-9IM pattern keeps only those
      // whose interiors intersect
      if (entry.prepared().intersects(boundary) && entry.boundary().relate(boundary, "T********")) {
        found.add(entry.project());
      }
    }
    found.sort((a, b) -> a.value().compareTo(b.value()));
    return found;
  }
}
