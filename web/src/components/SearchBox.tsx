// The header's one search box (syndic and accountant): buildings, lots and owners of the
// organization whose names, addresses, cities or lot numbers contain what is typed, any case.
import { A } from '@solidjs/router'
import { createResource, createSignal, For, type JSX, onCleanup, Show } from 'solid-js'
import * as api from '../lib/api'
import { t } from '../lib/i18n'
import { value } from '../lib/resource-value'

type Hit = {
  kind: 'building' | 'unit' | 'owner'
  id: string
  label: string
  detail: string
  building_id: string | null
}

/** Where a hit leads: its own page (a lot is shown on its building's page). */
export function hitHref(hit: Hit): string {
  if (hit.kind === 'owner') return `/owners/${hit.id}`
  return `/buildings/${hit.kind === 'unit' ? hit.building_id : hit.id}`
}

export function SearchBox(): JSX.Element {
  const [text, setText] = createSignal('')
  const [q, setQ] = createSignal('')
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  // Typing is debounced (250 ms) so a word costs one request, not one per key.
  const onInput = (v: string) => {
    setText(v)
    clearTimeout(timer)
    timer = setTimeout(() => setQ(v.trim()), 250)
  }
  const [hits] = createResource(
    () => (q().length >= 2 ? q() : false),
    async (term) => (await api.search(term)).items as Hit[],
  )
  const close = () => {
    setText('')
    setQ('')
  }
  return (
    <search class="search" data-testid="search">
      <input
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text()}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      />
      <Show when={q().length >= 2 && value(hits)}>
        {(list) => (
          <ul id="search-results" class="search-results" aria-live="polite" data-testid="search-results">
            <For each={list()} fallback={<li>{t('search.none', { q: q() })}</li>}>
              {(hit) => (
                <li>
                  <A href={hitHref(hit)} onClick={close}>
                    {hit.label} <small>{`${t(`search.kind.${hit.kind}`)} · ${hit.detail}`}</small>
                  </A>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </search>
  )
}
