package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;

/** What every {@link DocumentStore} must do; adapters' tests extend it unchanged. */
public abstract class DocumentStoreContract {

  /** A store with no document. */
  protected abstract DocumentStore emptyStore();

  @Test
  void givenStoredDocument_get_returnsItsJsonUnchanged() {
    DocumentStore store = emptyStore();
    String json = "{\"name\":\"Forêt de Nulhegan – 森林\",\"area\":1200.5,\"tags\":[\"a\",\"b\"]}";
    DocumentHash hash = DocumentHash.sha256(json);
    store.put(hash, json);
    assertThat(store.get(hash)).contains(json);
    assertThat(store.get(DocumentHash.sha256("{}"))).isEmpty();
  }

  @Test
  void givenHashStoredAlready_put_changesNothing() {
    DocumentStore store = emptyStore();
    String json = "{\"a\":1}";
    DocumentHash hash = DocumentHash.sha256(json);
    store.put(hash, json);
    store.put(hash, json);
    // the same document spelled with other whitespace has the same canonical hash
    store.put(hash, "{ \"a\" : 1 }");
    assertThat(store.get(hash)).contains(json);
  }

  @Test
  void givenSeveralDocuments_get_keepsThemApart() {
    DocumentStore store = emptyStore();
    for (int i = 0; i < 20; i++) {
      String json = "{\"version\":" + i + "}";
      store.put(DocumentHash.sha256(json), json);
    }
    for (int i = 0; i < 20; i++) {
      String json = "{\"version\":" + i + "}";
      assertThat(store.get(DocumentHash.sha256(json))).contains(json);
    }
  }
}
