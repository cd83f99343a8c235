CREATE TABLE "tenant_row_counts" (
	"organization_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"row_count" bigint NOT NULL,
	CONSTRAINT "tenant_row_counts_organization_id_table_name_pk" PRIMARY KEY("organization_id","table_name")
);
--> statement-breakpoint
-- Exact per-tenant row counts for the unfiltered lists (docs/performance.md): statement-level
-- triggers add or subtract the rows a statement inserted or deleted, in its transaction, so a
-- reader's snapshot sees the count and the rows together. Counter rows are locked in
-- organization order so two multi-tenant statements cannot deadlock on them. Rows never change
-- organization (no use case moves a row between tenants), so UPDATE needs no trigger.
CREATE OR REPLACE FUNCTION tenant_row_counts_add() RETURNS trigger AS $$
BEGIN
  INSERT INTO tenant_row_counts (organization_id, table_name, row_count)
  SELECT organization_id, TG_TABLE_NAME, count(*) FROM changed_rows
  GROUP BY organization_id ORDER BY organization_id
  ON CONFLICT (organization_id, table_name)
  DO UPDATE SET row_count = tenant_row_counts.row_count + excluded.row_count;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tenant_row_counts_subtract() RETURNS trigger AS $$
BEGIN
  UPDATE tenant_row_counts c SET row_count = c.row_count - d.n
  FROM (
    SELECT organization_id, count(*) AS n FROM changed_rows
    GROUP BY organization_id ORDER BY organization_id
  ) d
  WHERE c.organization_id = d.organization_id AND c.table_name = TG_TABLE_NAME;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER buildings_count_insert AFTER INSERT ON buildings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_add();
--> statement-breakpoint
CREATE TRIGGER buildings_count_delete AFTER DELETE ON buildings
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_subtract();
--> statement-breakpoint
CREATE TRIGGER units_count_insert AFTER INSERT ON units
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_add();
--> statement-breakpoint
CREATE TRIGGER units_count_delete AFTER DELETE ON units
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_subtract();
--> statement-breakpoint
CREATE TRIGGER owners_count_insert AFTER INSERT ON owners
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_add();
--> statement-breakpoint
CREATE TRIGGER owners_count_delete AFTER DELETE ON owners
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_subtract();
--> statement-breakpoint
CREATE TRIGGER expenses_count_insert AFTER INSERT ON expenses
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_add();
--> statement-breakpoint
CREATE TRIGGER expenses_count_delete AFTER DELETE ON expenses
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_row_counts_subtract();
--> statement-breakpoint
INSERT INTO tenant_row_counts (organization_id, table_name, row_count)
SELECT organization_id, 'buildings', count(*) FROM buildings GROUP BY organization_id
UNION ALL SELECT organization_id, 'units', count(*) FROM units GROUP BY organization_id
UNION ALL SELECT organization_id, 'owners', count(*) FROM owners GROUP BY organization_id
UNION ALL SELECT organization_id, 'expenses', count(*) FROM expenses GROUP BY organization_id;
