import { createResource, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { localChanges } from '../lib/data-changes'
import { num, t } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import type { DashboardStats } from '../lib/wire-types'

export function StatCards(props: { keys: (keyof DashboardStats)[]; refresh?: () => unknown }): JSX.Element {
  // Re-read after every change (a building created, an expense deleted…): the counters follow.
  const [stats] = createResource(
    () => ({ rev: dataRevision(), local: localChanges(), extra: props.refresh?.() }),
    () => api.stats.dashboard(),
  )
  // Read through the cache so dashboards still open offline.
  return (
    // While loading, the same cards with "…": the figures arriving do not push the page down.
    <Show
      when={value(stats)}
      fallback={
        <ul class="stats" aria-busy="true">
          <For each={props.keys}>
            {(k) => (
              <li class="card stat">
                <span class="stat-value">…</span>
                <span class="stat-label">{t(`stats.${k}`)}</span>
              </li>
            )}
          </For>
        </ul>
      }
    >
      {(s) => (
        <ul class="stats" data-testid="stats">
          <For each={props.keys}>
            {(k) => (
              <li class="card stat">
                <span class="stat-value">{num(s().data[k])}</span>
                <span class="stat-label">{t(`stats.${k}`)}</span>
              </li>
            )}
          </For>
        </ul>
      )}
    </Show>
  )
}
