-- The default list orders end with the id as tie-breaker (paginate.ts orderFor): with the id in the
-- index the page is read in order and stops after LIMIT rows, instead of an incremental sort of
-- every row sharing a created_at or a last name (many owners share a last name).
DROP INDEX "expenses_org_created_idx";--> statement-breakpoint
DROP INDEX "buildings_org_created_idx";--> statement-breakpoint
DROP INDEX "owners_org_last_name_idx";--> statement-breakpoint
CREATE INDEX "expenses_org_created_idx" ON "expenses" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "buildings_org_created_idx" ON "buildings" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "owners_org_last_name_idx" ON "owners" USING btree ("organization_id","last_name","id");