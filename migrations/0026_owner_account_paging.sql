CREATE TABLE "owner_account_totals" (
	"organization_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"slot" smallint NOT NULL,
	"lines" bigint DEFAULT 0 NOT NULL,
	"lines_cents" bigint DEFAULT 0 NOT NULL,
	"payments" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"credit_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "owner_account_totals_organization_id_owner_id_building_id_slot_pk" PRIMARY KEY("organization_id","owner_id","building_id","slot")
);
--> statement-breakpoint
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
--> statement-breakpoint
-- The owner account's running totals (ADR 0048), kept like tenant_row_counts (0003, 0004): one
-- grouped upsert per statement into the writing connection's slot, in key order (two
-- statements lock their rows in the same order).
CREATE OR REPLACE FUNCTION owner_account_totals_from_lines() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO owner_account_totals (organization_id, owner_id, building_id, slot, lines, lines_cents)
    SELECT organization_id, owner_id, building_id, pg_backend_pid() % 8, -count(*), -sum(amount_cents)
      FROM old_lines GROUP BY organization_id, owner_id, building_id
     ORDER BY organization_id, owner_id, building_id
    ON CONFLICT (organization_id, owner_id, building_id, slot) DO UPDATE
      SET lines = owner_account_totals.lines + excluded.lines,
          lines_cents = owner_account_totals.lines_cents + excluded.lines_cents;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO owner_account_totals (organization_id, owner_id, building_id, slot, lines, lines_cents)
    SELECT organization_id, owner_id, building_id, pg_backend_pid() % 8, count(*), sum(amount_cents)
      FROM new_lines GROUP BY organization_id, owner_id, building_id
     ORDER BY organization_id, owner_id, building_id
    ON CONFLICT (organization_id, owner_id, building_id, slot) DO UPDATE
      SET lines = owner_account_totals.lines + excluded.lines,
          lines_cents = owner_account_totals.lines_cents + excluded.lines_cents;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER call_lines_account_totals_insert
  AFTER INSERT ON call_lines REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION owner_account_totals_from_lines();--> statement-breakpoint
CREATE TRIGGER call_lines_account_totals_delete
  AFTER DELETE ON call_lines REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION owner_account_totals_from_lines();--> statement-breakpoint
-- Lines are updated for their letter, e-mail and paid part (every allocation): only a change of
-- what the totals copy moves them (never done today; kept right if it ever is).
CREATE OR REPLACE FUNCTION owner_account_totals_line_moved() RETURNS trigger AS $$
BEGIN
  INSERT INTO owner_account_totals (organization_id, owner_id, building_id, slot, lines, lines_cents)
  VALUES (OLD.organization_id, OLD.owner_id, OLD.building_id, pg_backend_pid() % 8, -1, -OLD.amount_cents),
         (NEW.organization_id, NEW.owner_id, NEW.building_id, pg_backend_pid() % 8, 1, NEW.amount_cents)
  ON CONFLICT (organization_id, owner_id, building_id, slot) DO UPDATE
    SET lines = owner_account_totals.lines + excluded.lines,
        lines_cents = owner_account_totals.lines_cents + excluded.lines_cents;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER call_lines_account_totals_update
  AFTER UPDATE ON call_lines FOR EACH ROW
  WHEN (OLD.amount_cents IS DISTINCT FROM NEW.amount_cents OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
     OR OLD.building_id IS DISTINCT FROM NEW.building_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION owner_account_totals_line_moved();--> statement-breakpoint
CREATE OR REPLACE FUNCTION owner_account_totals_from_payments() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO owner_account_totals (organization_id, owner_id, building_id, slot, payments, paid_cents, credit_cents)
    SELECT organization_id, owner_id, building_id, pg_backend_pid() % 8, -count(*), -sum(amount_cents), -sum(credit_cents)
      FROM old_payments GROUP BY organization_id, owner_id, building_id
     ORDER BY organization_id, owner_id, building_id
    ON CONFLICT (organization_id, owner_id, building_id, slot) DO UPDATE
      SET payments = owner_account_totals.payments + excluded.payments,
          paid_cents = owner_account_totals.paid_cents + excluded.paid_cents,
          credit_cents = owner_account_totals.credit_cents + excluded.credit_cents;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO owner_account_totals (organization_id, owner_id, building_id, slot, payments, paid_cents, credit_cents)
    SELECT organization_id, owner_id, building_id, pg_backend_pid() % 8, count(*), sum(amount_cents), sum(credit_cents)
      FROM new_payments GROUP BY organization_id, owner_id, building_id
     ORDER BY organization_id, owner_id, building_id
    ON CONFLICT (organization_id, owner_id, building_id, slot) DO UPDATE
      SET payments = owner_account_totals.payments + excluded.payments,
          paid_cents = owner_account_totals.paid_cents + excluded.paid_cents,
          credit_cents = owner_account_totals.credit_cents + excluded.credit_cents;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER owner_payments_account_totals_insert
  AFTER INSERT ON owner_payments REFERENCING NEW TABLE AS new_payments
  FOR EACH STATEMENT EXECUTE FUNCTION owner_account_totals_from_payments();--> statement-breakpoint
CREATE TRIGGER owner_payments_account_totals_delete
  AFTER DELETE ON owner_payments REFERENCING OLD TABLE AS old_payments
  FOR EACH STATEMENT EXECUTE FUNCTION owner_account_totals_from_payments();--> statement-breakpoint
CREATE TRIGGER owner_payments_account_totals_update
  AFTER UPDATE ON owner_payments REFERENCING OLD TABLE AS old_payments NEW TABLE AS new_payments
  FOR EACH STATEMENT EXECUTE FUNCTION owner_account_totals_from_payments();--> statement-breakpoint
-- Backfill: the totals of every owner's history so far, in slot 0.
INSERT INTO owner_account_totals (organization_id, owner_id, building_id, slot, lines, lines_cents, payments, paid_cents, credit_cents)
SELECT organization_id, owner_id, building_id, 0, sum(lines), sum(lines_cents), sum(payments), sum(paid_cents), sum(credit_cents)
  FROM (
    SELECT organization_id, owner_id, building_id, count(*) AS lines, sum(amount_cents) AS lines_cents,
           0 AS payments, 0 AS paid_cents, 0 AS credit_cents
      FROM call_lines GROUP BY organization_id, owner_id, building_id
    UNION ALL
    SELECT organization_id, owner_id, building_id, 0, 0, count(*), sum(amount_cents), sum(credit_cents)
      FROM owner_payments GROUP BY organization_id, owner_id, building_id
  ) t
 GROUP BY organization_id, owner_id, building_id;
