import { describe, expect, it } from 'vitest'
import type { Organization } from './organization.entity.ts'
import { checkPlanLimit, reservePlanCapacity } from './plan-limits.ts'

const org = (over: Partial<Organization> = {}): Organization => ({
  id: 'org-1',
  name: 'Syndic',
  slug: 'syndic',
  contactEmail: 'c@example.test',
  contactPhone: null,
  subscriptionPlan: 'Free',
  maxBuildings: 1,
  maxUsers: 3,
  isActive: true,
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
})

describe('checkPlanLimit', () => {
  it('allows a create while the count is below the limit, refuses it at the limit naming plan and limit', () => {
    expect(checkPlanLimit(org(), 'buildings', 0).ok).toBe(true)
    const full = checkPlanLimit(org(), 'buildings', 1)
    expect(full).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        code: 'plan_limit_reached',
        message:
          'The Free plan of this organization allows at most 1 building; it has 1. A platform administrator can raise the limit.',
        params: { variant: 'buildings', plan: 'Free', count: 1, current: 1 },
      },
    })
    expect(checkPlanLimit(org(), 'users', 2).ok).toBe(true)
    const users = checkPlanLimit(org({ subscriptionPlan: 'Starter', maxUsers: 10 }), 'users', 10)
    expect(!users.ok && users.error.message).toContain(
      'The Starter plan of this organization allows at most 10 users',
    )
  })

  it('an organization already above a lowered limit gets no more', () => {
    expect(checkPlanLimit(org({ maxBuildings: 2 }), 'buildings', 5).ok).toBe(false)
  })
})

describe('reservePlanCapacity', () => {
  it('locks the organization, then counts; a missing organization is not_found', async () => {
    const calls: string[] = []
    const repos = {
      identity: {
        organizations: {
          lockForPlanCheck: async (id: string) => {
            calls.push(`lock ${id}`)
            return id === 'org-1' ? org({ maxUsers: 2 }) : null
          },
          countRows: async (id: string, resource: 'buildings' | 'users') => {
            calls.push(`count ${id} ${resource}`)
            return 1
          },
        },
      },
    }
    expect((await reservePlanCapacity(repos, 'org-1', 'users')).ok).toBe(true)
    expect(calls).toEqual(['lock org-1', 'count org-1 users'])
    const missing = await reservePlanCapacity(repos, 'nope', 'users')
    expect(!missing.ok && missing.error.kind).toBe('not_found')
  })
})
