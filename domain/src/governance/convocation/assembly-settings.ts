import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import {
  type DecisionType,
  requiredMajority,
  type StatutoryMajorities,
  statutoryMajorityIssues,
} from '../assembly/majority.ts'
import { CONVOCATION_MIN_DAYS } from '../convocation.policy.ts'

/*
 * What a building's statutes (acte de base / règlement de copropriété) may set about its general
 * assemblies, with the law's default when they say nothing. Belgian Civil Code:
 * - art. 3.87 §3: the convocation is sent at least 15 days before the assembly, unless the
 *   statutes set a LONGER notice: a shorter one is refused.
 * - art. 3.87 §2, first paragraph: the ordinary assembly is held every year during the period the statutes fix
 *   (a fortnight); the law sets no default, so an unset period means "not recorded".
 * - art. 3.87 §1 (paragraph not verified against the primary text): participation at a distance is
 *   possible when the convocation offers it.
 * - the minutes are written in the language(s) the building uses (the law sets none: French by
 *   default here, the syndic adds Dutch/German for a bilingual building).
 * - the statutes may require a HIGHER majority than the law for some decision types (art. 3.88's
 *   majorities are minimums; the former art. 577-7 §1: "sauf dispositions plus strictes du
 *   règlement de copropriété"), never a lower one: `statutoryMajorities`, empty by default.
 */

export const MINUTES_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number]

/** Longest notice accepted: statutes asking more than a quarter are a typing error. */
export const NOTICE_DAYS_MAX = 90

export type AssemblySettings = {
  readonly buildingId: string
  readonly organizationId: string
  /** ≥ 15 (art. 3.87 §3). */
  readonly noticeDays: number
  /** 'MM-DD' first day of the statutory period of the ordinary assembly, or null. */
  readonly ordinaryPeriodStart: string | null
  /** 'MM-DD' last day of that period, or null. */
  readonly ordinaryPeriodEnd: string | null
  readonly remoteParticipation: boolean
  readonly minutesLanguages: readonly MinutesLanguage[]
  /** Decision types whose majority the statutes raise above the law's (requiredMajority applies it). */
  readonly statutoryMajorities: StatutoryMajorities
  /** False while the building uses the legal defaults (nothing stored). */
  readonly stored: boolean
  readonly version: number
}

export function legalDefaultSettings(organizationId: string, buildingId: string): AssemblySettings {
  return {
    buildingId,
    organizationId,
    noticeDays: CONVOCATION_MIN_DAYS,
    ordinaryPeriodStart: null,
    ordinaryPeriodEnd: null,
    remoteParticipation: false,
    minutesLanguages: ['fr'],
    statutoryMajorities: {},
    stored: false,
    version: 0,
  }
}

export type AssemblySettingsChanges = {
  readonly noticeDays?: number | undefined
  readonly ordinaryPeriodStart?: string | null | undefined
  readonly ordinaryPeriodEnd?: string | null | undefined
  readonly remoteParticipation?: boolean | undefined
  readonly minutesLanguages?: readonly string[] | undefined
  /** Replaces the whole map; a type mapped to its legal majority is dropped (nothing raised). */
  readonly statutoryMajorities?: Readonly<Record<string, string>> | undefined
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function monthDayIssue(path: string, value: string | null | undefined): FieldIssue | undefined {
  if (value === null || value === undefined) return undefined
  const m = MONTH_DAY.exec(value)
  if (!m || Number(m[2]) > (DAYS_IN_MONTH[Number(m[1]) - 1] ?? 0))
    return { path, message: 'must be a day of the year as MM-DD' }
  return undefined
}

/** Applies changes to the current settings; a notice under the legal 15 days is refused (art. 3.87 §3). */
export function reviseSettings(
  current: AssemblySettings,
  changes: AssemblySettingsChanges,
): Result<AssemblySettings> {
  const next = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  } as AssemblySettings
  const issues: FieldIssue[] = []
  if (!Number.isInteger(next.noticeDays) || next.noticeDays < CONVOCATION_MIN_DAYS)
    issues.push({
      path: 'notice_days',
      message: `must be at least ${CONVOCATION_MIN_DAYS} days (Civil Code art. 3.87 §3: statutes may only lengthen the notice)`,
    })
  else if (next.noticeDays > NOTICE_DAYS_MAX)
    issues.push({ path: 'notice_days', message: `must be at most ${NOTICE_DAYS_MAX} days` })
  for (const [path, v] of [
    ['ordinary_period_start', next.ordinaryPeriodStart],
    ['ordinary_period_end', next.ordinaryPeriodEnd],
  ] as const) {
    const issue = monthDayIssue(path, v)
    if (issue) issues.push(issue)
  }
  if ((next.ordinaryPeriodStart === null) !== (next.ordinaryPeriodEnd === null))
    issues.push({ path: 'ordinary_period_end', message: 'give both ends of the period, or neither' })
  const langs = [...new Set(next.minutesLanguages)]
  if (langs.length === 0 || !langs.every((l) => (MINUTES_LANGUAGES as readonly string[]).includes(l)))
    issues.push({
      path: 'minutes_languages',
      message: `must list one or more of ${MINUTES_LANGUAGES.join(', ')}`,
    })
  issues.push(...statutoryMajorityIssues(next.statutoryMajorities))
  if (issues.length > 0) return err(DomainErrors.validation('Invalid assembly settings', issues))
  return ok({
    ...next,
    statutoryMajorities: raisedOnly(next.statutoryMajorities),
    minutesLanguages: langs as MinutesLanguage[],
    stored: true,
    version: current.version + 1,
  })
}

/** Keeps the types whose statutory majority is stricter than the law's (validated before). */
function raisedOnly(value: StatutoryMajorities): StatutoryMajorities {
  return Object.fromEntries(
    Object.entries(value).filter(([type, m]) => m && requiredMajority(type as DecisionType) !== m),
  ) as StatutoryMajorities
}

/** Whether a day falls in the statutory period (art. 3.87 §2, first paragraph); true when none is recorded. A period may wrap the new year. */
export function inOrdinaryPeriod(settings: AssemblySettings, monthDay: string): boolean {
  const { ordinaryPeriodStart: from, ordinaryPeriodEnd: to } = settings
  if (!from || !to) return true
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to
}
