package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.SerialNumberSequence;
import org.ogcr.port.out.SerialNumberSequenceContract;

class InMemorySerialNumberSequenceTest extends SerialNumberSequenceContract {

  @Override
  protected SerialNumberSequence freshSequence() {
    return new InMemorySerialNumberSequence();
  }
}
