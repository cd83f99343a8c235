CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"distribution_key_id" uuid,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "budget_lines_amount_positive" CHECK ("budget_lines"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"provision_periodicity" text DEFAULT 'quarterly' NOT NULL,
	"reserve_contribution_cents" bigint DEFAULT 0 NOT NULL,
	"previous_year_ordinary_charges_cents" bigint,
	"reserve_waiver_resolution_id" uuid,
	"reserve_waiver_reference" text,
	"reserve_waiver_decided_on" date,
	"approval_resolution_id" uuid,
	"approval_reference" text,
	"approved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_status" CHECK ("budgets"."status" in ('draft', 'approved')),
	CONSTRAINT "budgets_periodicity" CHECK ("budgets"."provision_periodicity" in ('monthly', 'quarterly')),
	CONSTRAINT "budgets_reserve_non_negative" CHECK ("budgets"."reserve_contribution_cents" >= 0),
	CONSTRAINT "budgets_approved_has_decision" CHECK ("budgets"."status" = 'draft' or ("budgets"."approved_on" is not null and ("budgets"."approval_resolution_id" is not null or "budgets"."approval_reference" is not null)))
);
--> statement-breakpoint
CREATE TABLE "building_finance_settings" (
	"building_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"sale_split_rule" text DEFAULT 'days' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_finance_settings_rule" CHECK ("building_finance_settings"."sale_split_rule" in ('days', 'invoice_date', 'due_date'))
);
--> statement-breakpoint
CREATE TABLE "distribution_key_members" (
	"organization_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"weight" bigint,
	CONSTRAINT "distribution_key_members_key_id_unit_id_pk" PRIMARY KEY("key_id","unit_id"),
	CONSTRAINT "distribution_key_members_weight_positive" CHECK ("distribution_key_members"."weight" is null or "distribution_key_members"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "distribution_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"statutory" boolean DEFAULT false NOT NULL,
	"resolution_id" uuid,
	"resolution_reference" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_keys_kind" CHECK ("distribution_keys"."kind" in ('general', 'subset', 'custom'))
);
--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "distribution_key_id" uuid;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_distribution_key_id_distribution_keys_id_fk" FOREIGN KEY ("distribution_key_id") REFERENCES "public"."distribution_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_finance_settings" ADD CONSTRAINT "building_finance_settings_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_finance_settings" ADD CONSTRAINT "building_finance_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_key_members" ADD CONSTRAINT "distribution_key_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_key_members" ADD CONSTRAINT "distribution_key_members_key_id_distribution_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."distribution_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_key_members" ADD CONSTRAINT "distribution_key_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_keys" ADD CONSTRAINT "distribution_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_keys" ADD CONSTRAINT "distribution_keys_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_lines_org_budget_idx" ON "budget_lines" USING btree ("organization_id","budget_id","position");--> statement-breakpoint
CREATE INDEX "budget_lines_key_idx" ON "budget_lines" USING btree ("distribution_key_id");--> statement-breakpoint
CREATE INDEX "budgets_org_building_year_idx" ON "budgets" USING btree ("organization_id","building_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_one_approved_per_year" ON "budgets" USING btree ("building_id","fiscal_year") WHERE "budgets"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "building_finance_settings_org_idx" ON "building_finance_settings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "distribution_key_members_org_key_idx" ON "distribution_key_members" USING btree ("organization_id","key_id");--> statement-breakpoint
CREATE INDEX "distribution_keys_org_building_idx" ON "distribution_keys" USING btree ("organization_id","building_id","name");--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_distribution_key_id_distribution_keys_id_fk" FOREIGN KEY ("distribution_key_id") REFERENCES "public"."distribution_keys"("id") ON DELETE no action ON UPDATE no action;