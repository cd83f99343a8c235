// Field-by-field merge of an edit refused with 409 (issue #19, item 3). The edit carries only the
// fields this user changed and their values in the version the user edited (the base). Against
// the server's current row: a field only I changed is applied on top of theirs; a field only they
// changed is left alone (not sent); a field we both changed to different values is a conflict,
// the only thing shown to the user.

/** Equal as the API means it: same JSON, numbers equal to numeric text, one instant in two ISO
 * spellings ("…T18:00:00Z" and "…T18:00:00.000Z"). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a
  if (typeof a === 'string' && typeof b === 'number') return sameValue(b, a)
  if (typeof a === 'string' && typeof b === 'string') {
    const iso = /^\d{4}-\d{2}-\d{2}T/
    if (iso.test(a) && iso.test(b)) return Date.parse(a) === Date.parse(b)
    return false
  }
  return JSON.stringify(a) === JSON.stringify(b)
}

export interface MergeOutcome {
  /** Fields to send on top of the server's version: mine, all of them (only mine were queued). */
  apply: Record<string, unknown>
  /** Fields both sides changed to different values: the user decides. */
  conflicts: string[]
}

/**
 * `mine`: the fields I changed and their new values. `base`: those fields as I saw them before
 * editing (absent for an entry queued before bases were recorded: then every field of mine the
 * server holds differently is treated as a conflict, the safe reading). `server`: the current row.
 */
export function mergeEdit(
  mine: Record<string, unknown>,
  base: Record<string, unknown> | undefined,
  server: Record<string, unknown>,
): MergeOutcome {
  const conflicts: string[] = []
  for (const [field, value] of Object.entries(mine)) {
    if (sameValue(server[field], value)) continue // they made the same change, or nobody changed it
    const theyChanged = base ? !sameValue(server[field], base[field]) : field in server
    if (theyChanged) conflicts.push(field)
  }
  return { apply: { ...mine }, conflicts }
}

/** A form's changed fields: what differs between the values sent and the row it started from. */
export function changedFields(
  next: Record<string, unknown>,
  original: Record<string, unknown>,
): { changes: Record<string, unknown>; base: Record<string, unknown> } {
  const changes: Record<string, unknown> = {}
  const base: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(next)) {
    if (sameValue(value, original[field])) continue
    changes[field] = value
    base[field] = original[field] ?? null
  }
  return { changes, base }
}
