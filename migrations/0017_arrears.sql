CREATE TABLE "arrears_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"steps" jsonb NOT NULL,
	"reminder_fee_cents" bigint DEFAULT 0 NOT NULL,
	"fee_basis" text,
	"fee_basis_ref" text,
	"interest_enabled" boolean DEFAULT false NOT NULL,
	"interest_basis" text,
	"interest_basis_ref" text,
	"daily_run" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrears_settings_fee" CHECK ("arrears_settings"."reminder_fee_cents" >= 0),
	CONSTRAINT "arrears_settings_interest_basis" CHECK (not "arrears_settings"."interest_enabled" or ("arrears_settings"."interest_basis" in ('statutes', 'assembly') and "arrears_settings"."interest_basis_ref" is not null)),
	CONSTRAINT "arrears_settings_fee_basis" CHECK ("arrears_settings"."reminder_fee_cents" = 0 or ("arrears_settings"."fee_basis" in ('statutes', 'assembly') and "arrears_settings"."fee_basis_ref" is not null))
);
--> statement-breakpoint
CREATE TABLE "legal_interest_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"year" integer NOT NULL,
	"rate_bp" integer NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_interest_rates_rate" CHECK ("legal_interest_rates"."rate_bp" >= 0 and "legal_interest_rates"."rate_bp" <= 2500)
);
--> statement-breakpoint
CREATE TABLE "reminder_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"reminder_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"unit_number" text NOT NULL,
	"label" text NOT NULL,
	"communication" text NOT NULL,
	"due_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"outstanding_cents" bigint NOT NULL,
	"interest_cents" bigint DEFAULT 0 NOT NULL,
	"interest_from" date,
	"interest_to" date
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"kind" text NOT NULL,
	"reminder_date" date NOT NULL,
	"outstanding_cents" bigint NOT NULL,
	"interest_cents" bigint DEFAULT 0 NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"delivery" text NOT NULL,
	"document_id" uuid,
	"emailed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_kind" CHECK ("reminders"."kind" in ('friendly', 'firm', 'formal_notice')),
	CONSTRAINT "reminders_delivery" CHECK ("reminders"."delivery" in ('email', 'post', 'registered')),
	CONSTRAINT "reminders_amounts" CHECK ("reminders"."outstanding_cents" > 0 and "reminders"."interest_cents" >= 0 and "reminders"."fee_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "arrears_settings" ADD CONSTRAINT "arrears_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_settings" ADD CONSTRAINT "arrears_settings_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_interest_rates" ADD CONSTRAINT "legal_interest_rates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_lines" ADD CONSTRAINT "reminder_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_lines" ADD CONSTRAINT "reminder_lines_reminder_id_reminders_id_fk" FOREIGN KEY ("reminder_id") REFERENCES "public"."reminders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_lines" ADD CONSTRAINT "reminder_lines_line_id_call_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."call_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_settings_building_uq" ON "arrears_settings" USING btree ("organization_id","building_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_interest_rates_org_year_uq" ON "legal_interest_rates" USING btree ("organization_id","year") WHERE "legal_interest_rates"."organization_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_interest_rates_platform_year_uq" ON "legal_interest_rates" USING btree ("year") WHERE "legal_interest_rates"."organization_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_lines_line_step_uq" ON "reminder_lines" USING btree ("organization_id","line_id","step");--> statement-breakpoint
CREATE INDEX "reminder_lines_reminder_idx" ON "reminder_lines" USING btree ("organization_id","reminder_id");--> statement-breakpoint
CREATE INDEX "reminders_org_building_idx" ON "reminders" USING btree ("organization_id","building_id","reminder_date");--> statement-breakpoint
CREATE INDEX "reminders_org_owner_idx" ON "reminders" USING btree ("organization_id","owner_id");