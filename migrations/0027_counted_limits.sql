ALTER TABLE "organizations" ADD COLUMN "building_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "quota_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_id_org_uq" ON "buildings" USING btree ("id","organization_id");--> statement-breakpoint
-- hand-written (keep when regenerating)
-- Issue #17 item 2, ADR 0047: a create of a building or a unit checks its limit in the insert's
-- own statement. The counted value is kept on the row the limit is on (the organization's
-- building count, the building's used tantièmes), updated by the insert's trigger: the UPDATE
-- takes that row's lock and, under READ COMMITTED, re-reads the row's newest version after any
-- lock wait, so concurrent creates at the limit are checked one after the other — no
-- lock-then-count round trips. A refusal is RAISEd as a check_violation naming the limit
-- (organizations_building_limit, buildings_quota_within_total); the adapter maps it to the 409.
-- A unit's building must be of the unit's organization: the tenant guard of a unit's create, in
-- the insert itself (no read of the building first). Answered 404 like a missing building.
ALTER TABLE "units" ADD CONSTRAINT "units_building_same_org_fk" FOREIGN KEY ("building_id", "organization_id")
  REFERENCES "buildings" ("id", "organization_id");--> statement-breakpoint
UPDATE "organizations" o SET "building_count" = (SELECT count(*) FROM "buildings" b WHERE b."organization_id" = o."id");--> statement-breakpoint
UPDATE "buildings" b SET "quota_used" = coalesce((SELECT sum(u."quota") FROM "units" u WHERE u."building_id" = b."id"), 0);--> statement-breakpoint
-- Both counts are the database's (as total_units, 0008): an insert starts at 0, an UPDATE keeps
-- them unless it comes from a counting trigger (trigger depth > 1).
CREATE OR REPLACE FUNCTION buildings_total_units_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.total_units := 0;
    NEW.quota_used := 0;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.total_units := OLD.total_units;
    NEW.quota_used := OLD.quota_used;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION organizations_building_count_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.building_count := 0;
  ELSIF pg_trigger_depth() = 1 THEN
    NEW.building_count := OLD.building_count;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER organizations_building_count_guard BEFORE INSERT OR UPDATE ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION organizations_building_count_guard();--> statement-breakpoint
-- Lots and used tantièmes in one UPDATE of each building the statement touched. An insert that
-- takes a building past its total_tantiemes is refused: the check reads the UPDATE's RETURNING,
-- i.e. the row's newest version after any lock wait.
CREATE OR REPLACE FUNCTION buildings_total_units_count() RETURNS trigger AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    UPDATE "buildings" b
    SET "total_units" = b."total_units" + (CASE WHEN TG_OP = 'INSERT' THEN d.n ELSE -d.n END),
        "quota_used" = b."quota_used" + (CASE WHEN TG_OP = 'INSERT' THEN d.q ELSE -d.q END)
    FROM (SELECT "building_id", count(*) AS n, sum("quota") AS q FROM changed_rows GROUP BY "building_id") d
    WHERE b."id" = d."building_id"
    RETURNING b."quota_used" AS used, b."total_tantiemes" AS total, d.q AS added
  LOOP
    IF TG_OP = 'INSERT' AND r.used > r.total THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'buildings_quota_within_total',
        MESSAGE = format('quota %s exceeds the tantièmes left in this building', r.added),
        DETAIL = json_build_object('quota', r.added, 'used', r.used - r.added, 'total', r.total)::text;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- A unit's quota changed (update-unit checks it first under the building's lock; this keeps the
-- sum and refuses a raise beyond the total whoever writes it).
CREATE OR REPLACE FUNCTION buildings_quota_used_change() RETURNS trigger AS $$
DECLARE
  r record;
BEGIN
  UPDATE "buildings" b SET "quota_used" = b."quota_used" + NEW."quota" - OLD."quota"
  WHERE b."id" = NEW."building_id"
  RETURNING b."quota_used" AS used, b."total_tantiemes" AS total INTO r;
  IF NEW."quota" > OLD."quota" AND r.used > r.total THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'buildings_quota_within_total',
      MESSAGE = format('quota %s exceeds the tantièmes left in this building', NEW."quota"),
      DETAIL = json_build_object('quota', NEW."quota", 'used', r.used - NEW."quota", 'total', r.total)::text;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER units_quota_used_change AFTER UPDATE OF "quota" ON "units"
  FOR EACH ROW WHEN (OLD."quota" IS DISTINCT FROM NEW."quota") EXECUTE FUNCTION buildings_quota_used_change();--> statement-breakpoint
-- The organization's building count, against its plan: a conditional UPDATE (count + n within
-- max_buildings), re-checked by Postgres on the newest row version after any lock wait. The
-- lock is NO KEY UPDATE (a non-key column): it does not queue the foreign-key checks of other
-- inserts that reference the organization, only other plan checks.
CREATE OR REPLACE FUNCTION organizations_building_count() RETURNS trigger AS $$
DECLARE
  r record;
  org record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "organizations" o SET "building_count" = o."building_count" - d.n
    FROM (SELECT "organization_id", count(*) AS n FROM changed_rows GROUP BY "organization_id") d
    WHERE o."id" = d."organization_id";
    RETURN NULL;
  END IF;
  FOR r IN SELECT "organization_id" AS id, count(*)::integer AS n FROM changed_rows GROUP BY "organization_id" ORDER BY 1 LOOP
    UPDATE "organizations" SET "building_count" = "building_count" + r.n
    WHERE "id" = r.id AND "building_count" + r.n <= "max_buildings";
    IF NOT FOUND THEN
      -- A statement of its own: it sees what the lock holder committed.
      SELECT "subscription_plan" AS plan, "max_buildings" AS lim, "building_count" AS cnt
      INTO org FROM "organizations" WHERE "id" = r.id;
      IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'organizations_building_limit',
          MESSAGE = format('the plan allows at most %s buildings', org.lim),
          DETAIL = json_build_object('plan', org.plan, 'limit', org.lim, 'current', org.cnt)::text;
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER buildings_organization_count_insert AFTER INSERT ON "buildings"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations_building_count();--> statement-breakpoint
CREATE TRIGGER buildings_organization_count_delete AFTER DELETE ON "buildings"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations_building_count();
