CREATE TABLE "etat_date_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"requested_by" text NOT NULL,
	"requester_email" text,
	"notary_reference" text,
	"request_date" date NOT NULL,
	"deadline_date" date NOT NULL,
	"deed_date" date,
	"language" text NOT NULL,
	"pending_procedures" text,
	"decided_works" text,
	"document_id" uuid,
	"generated_at" timestamp with time zone,
	"figures" jsonb,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "etat_date_requests_basis" CHECK ("etat_date_requests"."basis" in ('art_3_94_1', 'art_3_94_2')),
	CONSTRAINT "etat_date_requests_language" CHECK ("etat_date_requests"."language" in ('fr', 'nl', 'de', 'en')),
	CONSTRAINT "etat_date_requests_deadline" CHECK ("etat_date_requests"."deadline_date" >= "etat_date_requests"."request_date")
);
--> statement-breakpoint
ALTER TABLE "etat_date_requests" ADD CONSTRAINT "etat_date_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etat_date_requests" ADD CONSTRAINT "etat_date_requests_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etat_date_requests" ADD CONSTRAINT "etat_date_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etat_date_requests" ADD CONSTRAINT "etat_date_requests_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "etat_date_requests_org_building_idx" ON "etat_date_requests" USING btree ("organization_id","building_id","request_date");--> statement-breakpoint
CREATE INDEX "etat_date_requests_org_unit_idx" ON "etat_date_requests" USING btree ("organization_id","unit_id");