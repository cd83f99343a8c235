import type { FieldIssue } from './domain-error.ts'

/** The longest e-mail address accepted anywhere (RFC 5321's path limit less the brackets). */
export const EMAIL_MAX = 254

/** Small validation helpers shared by entities; each returns an issue or nothing. */
export function requiredText(
  path: string,
  value: string | null | undefined,
  max = 255,
): FieldIssue | undefined {
  const v = value?.trim() ?? ''
  if (v.length === 0) return { path, message: 'is required' }
  if (v.length > max) return { path, message: `must be at most ${max} characters` }
  return undefined
}

export function optionalText(
  path: string,
  value: string | null | undefined,
  max = 255,
): FieldIssue | undefined {
  if (value === null || value === undefined) return undefined
  if (value.length > max) return { path, message: `must be at most ${max} characters` }
  return undefined
}

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is checked by mail.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function emailIssue(path: string, value: string): FieldIssue | undefined {
  if (value.length > EMAIL_MAX || !EMAIL.test(value))
    return { path, message: 'must be a valid e-mail address' }
  return undefined
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase()
}

export function collectIssues(...issues: (FieldIssue | undefined)[]): FieldIssue[] {
  return issues.filter((i): i is FieldIssue => i !== undefined)
}
