CREATE TABLE "assembly_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"language" text NOT NULL,
	"document_id" uuid,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assembly_deliveries_channel" CHECK ("assembly_deliveries"."channel" in ('email', 'post'))
);
--> statement-breakpoint
CREATE TABLE "assembly_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"owner_ids" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"shares_held" real NOT NULL,
	"shares_total" integer NOT NULL,
	"note" text,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_mandates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"resolution_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_mandates_dates" CHECK ("board_mandates"."end_date" is null or "board_mandates"."end_date" >= "board_mandates"."start_date")
);
--> statement-breakpoint
CREATE TABLE "building_assembly_settings" (
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"notice_days" integer DEFAULT 15 NOT NULL,
	"ordinary_period_start" text,
	"ordinary_period_end" text,
	"remote_participation" boolean DEFAULT false NOT NULL,
	"minutes_languages" jsonb DEFAULT '["fr"]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_assembly_settings_organization_id_building_id_pk" PRIMARY KEY("organization_id","building_id"),
	CONSTRAINT "building_assembly_settings_notice_min" CHECK ("building_assembly_settings"."notice_days" >= 15)
);
--> statement-breakpoint
CREATE TABLE "captured_mail_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_ids" jsonb NOT NULL,
	"root_hash" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "second_assemblies" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"first_meeting_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assembly_deliveries" ADD CONSTRAINT "assembly_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_deliveries" ADD CONSTRAINT "assembly_deliveries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_deliveries" ADD CONSTRAINT "assembly_deliveries_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_requests" ADD CONSTRAINT "assembly_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_requests" ADD CONSTRAINT "assembly_requests_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_requests" ADD CONSTRAINT "assembly_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_mandates" ADD CONSTRAINT "board_mandates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_mandates" ADD CONSTRAINT "board_mandates_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_mandates" ADD CONSTRAINT "board_mandates_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_assembly_settings" ADD CONSTRAINT "building_assembly_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_assembly_settings" ADD CONSTRAINT "building_assembly_settings_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_assemblies" ADD CONSTRAINT "second_assemblies_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_assemblies" ADD CONSTRAINT "second_assemblies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_assemblies" ADD CONSTRAINT "second_assemblies_first_meeting_id_meetings_id_fk" FOREIGN KEY ("first_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assembly_deliveries_once_idx" ON "assembly_deliveries" USING btree ("organization_id","meeting_id","kind","owner_id");--> statement-breakpoint
CREATE INDEX "assembly_requests_org_building_idx" ON "assembly_requests" USING btree ("organization_id","building_id","received_at");--> statement-breakpoint
CREATE INDEX "board_mandates_org_building_idx" ON "board_mandates" USING btree ("organization_id","building_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "captured_mail_attachments_job_file_idx" ON "captured_mail_attachments" USING btree ("job_id","filename");--> statement-breakpoint
CREATE INDEX "meeting_minutes_org_idx" ON "meeting_minutes" USING btree ("organization_id","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "second_assemblies_org_first_idx" ON "second_assemblies" USING btree ("organization_id","first_meeting_id");