CREATE TABLE "building_bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"holder_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_bank_accounts_purpose" CHECK ("building_bank_accounts"."purpose" in ('working_capital', 'reserve'))
);
--> statement-breakpoint
CREATE TABLE "call_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_number" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"communication" text NOT NULL,
	"due_date" date NOT NULL,
	"delivery" text NOT NULL,
	"document_id" uuid,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_lines_amount_positive" CHECK ("call_lines"."amount_cents" > 0),
	CONSTRAINT "call_lines_delivery" CHECK ("call_lines"."delivery" in ('email', 'post'))
);
--> statement-breakpoint
CREATE TABLE "calls_for_funds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"budget_ref" text,
	"period_index" integer,
	"periods" integer,
	"resolution_ref" text,
	"account" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"holder_name" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"issued_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_for_funds_kind" CHECK ("calls_for_funds"."kind" in ('provision', 'reserve', 'extraordinary')),
	CONSTRAINT "calls_for_funds_total_positive" CHECK ("calls_for_funds"."total_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "owner_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"payment_date" date NOT NULL,
	"communication" text,
	"payer" text,
	"account" text NOT NULL,
	"credit_cents" bigint NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_payments_amount_positive" CHECK ("owner_payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "payment_allocations_amount_positive" CHECK ("payment_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "building_bank_accounts" ADD CONSTRAINT "building_bank_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_bank_accounts" ADD CONSTRAINT "building_bank_accounts_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_lines" ADD CONSTRAINT "call_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_lines" ADD CONSTRAINT "call_lines_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_lines" ADD CONSTRAINT "call_lines_call_id_calls_for_funds_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls_for_funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_lines" ADD CONSTRAINT "call_lines_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_lines" ADD CONSTRAINT "call_lines_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_lines" ADD CONSTRAINT "call_lines_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls_for_funds" ADD CONSTRAINT "calls_for_funds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls_for_funds" ADD CONSTRAINT "calls_for_funds_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls_for_funds" ADD CONSTRAINT "calls_for_funds_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payments" ADD CONSTRAINT "owner_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payments" ADD CONSTRAINT "owner_payments_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payments" ADD CONSTRAINT "owner_payments_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_payments" ADD CONSTRAINT "owner_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_owner_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."owner_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_line_id_call_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."call_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "building_bank_accounts_building_purpose_uq" ON "building_bank_accounts" USING btree ("organization_id","building_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "call_lines_building_communication_uq" ON "call_lines" USING btree ("organization_id","building_id","communication");--> statement-breakpoint
CREATE UNIQUE INDEX "call_lines_call_line_uq" ON "call_lines" USING btree ("call_id","line_number");--> statement-breakpoint
CREATE INDEX "call_lines_org_owner_idx" ON "call_lines" USING btree ("organization_id","owner_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_for_funds_building_number_uq" ON "calls_for_funds" USING btree ("organization_id","building_id","number");--> statement-breakpoint
CREATE INDEX "calls_for_funds_org_building_due_idx" ON "calls_for_funds" USING btree ("organization_id","building_id","due_date");--> statement-breakpoint
CREATE INDEX "owner_payments_org_owner_idx" ON "owner_payments" USING btree ("organization_id","owner_id","payment_date");--> statement-breakpoint
CREATE INDEX "payment_allocations_org_line_idx" ON "payment_allocations" USING btree ("organization_id","line_id");