package org.ogcr.adapter.json.archfixture;

import org.ogcr.adapter.evm.archfixture.EvmLedgerFixture;

/** Fixture: the JSON adapter may be used by others, but may not itself use another adapter. */
public final class JsonCodecUsingEvmAdapter {
  public String network() {
    return new EvmLedgerFixture().network();
  }
}
