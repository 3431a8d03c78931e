-- An issuance's exact quantity and buffer rate come back exactly as stored, scale included: the
-- records compare decimals with equals, and the proposal's attestation states them in plain
-- text. numeric(40, 12) and numeric(6, 4) padded them to a fixed scale and rounded anything
-- finer (an Earth Credits quantity is the product of four decimals; a buffer rate may have six
-- places). The columns become unconstrained decimals, exact at any scale, and each keeps its
-- scale beside it: PostgreSQL's numeric keeps the scale itself, H2's (a decfloat) drops trailing
-- zeros, so the store restores it from the column. Rows stored before held the V1 scales.
alter table issuances alter column exact_quantity set data type numeric;
alter table issuances alter column buffer_rate set data type numeric;
alter table issuances add column exact_quantity_scale integer;
alter table issuances add column buffer_rate_scale integer;
update issuances set exact_quantity_scale = 12, buffer_rate_scale = 4;
alter table issuances alter column exact_quantity_scale set not null;
alter table issuances alter column buffer_rate_scale set not null;
