package org.ogcr.adapter.evm.archfixture;

/** Fixture: an adapter that other adapters must not use. */
public final class EvmLedgerFixture {
  public String network() {
    return "local";
  }
}
