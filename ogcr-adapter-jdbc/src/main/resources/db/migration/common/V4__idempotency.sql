-- The outcome of each write a client sent with an Idempotency-Key, scoped to the sender. A row is
-- inserted (claimed) when the request starts and given its response in the same transaction, so
-- the primary key makes a concurrent request with the same key wait for the first one's outcome.
create table idempotency_records (
  owner_actor varchar(128) not null,
  idempotency_key varchar(255) not null,
  fingerprint varchar(255) not null,
  created_at timestamp(6) with time zone not null,
  -- the recorded response; null while the request runs
  response_status integer,
  response_content_type varchar(255),
  -- the response headers a repeat must see again, as a JSON object
  response_headers text,
  response_body text,
  primary key (owner_actor, idempotency_key),
  constraint idempotency_response_whole check (
    (response_status is null and response_content_type is null and response_headers is null
      and response_body is null)
    or (response_status between 100 and 599 and response_content_type is not null
      and response_headers is not null and response_body is not null))
);

-- purging records past their retention
create index idempotency_records_created on idempotency_records (created_at);
