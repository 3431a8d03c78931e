-- The chain projection (JdbcChainProjection): what the EVM indexer read of the registry's
-- contracts, beside the registry's record. Written only in its own transactions, never in a use
-- case's. Hashes, addresses and ids are lower-case hex with 0x, token ids decimal.

-- the newest block read (number -1 before the first), one row, locked by every write so that
-- indexers sharing a database take turns
create table chain_head (
  id integer primary key,
  number bigint not null,
  hash varchar(66) not null,
  constraint chain_head_one_row check (id = 1)
);
insert into chain_head (id, number, hash) values (1, -1, '');

-- the hashes of the blocks read: each window's last block and every block with a log; a
-- reorganisation is found where the chain's hash at a number is no longer the one read
create table chain_blocks (
  number bigint primary key,
  hash varchar(66) not null
);

-- the contracts' event logs, once each (transaction hash and log index)
create table chain_logs (
  tx_hash varchar(66) not null,
  log_index integer not null,
  block_number bigint not null,
  block_hash varchar(66) not null,
  contract varchar(42) not null,
  -- the event's name, or the topic (66 characters) of an event the indexer does not know
  event varchar(128) not null,
  command_id varchar(66) not null,
  data text not null,
  primary key (tx_hash, log_index)
);
create index chain_logs_order on chain_logs (block_number, log_index);

-- the block tokens as their events left them; closed_in is set when a change replaced the token
create table chain_tokens (
  token_id varchar(78) primary key,
  issuance varchar(66) not null,
  account varchar(66) not null,
  first_serial bigint not null,
  last_serial bigint not null,
  status varchar(16) not null,
  replacement_for varchar(66) not null,
  parent varchar(78) not null,
  minted_in bigint not null,
  closed_in bigint,
  constraint chain_tokens_range check (first_serial >= 1 and last_serial >= first_serial)
);
create index chain_tokens_issuance on chain_tokens (issuance, first_serial);
create index chain_tokens_minted on chain_tokens (minted_in);
create index chain_tokens_closed on chain_tokens (closed_in);
