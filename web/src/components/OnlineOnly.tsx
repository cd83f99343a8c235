// Actions that go straight to the server (not through the offline outbox: user activation,
// seeding, job retries, register imports, document generation, password changes, ownership
// changes, uploads) are disabled while offline, with the reason said next to them, and enabled
// again when the connection is back. "Offline" is the outbox engine's view: real requests that
// get no answer, not only navigator.onLine (lib/offline/sync-engine.ts).
import { type JSX, Show } from 'solid-js'
import { t } from '../lib/i18n'
import { syncStatus } from '../lib/offline/store'

export const online = (): boolean => syncStatus().online

/** What a disabled online-only control says: `aria-describedby` points at its NeedsConnection. */
export const offlineDescribedBy = (id: string): string | undefined => (online() ? undefined : id)

/** The visible reason, shown only while offline. */
export function NeedsConnection(props: { id: string; message?: string }): JSX.Element {
  return (
    <Show when={!online()}>
      <p class="muted offline-reason" id={props.id} data-testid="needs-connection">
        {props.message ?? t('offline.onlineOnly')}
      </p>
    </Show>
  )
}
