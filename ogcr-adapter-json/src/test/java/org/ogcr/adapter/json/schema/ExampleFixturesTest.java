package org.ogcr.adapter.json.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.ogcr.adapter.json.schema.Examples.Refusal;

/**
 * The examples say what they claim to say: valid projects have valid, mutually disjoint boundaries
 * whose area matches their declared acres; a document refused for a business rule or a schema fault
 * has an otherwise sound boundary, overlapping a valid project only if it is refused for that;
 * reports belong to a valid project. Checked with JTS on a local equirectangular projection in
 * metres, which is exact enough at these sizes (a few km).
 */
class ExampleFixturesTest {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();
  private static final double SQUARE_METRES_PER_ACRE = 4046.8564224;

  private static Map<String, Geometry> validBoundaries() {
    Map<String, Geometry> boundaries = new LinkedHashMap<>();
    for (Path file : Examples.files(Examples.VALID)) {
      if (Examples.documentType(file).equals(SchemaValidator.PDD)) {
        String projectId = Examples.name(file).replace(".pdd.json", "");
        boundaries.put(projectId, geometry(Examples.read(file).get("geometry")));
      }
    }
    return boundaries;
  }

  @Test
  void validProjects_haveValidBoundaries_thatOverlapNoOtherProject() {
    Map<String, Geometry> boundaries = validBoundaries();
    assertThat(boundaries).hasSize(3);
    List<String> ids = List.copyOf(boundaries.keySet());
    for (int i = 0; i < ids.size(); i++) {
      Geometry a = boundaries.get(ids.get(i));
      assertThat(a.isValid()).as(ids.get(i)).isTrue();
      assertThat(a.getArea()).as(ids.get(i)).isPositive();
      for (int j = i + 1; j < ids.size(); j++) {
        assertThat(a.relate(boundaries.get(ids.get(j)), "T********"))
            .as("%s overlaps %s", ids.get(i), ids.get(j))
            .isFalse();
      }
    }
  }

  @Test
  void declaredAcres_matchTheBoundary() {
    for (Path file : Examples.files(Examples.VALID)) {
      JsonNode document = Examples.read(file);
      JsonNode acres = document.at("/properties/earthCredits/verifiedAcres");
      if (!acres.isMissingNode()) {
        double area = squareMetres(document.get("geometry")) / SQUARE_METRES_PER_ACRE;
        assertThat(area).as(Examples.name(file)).isCloseTo(acres.asDouble(), within(12.0));
      }
    }
  }

  @Test
  void reports_belongToAValidProject_andMonitorAnAreaInsideIt() {
    Map<String, Geometry> boundaries = validBoundaries();
    for (Path file : Examples.files(Examples.VALID)) {
      JsonNode document = Examples.read(file);
      if (Examples.documentType(file).equals(SchemaValidator.MRV)) {
        String projectId = document.at("/properties/projectId").asText();
        assertThat(boundaries).as(Examples.name(file)).containsKey(projectId);
        assertThat(Examples.name(file)).startsWith(projectId + "-");
        if (!document.get("geometry").isNull()) {
          assertThat(boundaries.get(projectId).covers(geometry(document.get("geometry"))))
              .as(Examples.name(file))
              .isTrue();
        }
      }
    }
  }

  @Test
  void invalidDocumentWithoutGeometryFault_hasASoundBoundary_overlappingOnlyIfRefusedForIt() {
    Map<String, Geometry> boundaries = validBoundaries();
    int checked = 0;
    boolean sawOverlap = false;
    for (Path file : Examples.invalidDocuments()) {
      Set<Refusal> expected = Examples.expectedErrors(file);
      boolean geometryFault =
          expected.stream()
              .anyMatch(
                  e -> e.code().startsWith("geometry_") || e.pointer().startsWith("/geometry/"));
      JsonNode geometry = Examples.read(file).path("geometry");
      if (geometryFault || geometry.isNull()) {
        continue;
      }
      Geometry boundary = geometry(geometry);
      assertThat(boundary.isValid()).as(Examples.name(file)).isTrue();
      boolean refusedForOverlap =
          expected.contains(new Refusal("/geometry", "boundary_overlaps_project"));
      Set<String> overlapped =
          boundaries.entrySet().stream()
              .filter(e -> e.getValue().relate(boundary, "T********"))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      assertThat(overlapped)
          .as(Examples.name(file))
          .isEqualTo(refusedForOverlap ? Set.of("nulhegan-forest") : Set.of());
      checked++;
      sawOverlap |= refusedForOverlap;
    }
    assertThat(checked).as("documents checked").isPositive();
    assertThat(sawOverlap).as("the overlap example was checked").isTrue();
  }

  @Test
  void bowTie_crossesItself_butHasArea() {
    Geometry bowTie = geometry(invalid("bow-tie.pdd.json").get("geometry"));
    assertThat(bowTie.isValid()).isFalse();
    assertThat(bowTie.getArea()).isPositive();
  }

  @Test
  void zeroArea_isAClosedRingOfFourPositionsOnOneLine() {
    Geometry flat = geometry(invalid("zero-area.pdd.json").get("geometry"));
    assertThat(flat.getCoordinates()).hasSize(4);
    assertThat(flat.getArea()).isZero();
  }

  @Test
  void outOfRangeCoordinates_leaveOtherwiseSimpleRings() {
    for (String name : List.of("latitude-91.pdd.json", "longitude-minus-181.pdd.json")) {
      Geometry polygon = geometry(invalid(name).get("geometry"));
      assertThat(polygon.isValid()).as(name).isTrue();
    }
  }

  private static JsonNode invalid(String name) {
    return Examples.read(
        Examples.invalidDocuments().stream()
            .filter(p -> Examples.name(p).equals(name))
            .findFirst()
            .orElseThrow());
  }

  /** A GeoJSON Polygon or MultiPolygon in degrees of longitude and latitude. */
  private static Geometry geometry(JsonNode geoJson) {
    return geometry(geoJson, new Projection(1, 1));
  }

  /** The area of a GeoJSON Polygon or MultiPolygon, projected around its first position. */
  private static double squareMetres(JsonNode geoJson) {
    JsonNode first = geoJson.get("coordinates");
    while (first.get(0).isArray()) {
      first = first.get(0);
    }
    double lat0 = Math.toRadians(first.get(1).asDouble());
    double metresPerDegreeLat =
        111_132.954 - 559.822 * Math.cos(2 * lat0) + 1.175 * Math.cos(4 * lat0);
    double metresPerDegreeLon = 111_412.84 * Math.cos(lat0) - 93.5 * Math.cos(3 * lat0);
    return geometry(geoJson, new Projection(metresPerDegreeLon, metresPerDegreeLat)).getArea();
  }

  private static Geometry geometry(JsonNode geoJson, Projection projection) {
    String type = geoJson.get("type").asText();
    if (type.equals("Polygon")) {
      return polygon(geoJson.get("coordinates"), projection);
    }
    assertThat(type).isEqualTo("MultiPolygon");
    JsonNode polygons = geoJson.get("coordinates");
    Polygon[] parts = new Polygon[polygons.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = polygon(polygons.get(i), projection);
    }
    return GEOMETRY.createMultiPolygon(parts);
  }

  /** Metres per degree of longitude and of latitude (1 and 1 to stay in degrees). */
  private record Projection(double x, double y) {}

  private static Polygon polygon(JsonNode rings, Projection projection) {
    LinearRing shell = ring(rings.get(0), projection);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), projection);
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions, Projection projection) {
    Coordinate[] coordinates = new Coordinate[positions.size()];
    for (int i = 0; i < coordinates.length; i++) {
      coordinates[i] =
          new Coordinate(
              positions.get(i).get(0).asDouble() * projection.x(),
              positions.get(i).get(1).asDouble() * projection.y());
    }
    return GEOMETRY.createLinearRing(coordinates);
  }
}
