-- Decimals the domain keeps exactly as given, scale included (1200.5 is not 1200.5000000000, and
-- BigDecimal equality tells them apart), are stored as their decimal text rather than in numeric
-- columns of a fixed scale: the acreage and threat multiplier a PDD declares, a report's ECI
-- assessment and a methodology version's parameters. A buffer rate may have six decimal places,
-- more than numeric(6, 4) holds. Quantities the domain normalises to a fixed scale (tonnes of
-- CO2e, at six places) stay numeric.
alter table projects alter column verified_acres set data type varchar(128);
alter table projects alter column threat_multiplier set data type varchar(128);

alter table reports alter column eci_mean set data type varchar(128);
alter table reports alter column eci_standard_error set data type varchar(128);

alter table methodologies alter column z set data type varchar(128);
alter table methodologies alter column methodology_constant set data type varchar(128);
alter table methodologies alter column rate_low set data type varchar(128);
alter table methodologies alter column rate_moderate set data type varchar(128);
alter table methodologies alter column rate_high set data type varchar(128);
alter table methodologies alter column rate_frontier set data type varchar(128);
