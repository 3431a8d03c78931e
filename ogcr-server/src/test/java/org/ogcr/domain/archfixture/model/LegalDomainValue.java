package org.ogcr.domain.archfixture.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.locationtech.jts.geom.Geometry;

/**
 * Fixture: a domain value that keeps every rule. Primitives, arrays of primitives and of JDK types,
 * JTS geometry, time taken as an input, and a method of its own that happens to be named {@code
 * now}.
 */
public record LegalDomainValue(
    int units,
    long[] serials,
    double ratio,
    boolean retired,
    char[] code,
    String[][] table,
    BigDecimal tonnes,
    Instant observedAt,
    Geometry boundary,
    List<LegalDomainValue> children) {

  /** Time comes in as an argument; parsing and arithmetic on it read no clock. */
  public Duration age(Instant asOf) {
    return Duration.between(observedAt, asOf).plus(Duration.parse("PT1S"));
  }

  /** Named like the clock, owned by the domain: not a clock read. */
  public Instant now() {
    return observedAt;
  }

  public long sum() {
    IntUnaryOperator twice = value -> value * 2;
    return Arrays.stream(serials).sum() + twice.applyAsInt(units) + code.length + table.length;
  }

  public LegalDomainValue[] asArray() {
    return new LegalDomainValue[] {this};
  }

  public Kind kind() {
    return boundary.isEmpty() ? Kind.EMPTY : Kind.AREA;
  }

  /** Nested enum of the domain. */
  public enum Kind {
    EMPTY,
    AREA
  }
}
