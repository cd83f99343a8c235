ALTER TABLE "buildings" DROP CONSTRAINT "buildings_total_units_positive";--> statement-breakpoint
ALTER TABLE "buildings" ALTER COLUMN "total_units" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "owners" ALTER COLUMN "first_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "owners" ALTER COLUMN "last_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "owners" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "declared_units" integer;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "syndic_name" text;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "syndic_enterprise_number" text;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "syndic_address" text;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "syndic_email" text;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "syndic_phone" text;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "owner_type" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "enterprise_number" text;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "correspondence_address" text;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "preferred_language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "email_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "email_consent_date" date;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_total_units_not_negative" CHECK ("buildings"."total_units" >= 0);--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_declared_units_positive" CHECK ("buildings"."declared_units" is null or "buildings"."declared_units" > 0);--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_type_known" CHECK ("owners"."owner_type" in ('person', 'company'));--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_identity" CHECK (("owners"."owner_type" = 'person' and "owners"."first_name" is not null and "owners"."last_name" is not null and "owners"."company_name" is null)
          or ("owners"."owner_type" = 'company' and "owners"."company_name" is not null));--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_language_known" CHECK ("owners"."preferred_language" in ('fr', 'nl', 'de', 'en'));--> statement-breakpoint
ALTER TABLE "owners" ADD CONSTRAINT "owners_email_consent" CHECK (not "owners"."email_consent" or ("owners"."email" is not null and "owners"."email_consent_date" is not null));--> statement-breakpoint
-- Owners sorted by name: a company (no last name) sorts by its company name.
DROP INDEX "owners_org_last_name_idx";--> statement-breakpoint
ALTER TABLE "owners" ADD COLUMN "sort_name" text GENERATED ALWAYS AS (coalesce(last_name, company_name)) STORED;--> statement-breakpoint
CREATE INDEX "owners_org_last_name_idx" ON "owners" USING btree ("organization_id","sort_name","id");--> statement-breakpoint
-- total_units becomes the number of lots (ADR 0018). What was stored is what the syndic declared:
-- keep it as declared_units, then count the lots.
UPDATE "buildings" SET "declared_units" = "total_units";--> statement-breakpoint
UPDATE "buildings" b SET "total_units" = (SELECT count(*) FROM "units" u WHERE u."building_id" = b."id");--> statement-breakpoint
-- The syndic of an existing building is its managing organization until told otherwise.
UPDATE "buildings" b SET "syndic_name" = o."name", "syndic_email" = o."contact_email", "syndic_phone" = o."contact_phone"
  FROM "organizations" o WHERE o."id" = b."organization_id";--> statement-breakpoint
-- The count is the database's: an inserted building starts at 0 whatever the statement says, and
-- an UPDATE keeps it unless it comes from the units triggers below (nested, trigger depth > 1).
CREATE OR REPLACE FUNCTION buildings_total_units_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.total_units := 0;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.total_units := OLD.total_units;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER buildings_total_units_guard BEFORE INSERT OR UPDATE ON "buildings"
  FOR EACH ROW EXECUTE FUNCTION buildings_total_units_guard();--> statement-breakpoint
-- Statement-level, like the tenant row counts (0003): one UPDATE per building a statement touched,
-- in the statement's transaction. Units never move between buildings (no use case changes
-- building_id), so UPDATE needs no trigger.
CREATE OR REPLACE FUNCTION buildings_total_units_count() RETURNS trigger AS $$
BEGIN
  UPDATE "buildings" b SET "total_units" = b."total_units" + (CASE WHEN TG_OP = 'INSERT' THEN d.n ELSE -d.n END)
  FROM (SELECT "building_id", count(*) AS n FROM changed_rows GROUP BY "building_id") d
  WHERE b."id" = d."building_id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER units_building_count_insert AFTER INSERT ON "units"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION buildings_total_units_count();--> statement-breakpoint
CREATE TRIGGER units_building_count_delete AFTER DELETE ON "units"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION buildings_total_units_count();
