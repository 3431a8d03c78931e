package org.ogcr.domain.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class GeodesicAreaTest {

  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void givenOneDegreeSquareAtTheEquator_area_isAbout12364SquareKilometres() {
    double km2 = GeodesicArea.squareMetres(GF.toGeometry(new Envelope(0, 1, 0, 1))) / 1e6;
    // R² · Δλ · (sin φ2 − sin φ1) on the authalic sphere
    assertThat(km2).isCloseTo(12_363.7, within(15.0));
  }

  @Test
  void givenSquareAt60North_area_isAboutHalfOfTheEquatorialOne() {
    double equator = GeodesicArea.squareMetres(GF.toGeometry(new Envelope(0, 0.1, 0, 0.1)));
    double north = GeodesicArea.squareMetres(GF.toGeometry(new Envelope(0, 0.1, 60, 60.1)));
    assertThat(north / equator).isCloseTo(0.5, within(0.01));
  }

  @Test
  void givenHole_area_subtractsIt() {
    var outer = GF.toGeometry(new Envelope(0, 0.02, 0, 0.02));
    var hole = GF.toGeometry(new Envelope(0.005, 0.015, 0.005, 0.015));
    double withHole = GeodesicArea.acres(outer.difference(hole));
    assertThat(withHole).isCloseTo(GeodesicArea.acres(outer) * 0.75, within(1.0));
  }
}
