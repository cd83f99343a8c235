// Every owner of the organization by id (page after page, at most 2,000), for showing names that
// link to the owner's page. Companies have no last name: the API's display `name` is used.
import { createResource } from 'solid-js'
import * as api from './api'
import { dataRevision } from './offline/store'
import type { Owner } from './wire-types'

export function useOwnerDirectory(enabled: () => boolean = () => true): () => Map<string, Owner> {
  const [all] = createResource(
    () => (enabled() ? dataRevision() + 1 : false),
    async () => {
      const out = new Map<string, Owner>()
      for (let page = 1; page <= 20; page++) {
        const got = await api.owners.list({ page, per_page: 100, sort_by: 'last_name', order: 'asc' })
        for (const o of got.data.data) out.set(o.id, o)
        if (!got.data.pagination?.has_next) break
      }
      return out
    },
  )
  return () => (all.error ? new Map() : (all() ?? new Map()))
}

export const displayName = (o: Pick<Owner, 'name' | 'first_name' | 'last_name' | 'company_name'>): string =>
  o.name || o.company_name || [o.first_name, o.last_name].filter(Boolean).join(' ')
