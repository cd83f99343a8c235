// Board of co-owners (art. 3.90 §1): whether it is mandatory (from 20 lots, cellars and parkings
// not counted), a warning while none is running, and the mandates.
import { createResource, For, type JSX, Show } from 'solid-js'
import * as api from '../../lib/api'
import { t } from '../../lib/i18n'

export function BoardPanel(props: { buildingId: string }): JSX.Element {
  const [board] = createResource(() => props.buildingId, api.assemblyConvocation.board)
  return (
    <section class="card" aria-labelledby="agc-board" data-testid="assembly-board">
      <h2 id="agc-board">{t('agc.board.title')}</h2>
      <Show when={board()}>
        {(b) => (
          <>
            <p>
              {t(b().mandatory ? 'agc.board.mandatory' : 'agc.board.optional', { count: b().counted_lots })}
            </p>
            <Show when={b().missing}>
              <p role="alert">{t('agc.board.missing')}</p>
            </Show>
            <ul>
              <For each={b().mandates}>
                {(m) => (
                  <li>
                    {m.board_role} — {m.start_date} → {m.end_date ?? '…'}
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </section>
  )
}
