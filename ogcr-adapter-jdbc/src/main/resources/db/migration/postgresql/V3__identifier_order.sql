-- The stores list accounts, issuances and credit blocks in identifier order, and that order must
-- not depend on the locale the cluster was created with (en_US would sort "iss-10" after "iss1",
-- ignoring the hyphen). Under the "C" collation identifiers sort by code point, as they do on H2
-- and in the in-memory stores, and the indexes serve that order.
alter table accounts alter column id type varchar(128) collate "C";
alter table issuances alter column id type varchar(128) collate "C";
alter table credit_blocks alter column issuance_id type varchar(128) collate "C";
