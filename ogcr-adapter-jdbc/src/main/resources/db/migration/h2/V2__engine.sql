-- H2 has no exclusion constraints: no two live blocks of one issuance overlap because every
-- block change locks the issuance's row first and compares the blocks it removes (see
-- JdbcCreditBlockStore). Nothing else differs.
select 1;
