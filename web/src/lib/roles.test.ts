import { describe, expect, it } from 'vitest'
import { canOpen, canWrite, DASHBOARD, isReadOnly, navFor } from './roles'

// The account auditor (issue #16 item 5): reads their building(s), never a write control.
describe('auditor role in the web app', () => {
  it('lands on the buildings list, opens only what the API lets them read, writes nothing', () => {
    expect(DASHBOARD.auditor).toBe('/buildings')
    expect(navFor('auditor')).toEqual(['/buildings', '/expenses', '/documents', '/books', '/profile'])
    for (const path of ['/owners', '/units', '/suppliers', '/meetings', '/syndic'] as const)
      expect(canOpen('auditor', path)).toBe(false)
    for (const resource of [
      'buildings',
      'units',
      'owners',
      'suppliers',
      'expenses',
      'meetings',
      'documents',
    ] as const)
      expect(canWrite('auditor', resource)).toBe(false)
    expect(isReadOnly('auditor')).toBe(true)
    expect(isReadOnly('accountant')).toBe(false)
  })
})
