package org.ogcr.domain.geometry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.document.ValidationIssue;

/**
 * The geometry stage of validation (OGCR 3.1, 4.4): a project boundary is a GeoJSON Polygon or
 * MultiPolygon (RFC 7946) in WGS84 longitude/latitude, with closed rings of at least four
 * positions, finite coordinates within range, no self-intersection, a positive area and at most a
 * registry-set number of vertices.
 *
 * <p>Input is the geometry as plain JSON values ({@code Map}, {@code List}, {@code Number}, {@code
 * String}, {@code Boolean}, {@code null}), as any JSON library produces them, so every malformed
 * shape is reported as an issue: nothing here throws on bad input.
 */
public final class BoundaryRules {

  /** The default limit on positions in one boundary. */
  public static final int DEFAULT_MAX_VERTICES = 100_000;

  private static final GeometryFactory WGS84 =
      new GeometryFactory(new PrecisionModel(PrecisionModel.FLOATING), 4326);

  private final int maxVertices;

  public BoundaryRules(int maxVertices) {
    this.maxVertices = Require.between("maxVertices", maxVertices, 4, 10_000_000);
  }

  public static BoundaryRules withDefaults() {
    return new BoundaryRules(DEFAULT_MAX_VERTICES);
  }

  /** The outcome: a JTS geometry when, and only when, there is no issue. */
  public record Result(Optional<Geometry> geometry, List<ValidationIssue> issues) {
    public Result {
      issues = List.copyOf(issues);
      if (geometry.isPresent() != issues.isEmpty()) {
        throw new IllegalArgumentException("a geometry exactly when there is no issue");
      }
    }

    public boolean isValid() {
      return issues.isEmpty();
    }
  }

  /**
   * @param pointer where the geometry sits in its document, usually {@code /geometry}
   * @param geometry the GeoJSON geometry object as plain JSON values
   */
  public Result check(String pointer, Object geometry) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (!(geometry instanceof Map)) {
      issues.add(
          issue(
              pointer,
              "geometry_type",
              "the boundary must be a GeoJSON geometry object; was " + describe(geometry),
              "give a Polygon or MultiPolygon geometry object"));
      return new Result(Optional.empty(), issues);
    }
    Map<?, ?> object = (Map<?, ?>) geometry;
    Object type = object.get("type");
    Object coordinates = object.get("coordinates");
    String coords = ValidationIssue.child(pointer, "coordinates");
    List<List<List<Coordinate>>> polygons = new ArrayList<>();
    if ("Polygon".equals(type)) {
      readPolygon(coords, coordinates, issues).ifPresent(polygons::add);
    } else if ("MultiPolygon".equals(type)) {
      if (!(coordinates instanceof List) || ((List<?>) coordinates).isEmpty()) {
        issues.add(structure(coords, "a MultiPolygon's coordinates must be a non-empty array"));
      } else {
        List<?> parts = (List<?>) coordinates;
        for (int i = 0; i < parts.size(); i++) {
          readPolygon(ValidationIssue.child(coords, i), parts.get(i), issues)
              .ifPresent(polygons::add);
        }
      }
    } else {
      issues.add(
          issue(
              pointer,
              "geometry_type",
              "a project boundary must be a Polygon or MultiPolygon; was " + describe(type),
              "describe the boundary as a Polygon, or a MultiPolygon for several parcels"));
    }
    if (!issues.isEmpty()) {
      return new Result(Optional.empty(), issues);
    }
    long vertices = polygons.stream().flatMap(List::stream).mapToLong(List::size).sum();
    if (vertices > maxVertices) {
      issues.add(
          issue(
              coords,
              "geometry_too_many_vertices",
              "the boundary has " + vertices + " positions; the limit is " + maxVertices,
              "simplify the boundary to at most " + maxVertices + " positions"));
      return new Result(Optional.empty(), issues);
    }
    return build(pointer, "MultiPolygon".equals(type), polygons);
  }

  private Optional<List<List<Coordinate>>> readPolygon(
      String pointer, Object value, List<ValidationIssue> issues) {
    if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
      issues.add(structure(pointer, "a polygon must be a non-empty array of linear rings"));
      return Optional.empty();
    }
    List<?> rings = (List<?>) value;
    List<List<Coordinate>> result = new ArrayList<>(rings.size());
    int before = issues.size();
    for (int r = 0; r < rings.size(); r++) {
      String ringPointer = ValidationIssue.child(pointer, r);
      readRing(ringPointer, rings.get(r), issues).ifPresent(result::add);
    }
    return issues.size() == before ? Optional.of(result) : Optional.empty();
  }

  private Optional<List<Coordinate>> readRing(
      String pointer, Object value, List<ValidationIssue> issues) {
    if (!(value instanceof List)) {
      issues.add(structure(pointer, "a linear ring must be an array of positions"));
      return Optional.empty();
    }
    List<?> positions = (List<?>) value;
    if (positions.size() > maxVertices) {
      // refuse before reading millions of positions one by one
      issues.add(
          issue(
              pointer,
              "geometry_too_many_vertices",
              "the ring has " + positions.size() + " positions; the limit is " + maxVertices,
              "simplify the boundary to at most " + maxVertices + " positions"));
      return Optional.empty();
    }
    int before = issues.size();
    List<Coordinate> ring = new ArrayList<>(positions.size());
    for (int p = 0; p < positions.size(); p++) {
      readPosition(ValidationIssue.child(pointer, p), positions.get(p), issues)
          .ifPresent(ring::add);
    }
    if (issues.size() > before) {
      return Optional.empty();
    }
    if (ring.size() < 4) {
      issues.add(
          issue(
              pointer,
              "geometry_ring_too_short",
              "a linear ring needs at least 4 positions; this one has " + ring.size(),
              "close the ring with at least three distinct corners and the first position"
                  + " repeated at the end"));
      return Optional.empty();
    }
    if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
      issues.add(
          issue(
              pointer,
              "geometry_ring_not_closed",
              "the ring starts at "
                  + text(ring.get(0))
                  + " but ends at "
                  + text(ring.get(ring.size() - 1)),
              "repeat the first position as the last one"));
      return Optional.empty();
    }
    return Optional.of(ring);
  }

  private Optional<Coordinate> readPosition(
      String pointer, Object value, List<ValidationIssue> issues) {
    if (!(value instanceof List)) {
      issues.add(structure(pointer, "a position must be an array of numbers"));
      return Optional.empty();
    }
    List<?> numbers = (List<?>) value;
    if (numbers.size() < 2 || numbers.size() > 3) {
      issues.add(
          issue(
              pointer,
              "geometry_position",
              "a position has 2 or 3 numbers (longitude, latitude[, altitude]); this one has "
                  + numbers.size(),
              "write each position as [longitude, latitude]"));
      return Optional.empty();
    }
    double[] xyz = new double[numbers.size()];
    int before = issues.size();
    for (int i = 0; i < numbers.size(); i++) {
      String at = ValidationIssue.child(pointer, i);
      Object n = numbers.get(i);
      if (!(n instanceof Number)) {
        issues.add(structure(at, "a coordinate must be a number; was " + describe(n)));
        continue;
      }
      double d = toDouble((Number) n);
      if (!Double.isFinite(d)) {
        issues.add(
            issue(
                at,
                "geometry_not_finite",
                "a coordinate must be a finite number; was " + n,
                "give the coordinate in decimal degrees"));
        continue;
      }
      xyz[i] = d;
      if (i == 0 && (d < -180 || d > 180)) {
        issues.add(
            issue(
                at,
                "geometry_longitude_range",
                "longitude must be between -180 and 180; was " + n,
                "give WGS84 longitude first, in decimal degrees (RFC 7946: [longitude,"
                    + " latitude])"));
      } else if (i == 1 && (d < -90 || d > 90)) {
        issues.add(
            issue(
                at,
                "geometry_latitude_range",
                "latitude must be between -90 and 90; was " + n,
                "give WGS84 latitude second, in decimal degrees (RFC 7946: [longitude,"
                    + " latitude])"));
      }
    }
    if (issues.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Coordinate(xyz[0], xyz[1]));
  }

  private Result build(String pointer, boolean multi, List<List<List<Coordinate>>> polygons) {
    List<ValidationIssue> issues = new ArrayList<>();
    Polygon[] built = new Polygon[polygons.size()];
    String coords = ValidationIssue.child(pointer, "coordinates");
    for (int i = 0; i < polygons.size(); i++) {
      String polygonPointer = multi ? ValidationIssue.child(coords, i) : coords;
      List<List<Coordinate>> rings = polygons.get(i);
      LinearRing[] linear = new LinearRing[rings.size()];
      int before = issues.size();
      // each ring on its own first, so a fault points at the ring that has it
      for (int r = 0; r < rings.size(); r++) {
        linear[r] = ring(rings.get(r));
        String ringPointer = ValidationIssue.child(polygonPointer, r);
        if (!(linear[r].convexHull().getArea() > 0)) {
          // collinear positions are also "self-intersecting" to JTS; the useful diagnosis is
          // that they enclose no area (a bow-tie, whose signed area may be 0, has a real hull)
          issues.add(zeroArea(ringPointer));
        } else {
          validity(ringPointer, linear[r]).ifPresent(issues::add);
        }
      }
      if (issues.size() > before) {
        continue;
      }
      built[i] = WGS84.createPolygon(linear[0], Arrays.copyOfRange(linear, 1, linear.length));
      // then the rings together: a hole outside its shell, rings that cross
      validity(polygonPointer, built[i]).ifPresent(issues::add);
    }
    if (!issues.isEmpty()) {
      return new Result(Optional.empty(), issues);
    }
    Geometry geometry = multi ? WGS84.createMultiPolygon(built) : built[0];
    if (multi) {
      // parts that are valid alone may still overlap one another
      validity(coords, geometry).ifPresent(issues::add);
    }
    return issues.isEmpty()
        ? new Result(Optional.of(geometry), issues)
        : new Result(Optional.empty(), issues);
  }

  private static Optional<ValidationIssue> validity(String pointer, Geometry geometry) {
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error == null) {
      return Optional.empty();
    }
    if (error.getErrorType() == TopologyValidationError.TOO_FEW_POINTS) {
      return Optional.of(zeroArea(pointer));
    }
    return Optional.of(
        issue(
            pointer,
            "geometry_invalid",
            error.getMessage()
                + (error.getCoordinate() == null ? "" : " at " + text(error.getCoordinate())),
            "correct the boundary so its rings do not cross themselves or each other"));
  }

  private static ValidationIssue zeroArea(String pointer) {
    return issue(
        pointer,
        "geometry_zero_area",
        "the boundary encloses no area",
        "draw the boundary around the project's land or site");
  }

  private static LinearRing ring(List<Coordinate> coordinates) {
    return WGS84.createLinearRing(coordinates.toArray(new Coordinate[0]));
  }

  private static double toDouble(Number n) {
    return n instanceof BigDecimal ? ((BigDecimal) n).doubleValue() : n.doubleValue();
  }

  private static ValidationIssue structure(String pointer, String message) {
    return issue(
        pointer,
        "geometry_structure",
        message,
        "follow RFC 7946: a Polygon is an array of rings, a ring an array of [longitude,"
            + " latitude] positions");
  }

  private static ValidationIssue issue(String pointer, String code, String message, String fix) {
    return new ValidationIssue(pointer, code, message, fix);
  }

  private static String text(Coordinate c) {
    return "[" + c.x + ", " + c.y + "]";
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "\"" + value + "\"";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return String.valueOf(value);
  }
}
