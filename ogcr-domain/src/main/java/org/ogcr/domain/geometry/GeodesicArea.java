package org.ogcr.domain.geometry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The area of a WGS84 longitude/latitude geometry on the authalic sphere, in square metres and
 * acres. Accurate to well under 1 % for property-sized polygons, which is what the data-quality
 * check of declared acres needs; it is not a survey.
 */
public final class GeodesicArea {

  /** Radius of the sphere with the WGS84 ellipsoid's area, in metres. */
  static final double AUTHALIC_RADIUS_M = 6_371_007.181;

  public static final double SQUARE_METRES_PER_ACRE = 4_046.8564224;

  private GeodesicArea() {}

  public static double squareMetres(Geometry geometry) {
    double total = 0;
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part instanceof Polygon) {
        Polygon polygon = (Polygon) part;
        total += Math.abs(ringArea(polygon.getExteriorRing().getCoordinates()));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          total -= Math.abs(ringArea(polygon.getInteriorRingN(h).getCoordinates()));
        }
      }
    }
    return total;
  }

  public static double acres(Geometry geometry) {
    return squareMetres(geometry) / SQUARE_METRES_PER_ACRE;
  }

  // Spherical excess of a closed ring: R²/2 · Σ (λ2 − λ1)(2 + sin φ1 + sin φ2), radians.
  private static double ringArea(Coordinate[] ring) {
    double sum = 0;
    for (int i = 0; i < ring.length - 1; i++) {
      double lambda1 = Math.toRadians(ring[i].x);
      double lambda2 = Math.toRadians(ring[i + 1].x);
      double phi1 = Math.toRadians(ring[i].y);
      double phi2 = Math.toRadians(ring[i + 1].y);
      sum += (lambda2 - lambda1) * (2 + Math.sin(phi1) + Math.sin(phi2));
    }
    return sum * AUTHALIC_RADIUS_M * AUTHALIC_RADIUS_M / 2;
  }
}
