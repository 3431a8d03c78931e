-- The in-process ledger kept in the database (JdbcCreditLedger), so that it outlives the process.
-- It is a system of its own beside the registry's record: written only in its own transactions,
-- never in a use case's, and named by nothing outside these tables.

-- the chain: one row per command, in ledger order; a command id is recorded once
create table ledger_entries (
  sequence bigint primary key,
  command_id varchar(128) not null,
  -- the command, as JSON (the outbox's encoding)
  command text not null,
  previous char(64) not null,
  hash char(64) not null,
  constraint ledger_entries_command_unique unique (command_id)
);

-- the last entry's sequence and hash (0 and the genesis hash before the first); one row, id 1,
-- created by the first submit and locked by every submit, so that submits take turns
create table ledger_head (
  id integer primary key,
  sequence bigint not null,
  hash char(64) not null,
  constraint ledger_head_one_row check (id = 1)
);

-- the ledger's own copy of the current credit blocks, as serial ranges (as credit_blocks)
create table ledger_blocks (
  issuance_id varchar(128) not null,
  first_serial bigint not null,
  last_serial bigint not null,
  owner varchar(128) not null,
  status varchar(16) not null,
  replacement_for char(64),
  primary key (issuance_id, first_serial),
  constraint ledger_blocks_range check (first_serial >= 1 and last_serial >= first_serial)
);
