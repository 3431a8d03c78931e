package org.ogcr.domain.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.ogcr.domain.id.ProjectId;

class BoundaryIndexTest {

  static final GeometryFactory GF = new GeometryFactory();

  static Geometry cell(int col, int row) {
    double size = 0.01;
    return GF.toGeometry(new Envelope(col * size, (col + 1) * size, row * size, (row + 1) * size));
  }

  /** 100,000 adjacent parcels: neighbours touch, none overlaps; a new parcel finds its overlaps. */
  @Test
  void givenHundredThousandParcels_overlapping_findsOnlyTheCoveredOnes() {
    BoundaryIndex index = new BoundaryIndex();
    for (int col = 0; col < 400; col++) {
      for (int row = 0; row < 250; row++) {
        index.put(new ProjectId("p-" + col + "-" + row), cell(col, row));
      }
    }
    assertThat(index.size()).isEqualTo(100_000);
    assertThat(index.overlapping(cell(1000, 1000))).isEmpty();
    assertThat(index.overlapping(cell(10, 10).buffer(-0.001)))
        .containsExactly(new ProjectId("p-10-10"));
    // a parcel straddling four cells overlaps all four; its edge-neighbours only touch
    Geometry straddling = GF.toGeometry(new Envelope(0.105, 0.115, 0.105, 0.115));
    assertThat(index.overlapping(straddling))
        .containsExactlyInAnyOrder(
            new ProjectId("p-10-10"),
            new ProjectId("p-10-11"),
            new ProjectId("p-11-10"),
            new ProjectId("p-11-11"));
  }
}
