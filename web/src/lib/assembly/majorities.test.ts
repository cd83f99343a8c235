import { DECISION_TYPE_KEYS, isAtLeast, requiredMajority } from '@koprogo/domain/assembly'
import { describe, expect, it } from 'vitest'
import { allowedMajorities } from './majorities'

describe('majorities offered by the agenda editor', () => {
  it('start with the required one and never offer a lower one, for every decision type', () => {
    for (const type of DECISION_TYPE_KEYS) {
      const offered = allowedMajorities(type)
      expect(offered[0]).toBe(requiredMajority(type))
      for (const m of offered) expect(isAtLeast(m, requiredMajority(type))).toBe(true)
    }
  })

  it('ordinary decisions may take any majority; a quote-parts change only unanimity (art. 3.88 §3)', () => {
    expect(allowedMajorities('ordinary')).toEqual(['absolute', 'two_thirds', 'four_fifths', 'unanimity'])
    expect(allowedMajorities('common_works')).toEqual(['two_thirds', 'four_fifths', 'unanimity'])
    expect(allowedMajorities('reserve_fund_waiver')).toEqual(['four_fifths', 'unanimity'])
    expect(allowedMajorities('quote_parts_change')).toEqual(['unanimity'])
  })
})
