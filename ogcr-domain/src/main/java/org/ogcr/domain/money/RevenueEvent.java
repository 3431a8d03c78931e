package org.ogcr.domain.money;

/**
 * Something that happens to credits and may or may not bring in money for {@link RevenueRouter} to
 * split: a {@link PrimarySale} does; a {@link ReplacementDelivery} never does.
 */
public sealed interface RevenueEvent permits PrimarySale, ReplacementDelivery {}
