-- hand-written (keep when regenerating)
-- Issue #17 item 4 (docs/performance.md "Growth: the heavy operations at 10× data", session 7):
-- the deferred balance check of every ledger entry read its lines `WHERE entry_id = NEW.id`; the
-- lines' index on the entry is (organization_id, entry_id, position), which that filter cannot
-- seek, so each committed entry read the whole ledger_lines table (every tenant's books): a bank
-- import of 9,000 payments read it 9,000 times. Naming the tenant makes it an index range of the
-- entry's own lines. Same checks, same message.
CREATE OR REPLACE FUNCTION ledger_entry_balanced() RETURNS trigger AS $$
DECLARE
  d bigint;
  c bigint;
  t bigint;
BEGIN
  SELECT coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0) INTO d, c
    FROM ledger_lines WHERE organization_id = NEW.organization_id AND entry_id = NEW.id;
  SELECT total_cents INTO t FROM ledger_entries WHERE id = NEW.id;
  IF d <> c OR d <> t THEN
    RAISE EXCEPTION 'ledger entry % does not balance (debit %, credit %, total %)', NEW.id, d, c, t;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
