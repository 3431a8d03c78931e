package org.ogcr.conformance;

import java.util.List;

/**
 * The outcome of one test, with what a reader needs: the class, the test's name and requirement,
 * the message, and the exchanges that showed a failure.
 */
public record Result(
    String conformanceClass,
    String test,
    Check check,
    Outcome outcome,
    String message,
    long millis,
    List<Exchange> exchanges) {

  public boolean required() {
    return test.startsWith("required_");
  }
}
