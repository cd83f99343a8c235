CREATE TABLE "meeting_acts" (
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_acts_pk" PRIMARY KEY("meeting_id","seq"),
	CONSTRAINT "meeting_acts_seq_positive" CHECK ("meeting_acts"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "meeting_online_proxies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"grantor_owner_id" uuid NOT NULL,
	"holder_owner_id" uuid,
	"holder_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_online_proxies_holder" CHECK (("meeting_online_proxies"."holder_owner_id" is not null) <> ("meeting_online_proxies"."holder_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_registers" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"register" jsonb NOT NULL,
	"syndic_owner_ids" jsonb NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_resolutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"proposed_decision" text,
	"decision_type" text NOT NULL,
	"majority" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_resolutions_majority" CHECK ("meeting_resolutions"."majority" in ('absolute', 'two_thirds', 'four_fifths', 'unanimity'))
);
--> statement-breakpoint
ALTER TABLE "meeting_acts" ADD CONSTRAINT "meeting_acts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_acts" ADD CONSTRAINT "meeting_acts_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_online_proxies" ADD CONSTRAINT "meeting_online_proxies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_online_proxies" ADD CONSTRAINT "meeting_online_proxies_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_online_proxies" ADD CONSTRAINT "meeting_online_proxies_grantor_owner_id_owners_id_fk" FOREIGN KEY ("grantor_owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_online_proxies" ADD CONSTRAINT "meeting_online_proxies_holder_owner_id_owners_id_fk" FOREIGN KEY ("holder_owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registers" ADD CONSTRAINT "meeting_registers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_registers" ADD CONSTRAINT "meeting_registers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_acts_org_meeting_idx" ON "meeting_acts" USING btree ("organization_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_online_proxies_grantor_uq" ON "meeting_online_proxies" USING btree ("meeting_id","grantor_owner_id");--> statement-breakpoint
CREATE INDEX "meeting_online_proxies_org_meeting_idx" ON "meeting_online_proxies" USING btree ("organization_id","meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_registers_org_idx" ON "meeting_registers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_org_meeting_idx" ON "meeting_resolutions" USING btree ("organization_id","meeting_id","position");--> statement-breakpoint
-- hand-written (keep when regenerating)
-- The meeting log and its frozen register are append-only, like audit_log (0001): no role the API
-- connects with may rewrite an assembly's history; GET …/log/verify detects rows changed anyway.
CREATE OR REPLACE FUNCTION meeting_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meeting_acts_append_only
  BEFORE UPDATE OR DELETE ON meeting_acts
  FOR EACH ROW EXECUTE FUNCTION meeting_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER meeting_registers_append_only
  BEFORE UPDATE OR DELETE ON meeting_registers
  FOR EACH ROW EXECUTE FUNCTION meeting_log_refuse_change();
