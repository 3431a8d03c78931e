-- The issuance and credit block stores keep no foreign keys to the rows their records name.
-- Each store is its own port, tested in isolation against that port's contract, and the
-- contracts store issuances without their project, report or accounts, and blocks without
-- their issuance or accounts. The application stores every row before a record names it (the
-- project and its verified report before the proposal, the property's account and the buffer
-- pool before the issuance, the issuance before its blocks, an account before credits reach
-- it), so the references are guaranteed there rather than here. The foreign keys that a
-- contract can satisfy (report, PDD version and property file to project) stay.
--
-- H2 named these unnamed constraints of V1 itself; the names below are the ones it gives them
-- (derived from the table names, so the same in every H2 database migrated from V1). A name
-- that no longer matches fails the migration instead of leaving a foreign key behind.
alter table credit_blocks drop constraint "CONSTRAINT_5";
alter table credit_blocks drop constraint "CONSTRAINT_59";
alter table issuances drop constraint "CONSTRAINT_AD6";
alter table issuances drop constraint "CONSTRAINT_AD6B";
alter table issuances drop constraint "CONSTRAINT_AD6B7";
alter table issuances drop constraint "CONSTRAINT_AD6B77";
