DROP INDEX "call_lines_org_owner_idx";--> statement-breakpoint
DROP INDEX "owner_payments_org_owner_idx";--> statement-breakpoint
ALTER TABLE "call_lines" ADD COLUMN "paid_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "call_lines_owner_open_idx" ON "call_lines" USING btree ("organization_id","owner_id","building_id","due_date") WHERE "call_lines"."paid_cents" < "call_lines"."amount_cents";--> statement-breakpoint
CREATE INDEX "call_lines_org_owner_idx" ON "call_lines" USING btree ("organization_id","owner_id","building_id","due_date","id");--> statement-breakpoint
CREATE INDEX "owner_payments_org_owner_idx" ON "owner_payments" USING btree ("organization_id","owner_id","building_id","payment_date","id");--> statement-breakpoint
-- hand-written (keep when regenerating)
-- What was paid on each call line, kept by the database in the statement that writes the
-- allocations (ADR 0048), so no write path (a payment, a bank import, a reversed payment) can
-- forget it. Statement-level with transition tables: a bank import's 9,000 allocations cost one
-- grouped UPDATE, not 9,000. Allocations are never updated today; the update trigger keeps the
-- column right if they ever are.
CREATE OR REPLACE FUNCTION call_lines_paid_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE call_lines l SET paid_cents = l.paid_cents - a.cents
      FROM (SELECT line_id, sum(amount_cents) AS cents FROM old_allocations GROUP BY line_id) a
     WHERE l.id = a.line_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE call_lines l SET paid_cents = l.paid_cents + a.cents
      FROM (SELECT line_id, sum(amount_cents) AS cents FROM new_allocations GROUP BY line_id) a
     WHERE l.id = a.line_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER payment_allocations_paid_insert
  AFTER INSERT ON payment_allocations REFERENCING NEW TABLE AS new_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION call_lines_paid_sync();--> statement-breakpoint
CREATE TRIGGER payment_allocations_paid_delete
  AFTER DELETE ON payment_allocations REFERENCING OLD TABLE AS old_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION call_lines_paid_sync();--> statement-breakpoint
CREATE TRIGGER payment_allocations_paid_update
  AFTER UPDATE ON payment_allocations REFERENCING OLD TABLE AS old_allocations NEW TABLE AS new_allocations
  FOR EACH STATEMENT EXECUTE FUNCTION call_lines_paid_sync();--> statement-breakpoint
-- Backfill: every line's allocations so far.
UPDATE call_lines l SET paid_cents = a.cents
  FROM (SELECT line_id, sum(amount_cents) AS cents FROM payment_allocations GROUP BY line_id) a
 WHERE l.id = a.line_id;
