package org.ogcr.domain.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.ogcr.domain.id.ProjectId;

class BoundaryProperties {

  static final GeometryFactory GF = new GeometryFactory();

  /** Any JSON value at all, nested a few levels: the geometry stage must never throw. */
  @Provide
  Arbitrary<Object> jsonJunk() {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(-400, 400).map(d -> (Object) d),
            Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 90.0, 180.0, 0.0).map(d -> d),
            Arbitraries.strings().ofMaxLength(3).map(s -> (Object) s),
            Arbitraries.of(true, false).map(b -> (Object) b));
    Arbitrary<Object> position = leaf.list().ofMinSize(0).ofMaxSize(4).map(l -> l);
    Arbitrary<Object> ring = position.list().ofMaxSize(7).map(l -> l);
    Arbitrary<Object> rings = Arbitraries.oneOf(ring, leaf).list().ofMaxSize(3).map(l -> l);
    return Arbitraries.oneOf(
        Arbitraries.of("Polygon", "MultiPolygon", "Point", "GeometryCollection")
            .flatMap(
                type ->
                    Arbitraries.oneOf(rings, rings.list().ofMaxSize(3).map(l -> (Object) l), leaf)
                        .map(coords -> (Object) Map.of("type", type, "coordinates", coords))),
        leaf,
        rings);
  }

  @Property(tries = 2000)
  void givenAnyJsonValue_check_neverThrows_andGivesGeometryIffNoIssue(
      @ForAll("jsonJunk") Object geometry) {
    BoundaryRules.Result result = BoundaryRules.withDefaults().check("/geometry", geometry);
    assertThat(result.geometry().isPresent()).isEqualTo(result.issues().isEmpty());
    result.issues().forEach(i -> assertThat(i.pointer()).startsWith("/geometry"));
  }

  /** Closed rings of random corners: some simple, many crossing themselves or degenerate. */
  @Provide
  Arbitrary<List<List<Double>>> closedRings() {
    Arbitrary<List<Double>> corner =
        Arbitraries.integers()
            .between(0, 4)
            .list()
            .ofSize(2)
            .map(xy -> List.of(xy.get(0) * 0.25, xy.get(1) * 0.25));
    return corner
        .list()
        .ofMinSize(3)
        .ofMaxSize(7)
        .map(
            corners -> {
              List<List<Double>> ring = new ArrayList<>(corners);
              ring.add(corners.get(0));
              return ring;
            });
  }

  @Property(tries = 2000)
  void givenAnyClosedRing_check_neverThrows_andAcceptsOnlyValidPositiveAreas(
      @ForAll("closedRings") List<List<Double>> ring) {
    BoundaryRules.Result result =
        BoundaryRules.withDefaults()
            .check("/geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
    net.jqwik.api.statistics.Statistics.collect(
        result.isValid() ? "valid" : result.issues().get(0).code());
    result
        .geometry()
        .ifPresent(
            g -> {
              assertThat(g.isValid()).isTrue();
              assertThat(g.getArea()).isPositive();
            });
  }

  record Box(int x, int y, int w, int h) {
    Geometry geometry() {
      return GF.toGeometry(new Envelope(x, x + w, y, y + h));
    }
  }

  @Provide
  Arbitrary<Box> boxes() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(1, 6))
        .as(Box::new);
  }

  /** The index agrees with testing every pair: interiors intersect, edges may touch. */
  @Property(tries = 1000)
  void givenRandomBoxes_overlapping_agreesWithBruteForce(
      @ForAll @Size(max = 25) List<@net.jqwik.api.From("boxes") Box> registered,
      @ForAll("boxes") Box candidate) {
    BoundaryIndex index = new BoundaryIndex();
    for (int i = 0; i < registered.size(); i++) {
      index.put(new ProjectId("p" + String.format("%03d", i)), registered.get(i).geometry());
    }
    List<ProjectId> expected = new ArrayList<>();
    for (int i = 0; i < registered.size(); i++) {
      if (registered.get(i).geometry().intersection(candidate.geometry()).getArea() > 0) {
        expected.add(new ProjectId("p" + String.format("%03d", i)));
      }
    }
    assertThat(index.overlapping(candidate.geometry())).isEqualTo(expected);
  }

  @Property(tries = 200)
  void givenRemovedProject_overlapping_forgetsIt(@ForAll @IntRange(min = 1, max = 5) int size) {
    BoundaryIndex index = new BoundaryIndex();
    Geometry box = new Box(0, 0, size, size).geometry();
    index.put(new ProjectId("a"), box);
    assertThat(index.overlapping(box)).containsExactly(new ProjectId("a"));
    index.remove(new ProjectId("a"));
    assertThat(index.overlapping(box)).isEmpty();
    assertThat(index.size()).isZero();
  }
}
