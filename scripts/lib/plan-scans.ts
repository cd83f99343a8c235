/**
 * The scan nodes of a Postgres plan in text form — auto_explain's log (bench/plans.ts, the list
 * endpoints under the mix) or `EXPLAIN`'s text output (functions/test/load/growth.ts, the heavy
 * operations at 10× data): one reading of "which table was read how" for both growth checks.
 */
const SCAN_NODE =
  /((?:Parallel )?(?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan(?: using \w+)? on \w+)/g

/** e.g. `Index Scan using buildings_org_created_idx on buildings`, `Seq Scan on units`. */
export function scanNodes(plan: string): string[] {
  return [...plan.matchAll(SCAN_NODE)].map((m) => m[1] as string)
}

/** The tables a plan reads whole (a sequential scan), in plan order, once each. */
export function seqScannedTables(plan: string): string[] {
  const tables = scanNodes(plan)
    .filter((s) => /^(?:Parallel )?Seq Scan on /.test(s))
    .map((s) => s.replace(/^(?:Parallel )?Seq Scan on /, ''))
  return [...new Set(tables)]
}

/** Each sequential scan with the planner's estimate of the rows it keeps (text plans). */
export function seqScanEstimates(plan: string): { table: string; rows: number }[] {
  return [
    ...plan.matchAll(/(?:Parallel )?Seq Scan on (\w+)(?: \w+)?\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+)/g),
  ].map((m) => ({ table: m[1] as string, rows: Number(m[2]) }))
}
