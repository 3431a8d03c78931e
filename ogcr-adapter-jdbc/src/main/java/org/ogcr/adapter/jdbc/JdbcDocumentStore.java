package org.ogcr.adapter.jdbc;

import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.port.out.DocumentStore;

/** Documents by hash in table {@code documents}; a document once stored never changes. */
public final class JdbcDocumentStore implements DocumentStore {

  private final JdbcUnitOfWork uow;

  public JdbcDocumentStore(JdbcUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void put(DocumentHash hash, String json) {
    Require.nonNull("hash", hash);
    Require.nonNull("json", json);
    uow.withHandle(
        h ->
            // the first document stored under a hash is kept (the same canonical form)
            h.createUpdate(
                    "insert into documents (hash, json) select :hash, :json"
                        + " where not exists (select 1 from documents where hash = :hash)")
                .bind("hash", hash.hex())
                .bind("json", json)
                .execute());
  }

  @Override
  public Optional<String> get(DocumentHash hash) {
    Require.nonNull("hash", hash);
    return uow.withHandle(
        h ->
            h.createQuery("select json from documents where hash = :hash")
                .bind("hash", hash.hex())
                .mapTo(String.class)
                .findOne());
  }
}
