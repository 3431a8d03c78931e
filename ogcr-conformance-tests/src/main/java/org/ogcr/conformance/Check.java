package org.ogcr.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One test of a conformance class. Its method is named after the requirement it checks ({@code
 * required_<requirement>_…} or {@code optional_<requirement>_…}), and says what a reader of a
 * report needs: why it exists, what it checks, how, and where to look when it fails.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {

  /** The requirement, as the spec numbers it (e.g. {@code 4.2.2}), with a short name. */
  String requirement();

  /** Why the test exists: what an implementation that passes it guarantees. */
  String purpose();

  /** How the test checks it: the requests it sends and what it expects. */
  String method();

  /** What to look at in the implementation when it fails. */
  String whenItFails();
}
