// Where a detail page sits: list › parent › this page (the last crumb is the page, not a link).
import { A } from '@solidjs/router'
import { For, type JSX, Show } from 'solid-js'
import { t } from '../lib/i18n'

export interface Crumb {
  label: string
  href?: string
}

export function Breadcrumbs(props: { items: Crumb[] }): JSX.Element {
  return (
    <nav aria-label={t('detail.breadcrumb')} class="breadcrumbs">
      <ol>
        <For each={props.items}>
          {(c, i) => (
            <li>
              <Show
                when={c.href && i() < props.items.length - 1}
                fallback={<span aria-current="page">{c.label}</span>}
              >
                <A href={c.href ?? ''}>{c.label}</A>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  )
}
