CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"journal" text NOT NULL,
	"entry_date" date NOT NULL,
	"label" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"reverses_entry_id" uuid,
	"total_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_journal" CHECK ("ledger_entries"."journal" IN ('purchases', 'sales', 'financial', 'miscellaneous')),
	CONSTRAINT "ledger_entries_total_positive" CHECK ("ledger_entries"."total_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"position" integer NOT NULL,
	"account" text NOT NULL,
	"debit_cents" bigint NOT NULL,
	"credit_cents" bigint NOT NULL,
	"owner_id" uuid,
	"unit_id" uuid,
	"supplier_id" uuid,
	CONSTRAINT "ledger_lines_one_side" CHECK ("ledger_lines"."debit_cents" >= 0 AND "ledger_lines"."credit_cents" >= 0 AND ("ledger_lines"."debit_cents" = 0) <> ("ledger_lines"."credit_cents" = 0))
);
--> statement-breakpoint
CREATE TABLE "ledger_settings" (
	"building_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_settings_start_month" CHECK ("ledger_settings"."fiscal_year_start_month" BETWEEN 1 AND 12)
);
--> statement-breakpoint
ALTER TABLE "expenses" DROP CONSTRAINT "expenses_amount_positive";--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "status" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "amount_excl_vat_cents" bigint;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "vat_rate" integer;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "vat_cents" bigint;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "supplier_enterprise_number" text;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "supplier_iban" text;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "corrects_expense_id" uuid;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "corrected_by_expense_id" uuid;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "distribution" jsonb;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_settings" ADD CONSTRAINT "ledger_settings_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_settings" ADD CONSTRAINT "ledger_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_org_building_year_date_idx" ON "ledger_entries" USING btree ("organization_id","building_id","fiscal_year","entry_date","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_org_source_idx" ON "ledger_entries" USING btree ("organization_id","building_id","source_kind","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_reverses_unique" ON "ledger_entries" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "ledger_lines_org_building_year_account_idx" ON "ledger_lines" USING btree ("organization_id","building_id","fiscal_year","account");--> statement-breakpoint
CREATE INDEX "ledger_lines_org_entry_idx" ON "ledger_lines" USING btree ("organization_id","entry_id","position");--> statement-breakpoint
CREATE INDEX "ledger_lines_org_owner_idx" ON "ledger_lines" USING btree ("organization_id","building_id","owner_id");--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_amount_not_zero" CHECK ("expenses"."amount_cents" <> 0);--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_status" CHECK ("expenses"."status" IN ('draft', 'approved', 'paid', 'cancelled'));--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_vat_rate" CHECK ("expenses"."vat_rate" IS NULL OR "expenses"."vat_rate" IN (0, 6, 12, 21));--> statement-breakpoint
-- hand-written (keep when regenerating)
-- Expenses made before the lifecycle: paid and cancelled ones keep that state (ADR 0031).
UPDATE "expenses" SET "status" = 'paid' WHERE "payment_status" = 'Paid';--> statement-breakpoint
UPDATE "expenses" SET "status" = 'cancelled' WHERE "payment_status" = 'Cancelled';--> statement-breakpoint
-- The books are append-only: a posted entry or line is never edited nor deleted (corrections are
-- reversing entries), whatever role the API connects with (as audit_log, migration 0001).
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();--> statement-breakpoint
CREATE TRIGGER ledger_lines_append_only
  BEFORE UPDATE OR DELETE ON ledger_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();--> statement-breakpoint
-- Balanced to the cent, checked by the database at commit (deferred: the lines are inserted
-- after their entry): Σ debit = Σ credit = the entry's total.
CREATE OR REPLACE FUNCTION ledger_entry_balanced() RETURNS trigger AS $$
DECLARE
  d bigint;
  c bigint;
  t bigint;
BEGIN
  SELECT coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0) INTO d, c
    FROM ledger_lines WHERE entry_id = NEW.id;
  SELECT total_cents INTO t FROM ledger_entries WHERE id = NEW.id;
  IF d <> c OR d <> t THEN
    RAISE EXCEPTION 'ledger entry % does not balance (debit %, credit %, total %)', NEW.id, d, c, t;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced
  AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();
