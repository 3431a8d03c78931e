-- The issuance and credit block stores keep no foreign keys to the rows their records name.
-- Each store is its own port, tested in isolation against that port's contract, and the
-- contracts store issuances without their project, report or accounts, and blocks without
-- their issuance or accounts. The application stores every row before a record names it (the
-- project and its verified report before the proposal, the property's account and the buffer
-- pool before the issuance, the issuance before its blocks, an account before credits reach
-- it), so the references are guaranteed there rather than here. The foreign keys that a
-- contract can satisfy (report, PDD version and property file to project) stay.
alter table credit_blocks drop constraint credit_blocks_issuance_id_fkey;
alter table credit_blocks drop constraint credit_blocks_owner_fkey;
alter table issuances drop constraint issuances_project_id_fkey;
alter table issuances drop constraint issuances_report_id_fkey;
alter table issuances drop constraint issuances_owner_account_fkey;
alter table issuances drop constraint issuances_buffer_pool_fkey;
