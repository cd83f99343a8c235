CREATE TABLE "einvoice_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"expense_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"supplier_key" text NOT NULL,
	"invoice_number" text NOT NULL,
	"issue_date" date NOT NULL,
	"file_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "einvoice_imports_kind" CHECK ("einvoice_imports"."kind" in ('invoice', 'credit-note'))
);
--> statement-breakpoint
ALTER TABLE "bank_movements" ADD COLUMN "counterparty_address" text;--> statement-breakpoint
ALTER TABLE "bank_movements" ADD COLUMN "information" text;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD COLUMN "free_communication" text;--> statement-breakpoint
ALTER TABLE "einvoice_imports" ADD CONSTRAINT "einvoice_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "einvoice_imports" ADD CONSTRAINT "einvoice_imports_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "einvoice_imports" ADD CONSTRAINT "einvoice_imports_expense_id_expenses_id_fk" FOREIGN KEY ("expense_id") REFERENCES "public"."expenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "einvoice_imports_document_uq" ON "einvoice_imports" USING btree ("organization_id","building_id","supplier_key","kind","invoice_number","issue_date");--> statement-breakpoint
CREATE UNIQUE INDEX "einvoice_imports_file_uq" ON "einvoice_imports" USING btree ("organization_id","building_id","file_hash");