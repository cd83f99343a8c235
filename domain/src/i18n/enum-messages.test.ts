import { describe, expect, it } from 'vitest'
import { DOCUMENT_TYPES } from '../documents/document.entity.ts'
import { EXPENSE_CATEGORIES, PAYMENT_STATUSES } from '../finance/expense.entity.ts'
import { MEETING_STATUSES, MEETING_TYPES } from '../governance/meeting.entity.ts'
import { SUBSCRIPTION_PLANS } from '../identity/organization.entity.ts'
import { ROLES } from '../identity/role.value-object.ts'
import { OWNER_TYPES } from '../property/owner.entity.ts'
import { RIGHT_TYPES } from '../property/ownership-timeline.ts'
import { UNIT_TYPES } from '../property/unit.entity.ts'
import { type EnumName, enumKey, isMessageKey, LOCALES, MESSAGES, translate } from './index.ts'

// The domain's own lists, walked at run time: a value added to a list without a label in every
// language fails here (and in the typecheck of enum-messages.ts).
const DOMAIN_ENUMS: Record<EnumName, readonly string[]> = {
  unit_type: UNIT_TYPES,
  category: EXPENSE_CATEGORIES,
  payment_status: PAYMENT_STATUSES,
  meeting_type: MEETING_TYPES,
  meeting_status: MEETING_STATUSES,
  role: ROLES,
  subscription_plan: SUBSCRIPTION_PLANS,
  document_type: DOCUMENT_TYPES,
  owner_type: OWNER_TYPES,
  right_type: RIGHT_TYPES,
}

describe('enum labels', () => {
  it('every value of every domain enum has a non-empty label in every locale', () => {
    const missing: string[] = []
    for (const [name, values] of Object.entries(DOMAIN_ENUMS) as [EnumName, readonly string[]][])
      for (const value of values) {
        const key = enumKey(name, value as never)
        if (!isMessageKey(key)) missing.push(`${key} (no key)`)
        else for (const l of LOCALES) if (!MESSAGES[l][key]) missing.push(`${key} (${l})`)
      }
    expect(missing).toEqual([])
  })

  it('labels nothing the domain does not have (no stale value after a rename)', () => {
    const known = new Set(
      Object.entries(DOMAIN_ENUMS).flatMap(([name, values]) => values.map((v) => `enum.${name}.${v}`)),
    )
    expect(Object.keys(MESSAGES.en).filter((k) => k.startsWith('enum.') && !known.has(k))).toEqual([])
  })

  it('shows the stable wire value in the reader’s language', () => {
    expect(translate('fr', enumKey('unit_type', 'Cellar'))).toBe('Cave')
    expect(translate('nl', enumKey('payment_status', 'Overdue'))).toBe('Achterstallig')
    expect(translate('de', enumKey('right_type', 'usufruct'))).toBe('Nießbrauch')
    expect(translate('en', enumKey('document_type', 'WorksQuote'))).toBe('Quote for works')
  })
})
