CREATE TABLE "expense_owner_parts" (
	"organization_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"expense_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"expense_date" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_number" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid" boolean NOT NULL,
	CONSTRAINT "expense_owner_parts_expense_id_unit_id_owner_id_pk" PRIMARY KEY("expense_id","unit_id","owner_id")
);
--> statement-breakpoint
ALTER TABLE "expense_owner_parts" ADD CONSTRAINT "expense_owner_parts_expense_id_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."expenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_owner_parts_owner_idx" ON "expense_owner_parts" USING btree ("organization_id","owner_id","expense_date","expense_id","unit_number" collate "C","unit_id");--> statement-breakpoint
-- hand-written (keep when regenerating)
-- Each owner's part of each posted expense, out of its frozen distribution (ADR 0046), kept by
-- the database in the statement that writes the expense, so no write path can forget it: rows
-- exist while the expense is posted (not draft, not cancelled) and has a distribution; its
-- payment status is copied for the paid/unpaid totals. The first unit entry and the first owner
-- entry of a (unit, owner) win, as the reader of the JSON did before ADR 0046.
CREATE OR REPLACE FUNCTION expense_owner_parts_write(e expenses) RETURNS void AS $$
BEGIN
  IF e.distribution IS NULL OR e.status = 'draft' OR e.status = 'cancelled' OR e.payment_status = 'Cancelled' THEN
    RETURN;
  END IF;
  INSERT INTO expense_owner_parts
    (organization_id, owner_id, expense_id, building_id, expense_date, unit_id, unit_number, amount_cents, paid)
  SELECT DISTINCT ON (unit_id, owner_id) e.organization_id, owner_id, e.id, e.building_id, e.expense_date,
         unit_id, unit_number, amount_cents, e.payment_status = 'Paid'
    FROM (
      SELECT (u.value->>'unitId')::uuid AS unit_id, coalesce(u.value->>'unitNumber', '') AS unit_number,
             (o.value->>'ownerId')::uuid AS owner_id, (o.value->>'amountCents')::bigint AS amount_cents,
             u.ordinality AS ui, o.ordinality AS oi
        FROM jsonb_array_elements(e.distribution->'units') WITH ORDINALITY AS u
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(u.value->'owners', '[]'::jsonb)) WITH ORDINALITY AS o
       WHERE o.value->>'ownerId' IS NOT NULL AND o.value->>'amountCents' IS NOT NULL
    ) parts
   ORDER BY unit_id, owner_id, ui, oi;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION expense_owner_parts_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM expense_owner_parts WHERE expense_id = OLD.id;
  END IF;
  PERFORM expense_owner_parts_write(NEW);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER expenses_owner_parts_insert
  AFTER INSERT ON expenses
  FOR EACH ROW EXECUTE FUNCTION expense_owner_parts_sync();--> statement-breakpoint
-- Only when what the rows copy changes: an update of anything else leaves them alone.
CREATE TRIGGER expenses_owner_parts_update
  AFTER UPDATE ON expenses
  FOR EACH ROW
  WHEN (OLD.distribution IS DISTINCT FROM NEW.distribution
     OR OLD.status IS DISTINCT FROM NEW.status
     OR OLD.payment_status IS DISTINCT FROM NEW.payment_status
     OR OLD.expense_date IS DISTINCT FROM NEW.expense_date
     OR OLD.building_id IS DISTINCT FROM NEW.building_id)
  EXECUTE FUNCTION expense_owner_parts_sync();--> statement-breakpoint
-- Backfill: the parts of every expense already posted with a distribution.
SELECT expense_owner_parts_write(e) FROM expenses e WHERE e.distribution IS NOT NULL;--> statement-breakpoint
-- The expenses the page still computes on their date (no frozen distribution: v1 rows), found
-- without reading the others.
CREATE INDEX expenses_undistributed_idx ON expenses (organization_id, building_id, expense_date)
  WHERE distribution IS NULL AND status <> 'draft' AND payment_status <> 'Cancelled';
