CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enterprise_number" text,
	"vat_number" text,
	"iban" text,
	"address" text,
	"language" text,
	"email" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppliers_language" CHECK ("suppliers"."language" IS NULL OR "suppliers"."language" IN ('fr', 'nl', 'de', 'en'))
);
--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "supplier_id" uuid;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suppliers_org_name_idx" ON "suppliers" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "suppliers_org_enterprise_idx" ON "suppliers" USING btree ("organization_id","enterprise_number");--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expenses_org_supplier_idx" ON "expenses" USING btree ("organization_id","supplier_id");--> statement-breakpoint
-- hand-written (keep when regenerating)
-- A supplier's account reads the 440 lines naming it (GET /suppliers/{id}/account).
CREATE INDEX "ledger_lines_org_supplier_idx" ON "ledger_lines" USING btree ("organization_id","supplier_id") WHERE "supplier_id" IS NOT NULL;
