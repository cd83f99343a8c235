/**
 * A user's text as an ILIKE substring pattern: `%`, `_` and the escape character itself are
 * matched literally (Postgres' default LIKE escape is the backslash), so typing `50%` or `a_b`
 * finds those characters instead of acting as wildcards.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
