package org.ogcr.adapter.json.document;

import org.ogcr.port.out.DocumentReader;
import org.ogcr.port.out.DocumentReaderContract;

class JsonDocumentReaderTest extends DocumentReaderContract {

  @Override
  protected DocumentReader freshReader() {
    return JsonDocumentReader.withDefaults();
  }
}
