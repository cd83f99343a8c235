// Shared option lists for selects (buildings by name), read through the offline cache.

import type { EnumName } from '@koprogo/domain/i18n'
import { type Accessor, createResource, createSignal } from 'solid-js'
import * as api from './api'
import { tEnum } from './i18n'
import { dataRevision } from './offline/store'
import type { Owner } from './wire-types'

export interface Option {
  value: string
  label: string
}

export function useBuildingOptions(): Accessor<Option[]> {
  const [page] = createResource(
    () => dataRevision(),
    () => api.buildings.list({ per_page: 100, sort_by: 'name', order: 'asc' }).catch(() => null),
  )
  return () => page()?.data.data.map((b) => ({ value: b.id, label: `${b.name} — ${b.city}` })) ?? []
}

export function useOwnerOptions(): Accessor<Option[]> {
  const [page] = createResource(
    () => dataRevision(),
    () => api.owners.list({ per_page: 100, sort_by: 'last_name', order: 'asc' }).catch(() => null),
  )
  return () =>
    page()?.data.data.map((o) => ({ value: o.id, label: o.name ?? `${o.last_name} ${o.first_name}` })) ?? []
}

/**
 * The organizations, for the superadmin's organization filter and column (the API lists every
 * organization's rows to a superadmin without organization_id). Nothing is read for other roles.
 * Page after page (100 at a time, at most 2,000): a platform with more than 100 organizations
 * must still offer the 101st in the filter and name it in the column.
 */
export function useOrganizationOptions(enabled: () => boolean): Accessor<Option[]> {
  const [all] = createResource(
    () => (enabled() ? dataRevision() + 1 : false),
    async () => {
      const out: Option[] = []
      for (let page = 1; page <= 20; page++) {
        const got = await api.organizations.list({ page, per_page: 100, sort_by: 'name', order: 'asc' })
        out.push(...got.data.data.map((o) => ({ value: o.id, label: o.name })))
        if (!got.data.pagination?.has_next) break
      }
      return out
    },
  )
  return () => (all.error ? [] : (all() ?? []))
}

/**
 * Every owner of the organization (page after page, 100 at a time, at most 2,000): the ownership
 * forms must offer any owner, not only the first page.
 */
export function useAllOwnerOptions(): Accessor<Option[]> {
  const [all] = createResource(
    () => dataRevision(),
    async () => {
      const out: Owner[] = []
      for (let page = 1; page <= 20; page++) {
        const got = await api.owners.list({
          page,
          per_page: 100,
          sort_by: 'last_name',
          order: 'asc',
        })
        out.push(...got.data.data)
        if (!got.data.pagination?.has_next) break
      }
      return out
    },
  )
  return () =>
    (all.error ? [] : (all() ?? [])).map((o) => ({ value: o.id, label: `${o.last_name} ${o.first_name}` }))
}

/** Options of an enum field: the API's value, labelled in the UI language. */
export const enumOptions =
  (name: EnumName, values: readonly string[]): (() => Option[]) =>
  () =>
    values.map((v) => ({ value: v, label: tEnum(name, v) }))

/**
 * Every distribution key of the listed buildings, labelled "Building — Key", for the expense
 * form (the general key is the empty choice). Keys are read online only; none offline.
 */
export function useDistributionKeyOptions(buildings: Accessor<Option[]>): Accessor<Option[]> {
  // Read only once the form shows the select: a list page never asks every building for its keys.
  const [wanted, setWanted] = createSignal(false)
  const [keys] = createResource(
    () =>
      wanted()
        ? buildings()
            .map((b) => b.value)
            .join(',')
        : false,
    async (ids) => {
      if (!ids) return []
      const all = await Promise.all(
        buildings().map((b) =>
          api.distributionKeys.list(b.value).then(
            (list) => list.map((k) => ({ value: k.id, label: `${b.label.split(' — ')[0]} — ${k.name}` })),
            () => [] as Option[],
          ),
        ),
      )
      return all.flat()
    },
  )
  return () => {
    if (!wanted()) queueMicrotask(() => setWanted(true))
    return keys() ?? []
  }
}

/** The organization's suppliers for the expense form's picker (read once the form shows it). */
export function useSupplierOptions(): Accessor<Option[]> {
  const [wanted, setWanted] = createSignal(false)
  const [list] = createResource(wanted, async (on) => {
    if (!on) return []
    return api.suppliers.list().then(
      (page) =>
        page.data.map((s) => ({
          value: s.id,
          label: s.enterprise_number ? `${s.name} — ${s.enterprise_number}` : s.name,
        })),
      () => [] as Option[],
    )
  })
  return () => {
    if (!wanted()) queueMicrotask(() => setWanted(true))
    return list() ?? []
  }
}
