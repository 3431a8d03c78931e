package org.ogcr.domain.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ogcr.domain.document.ValidationIssue;

class BoundaryRulesTest {

  static final BoundaryRules RULES = BoundaryRules.withDefaults();

  static List<Object> pos(Object lon, Object lat) {
    List<Object> p = new ArrayList<>();
    p.add(lon);
    p.add(lat);
    return p;
  }

  /** A square ring around (lon, lat) of the given size in degrees. */
  static List<Object> square(double lon, double lat, double size) {
    return List.of(
        pos(lon, lat),
        pos(lon + size, lat),
        pos(lon + size, lat + size),
        pos(lon, lat + size),
        pos(lon, lat));
  }

  static Map<String, Object> polygon(Object... rings) {
    return Map.of("type", "Polygon", "coordinates", List.of(rings));
  }

  @Test
  void givenNulheganSquare_check_returnsThePolygon() {
    BoundaryRules.Result result = RULES.check("/geometry", polygon(square(-71.8, 44.8, 0.06)));
    assertThat(result.issues()).isEmpty();
    assertThat(result.geometry()).hasValueSatisfying(g -> assertThat(g.getArea()).isPositive());
  }

  @Test
  void givenPolygonWithHoleAndTwoPartMultiPolygon_check_acceptsBoth() {
    assertThat(RULES.check("/geometry", polygon(square(0, 0, 10), square(2, 2, 1))).isValid())
        .isTrue();
    assertThat(
            RULES
                .check(
                    "/geometry",
                    Map.of(
                        "type",
                        "MultiPolygon",
                        "coordinates",
                        List.of(List.of(square(0, 0, 1)), List.of(square(5, 5, 1)))))
                .isValid())
        .isTrue();
  }

  static Stream<Arguments> malformed() {
    List<Object> unclosed = new ArrayList<>(square(0, 0, 1));
    unclosed.set(4, pos(0.5, 0));
    List<Object> bowTie = List.of(pos(0, 0), pos(1, 1), pos(1, 0), pos(0, 1), pos(0, 0));
    List<Object> flat = List.of(pos(0, 0), pos(1, 0), pos(2, 0), pos(0, 0));
    List<Object> million = new ArrayList<>(1_000_001);
    for (int i = 0; i < 1_000_000; i++) {
      million.add(pos(Math.cos(i * 1e-6), Math.sin(i * 1e-6)));
    }
    million.add(million.get(0));
    return Stream.of(
        Arguments.of(
            "unclosed ring",
            polygon(unclosed),
            "/geometry/coordinates/0",
            "geometry_ring_not_closed"),
        Arguments.of(
            "latitude 91",
            polygon(List.of(pos(0, 0), pos(1, 0), pos(1, 91), pos(0, 0))),
            "/geometry/coordinates/0/2/1",
            "geometry_latitude_range"),
        Arguments.of(
            "longitude -181",
            polygon(List.of(pos(-181, 0), pos(1, 0), pos(1, 1), pos(-181, 0))),
            "/geometry/coordinates/0/0/0",
            "geometry_longitude_range"),
        Arguments.of(
            "NaN",
            polygon(List.of(pos(0, 0), pos(1, Double.NaN), pos(1, 1), pos(0, 0))),
            "/geometry/coordinates/0/1/1",
            "geometry_not_finite"),
        Arguments.of(
            "huge number",
            polygon(List.of(pos(0, 0), pos(new BigDecimal("1e400"), 0), pos(1, 1), pos(0, 0))),
            "/geometry/coordinates/0/1/0",
            "geometry_not_finite"),
        Arguments.of(
            "a million vertices",
            polygon(million),
            "/geometry/coordinates/0",
            "geometry_too_many_vertices"),
        Arguments.of(
            "nested GeometryCollection",
            Map.of(
                "type",
                "GeometryCollection",
                "geometries",
                List.of(Map.of("type", "GeometryCollection", "geometries", List.of()))),
            "/geometry",
            "geometry_type"),
        Arguments.of(
            "a Point",
            Map.of("type", "Point", "coordinates", pos(0, 0)),
            "/geometry",
            "geometry_type"),
        Arguments.of(
            "geometry is a string", "POLYGON((0 0, 1 0, 1 1, 0 0))", "/geometry", "geometry_type"),
        Arguments.of(
            "coordinates of strings",
            polygon(List.of(pos("0", "0"), pos(1, 0), pos(1, 1), pos(0, 0))),
            "/geometry/coordinates/0/0/0",
            "geometry_structure"),
        Arguments.of(
            "coordinates missing",
            Map.of("type", "Polygon"),
            "/geometry/coordinates",
            "geometry_structure"),
        Arguments.of(
            "ring of three positions",
            polygon(List.of(pos(0, 0), pos(1, 0), pos(0, 0))),
            "/geometry/coordinates/0",
            "geometry_ring_too_short"),
        Arguments.of(
            "position of one number",
            polygon(List.of(List.of(0), pos(1, 0), pos(1, 1), pos(0, 0))),
            "/geometry/coordinates/0/0",
            "geometry_position"),
        Arguments.of("bow-tie", polygon(bowTie), "/geometry/coordinates/0", "geometry_invalid"),
        Arguments.of("zero area", polygon(flat), "/geometry/coordinates/0", "geometry_zero_area"),
        Arguments.of(
            "hole outside its shell",
            polygon(square(0, 0, 1), square(5, 5, 1)),
            "/geometry/coordinates",
            "geometry_invalid"),
        Arguments.of(
            "overlapping parts",
            Map.of(
                "type",
                "MultiPolygon",
                "coordinates",
                List.of(List.of(square(0, 0, 2)), List.of(square(1, 1, 2)))),
            "/geometry/coordinates",
            "geometry_invalid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void givenMalformedGeometry_check_reportsCodeAtPointer_withoutThrowing(
      String what, Object geometry, String pointer, String code) {
    BoundaryRules.Result result = RULES.check("/geometry", geometry);
    assertThat(result.geometry()).isEmpty();
    assertThat(result.issues())
        .extracting(ValidationIssue::pointer, ValidationIssue::code)
        .contains(org.assertj.core.groups.Tuple.tuple(pointer, code));
    assertThat(result.issues()).allSatisfy(i -> assertThat(i.fix()).isNotBlank());
  }

  @Test
  void givenSeveralBadPositions_check_reportsEveryOneAtOnce() {
    BoundaryRules.Result result =
        RULES.check(
            "/geometry", polygon(List.of(pos(200, 0), pos(1, -95), pos(1, 1), pos(200, 0))));
    assertThat(result.issues())
        .extracting(ValidationIssue::pointer)
        .containsExactly(
            "/geometry/coordinates/0/0/0",
            "/geometry/coordinates/0/1/1",
            "/geometry/coordinates/0/3/0");
  }

  @Test
  void givenLowVertexLimit_check_refusesLargerBoundaries() {
    BoundaryRules.Result result = new BoundaryRules(4).check("/geometry", polygon(square(0, 0, 1)));
    assertThat(result.issues())
        .extracting(ValidationIssue::code)
        .containsExactly("geometry_too_many_vertices");
  }
}
