import { describe, expect, it } from 'vitest'
import { distributeCharge } from './charge-distribution.service.ts'

// The worked example of docs/charge-distribution.md: if this fails, fix the code or the doc.
describe('the documented worked example (1 234,57 € over 333/333/334, C1 held 2/3–1/3)', () => {
  it('gives the parts printed in docs/charge-distribution.md', () => {
    const result = distributeCharge(123_457, {
      totalTantiemes: 1000,
      units: [
        {
          unitId: 'u-a1',
          unitNumber: 'A1',
          quota: 333,
          owners: [{ ownerId: 'sophie', sharePpm: 1_000_000 }],
        },
        { unitId: 'u-b1', unitNumber: 'B1', quota: 333, owners: [{ ownerId: 'luc', sharePpm: 1_000_000 }] },
        {
          unitId: 'u-c1',
          unitNumber: 'C1',
          quota: 334,
          owners: [
            { ownerId: 'marie', sharePpm: 666_667 },
            { ownerId: 'jan', sharePpm: 333_333 },
          ],
        },
      ],
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const units = Object.fromEntries(result.value.units.map((u) => [u.unitNumber, u.amountCents]))
    expect(units).toEqual({ A1: 41_111, B1: 41_111, C1: 41_235 })
    const owners = Object.fromEntries(
      result.value.units.flatMap((u) => u.owners.map((o) => [o.ownerId, o.amountCents])),
    )
    expect(owners).toEqual({ sophie: 41_111, luc: 41_111, marie: 27_490, jan: 13_745 })
    expect(result.value.unallocatedCents).toBe(0)
  })
})
