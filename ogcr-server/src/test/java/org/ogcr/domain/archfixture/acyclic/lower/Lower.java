package org.ogcr.domain.archfixture.acyclic.lower;

/** Fixture: the lower end of a one-way package dependency. */
public final class Lower {}
