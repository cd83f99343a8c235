// Names that lead to their detail page, used by every list (building, owner, lot, meeting). A row
// queued offline (tmp- id) has no page yet: its name shows as plain text.
import { A } from '@solidjs/router'
import { type JSX, Show } from 'solid-js'
import { type AppPath, canOpen } from '../lib/roles'
import { user } from '../lib/session'

const real = (id: unknown): id is string => typeof id === 'string' && id !== '' && !id.startsWith('tmp-')

export function EntityLink(props: { href: string; id: unknown; children: JSX.Element }): JSX.Element {
  return (
    <Show when={real(props.id)} fallback={props.children}>
      <A href={props.href}>{props.children}</A>
    </Show>
  )
}

export const buildingHref = (id: string) => `/buildings/${id}`
export const ownerHref = (id: string) => `/owners/${id}`
export const supplierHref = (id: string) => `/suppliers/${id}`
export const meetingHref = (id: string) => `/meetings/${id}`
/** A lot has no page of its own: its row on the building's page. */
export const lotHref = (buildingId: string, unitId: string) => `/buildings/${buildingId}#lot-${unitId}`

/**
 * A link only for a role that may open the target's list (an owner cannot open a building or
 * another owner's page: the name stays plain text for them).
 */
export function GuardedLink(props: {
  list: AppPath
  href: string
  id: unknown
  children: JSX.Element
}): JSX.Element {
  const allowed = () => {
    const u = user()
    return u ? canOpen(u.role, props.list) : false
  }
  return (
    <Show when={allowed()} fallback={props.children}>
      <EntityLink id={props.id} href={props.href}>
        {props.children}
      </EntityLink>
    </Show>
  )
}
