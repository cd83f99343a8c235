-- hand-written (keep when regenerating)
-- Issue #17 item 2, ADR 0054: a posting into a closed fiscal year (ADR 0040) is refused by the
-- insert's own statement, as the counted limits are (ADR 0047, migration 0027): the trigger that
-- backed the ledger's own check now RAISEs a check_violation naming the rule
-- (ledger_fiscal_year_closed) with the year in DETAIL (JSON), which the adapter maps to the same
-- 409 fiscal_year_closed the domain gives. A batched unit of work (an expense's create) then
-- needs no read of fiscal_year_closings before its one write statement.
CREATE OR REPLACE FUNCTION ledger_refuse_closed_year() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM fiscal_year_closings
     WHERE organization_id = NEW.organization_id
       AND building_id = NEW.building_id
       AND fiscal_year = NEW.fiscal_year
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_fiscal_year_closed',
      MESSAGE = format('fiscal year %s of building %s is closed (%s refused)', NEW.fiscal_year, NEW.building_id, TG_TABLE_NAME),
      DETAIL = json_build_object('fiscal_year', NEW.fiscal_year)::text;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
