-- Dated ownership rights (issue #20): each link carries its right (full ownership, usufruct or bare
-- ownership; shares add up per right on every date, checked by the domain under the unit lock), and
-- unit_representatives records, per lot and from a date, who votes and who receives calls for funds.
CREATE TABLE "unit_representatives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"voter_owner_id" uuid,
	"calls_owner_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_ownerships" ADD COLUMN "right_type" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_representatives" ADD CONSTRAINT "unit_representatives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_representatives" ADD CONSTRAINT "unit_representatives_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_representatives" ADD CONSTRAINT "unit_representatives_voter_owner_id_owners_id_fk" FOREIGN KEY ("voter_owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_representatives" ADD CONSTRAINT "unit_representatives_calls_owner_id_owners_id_fk" FOREIGN KEY ("calls_owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_representatives_unit_start_uq" ON "unit_representatives" USING btree ("unit_id","start_date");--> statement-breakpoint
CREATE INDEX "unit_representatives_org_unit_idx" ON "unit_representatives" USING btree ("organization_id","unit_id");--> statement-breakpoint
ALTER TABLE "unit_ownerships" ADD CONSTRAINT "unit_ownerships_right_type" CHECK ("unit_ownerships"."right_type" in ('full', 'usufruct', 'bare'));