-- Indexes for the two filters no index was led by: a btree index serves a condition only on its
-- leading column, or on columns after ones the condition fixes. The same indexes are created on
-- PostgreSQL by its V5, which also orders project and report ids by code point there (H2 already
-- compares them so). QueryPlansTest checks that every filter, lookup and page the stores run seeks
-- an index.

-- reports whose monitoring period ends after a date (ReportQuery.periodFrom): reports_period leads
-- with period_start, which serves only periodBefore
create index reports_period_end on reports (period_end);

-- credit events of one kind, in the order recorded and after a cursor
create index credit_events_kind on credit_events (kind, seq);
