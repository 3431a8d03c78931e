-- PostgreSQL enforces in the schema that no two blocks of one issuance overlap: an exclusion
-- constraint over the issuance and the serial range.
create extension if not exists btree_gist;
alter table credit_blocks
  add constraint credit_blocks_no_overlap
  exclude using gist (issuance_id with =, int8range(first_serial, last_serial, '[]') with &&);
