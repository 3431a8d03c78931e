package org.ogcr.port.in.archfixture;

import org.ogcr.application.archfixture.ApplicationServiceFixture;

/** Fixture: a driving port that reaches up into the application services. */
public interface UseCaseUsingApplication {
  ApplicationServiceFixture implementation();
}
