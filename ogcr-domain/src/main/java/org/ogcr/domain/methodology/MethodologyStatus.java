package org.ogcr.domain.methodology;

import org.ogcr.domain.lifecycle.Lifecycle;
import org.ogcr.domain.lifecycle.LifecycleState;

/**
 * Methodology version lifecycle (OGCR 6.1.1, 6.3): {@code draft → approved → retired}, {@code draft
 * → retired} (abandoned). Only approved versions may be cited by new documents; retired is final.
 */
public enum MethodologyStatus implements LifecycleState<MethodologyStatus> {
  DRAFT,
  APPROVED,
  RETIRED;

  public static final Lifecycle<MethodologyStatus> LIFECYCLE =
      Lifecycle.builder("methodology version", MethodologyStatus.class)
          .allow(DRAFT, APPROVED, RETIRED)
          .allow(APPROVED, RETIRED)
          .build();

  @Override
  public Lifecycle<MethodologyStatus> lifecycle() {
    return LIFECYCLE;
  }
}
