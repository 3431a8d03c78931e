-- Indexes for the two filters no index was led by: a btree index serves a condition only on its
-- leading column, or on columns after ones the condition fixes. H2's V5 creates the same.
-- QueryPlansTest checks that every filter, lookup and page the stores run seeks an index.

-- reports whose monitoring period ends after a date (ReportQuery.periodFrom): reports_period leads
-- with period_start, which serves only periodBefore
create index reports_period_end on reports (period_end);

-- credit events of one kind, in the order recorded and after a cursor
create index credit_events_kind on credit_events (kind, seq);

-- Projects and reports are listed in identifier order by code point: the stores compare and order
-- their ids with collate "C". Indexes built under the database's own collation can serve neither
-- that order nor a cursor over it, so every page of projects or reports sorted all that matched.
-- Under the "C" collation (as V3 gave accounts, issuances and credit blocks) the primary keys and
-- the (filter, id) indexes serve both. The columns that hold project ids follow, so that joins and
-- foreign keys compare under one collation. Equality is unchanged: both collations are
-- deterministic.
alter table projects alter column id type varchar(128) collate "C";
alter table pdd_versions alter column project_id type varchar(128) collate "C";
alter table property_files alter column project_id type varchar(128) collate "C";
alter table reports alter column id type varchar(128) collate "C";
alter table reports alter column project_id type varchar(128) collate "C";
