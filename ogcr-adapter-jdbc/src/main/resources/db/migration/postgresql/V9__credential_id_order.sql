-- Credentials are listed in identifier order by code point: JdbcCredentialStore orders them by
-- id collate "C". Indexes built under the database's own collation cannot serve that order, so
-- credentials_organisation (organisation, id), which exists to list an organisation's credentials
-- in order, was read and then sorted, and the full list was scanned and sorted. Under the "C"
-- collation (as V3 and V8 gave the other identifiers the stores sort by) the primary key and
-- credentials_organisation serve the order. Equality is unchanged: both collations are
-- deterministic. H2 already compares identifiers by code point, so it has no V9.
-- QueryPlansTest checks that every lookup, filter and page the stores run seeks an index.
alter table credentials alter column id type varchar(16) collate "C";
