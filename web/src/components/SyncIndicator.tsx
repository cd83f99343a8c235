// Always-visible sync status (online/offline, pending, failed, conflicts, "sync now") with the
// conflict resolver and the refused entries in a disclosure panel.
import { createResource, For, type JSX, Show } from 'solid-js'
import { dateTime, t, tMaybe } from '../lib/i18n'
import type { ConflictRecord } from '../lib/offline'
import { currentEngine, dataRevision, syncStatus } from '../lib/offline/store'
import { value } from '../lib/resource-value'

const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v))
const fieldLabel = (k: string) => tMaybe(`field.${k}`, k)
/** Only the fields both sides changed (older records: every field of mine). */
const conflictFields = (c: ConflictRecord) => c.fields ?? Object.keys(c.mine)
/** The row as people know it: its name, else the server's name, never its URL. */
const conflictName = (c: ConflictRecord) => {
  const s = c.server
  for (const v of [c.label, s.name, s.title, s.unit_number, s.description])
    if (typeof v === 'string' && v) return v
  return t('conflict.title')
}

/** Field-by-field view of a refused offline edit: my value and the server's, changed rows marked. */
export function SyncIndicator(): JSX.Element {
  const s = syncStatus
  // Read only when the counts say there is something to show: with none (the usual start) the
  // bar no longer reads the conflicts and the outbox at every page load (issue #19, ADR 0052).
  const [details] = createResource(
    () => `${dataRevision()}/${s().conflicts}/${s().failed}`,
    async () => {
      const engine = currentEngine()
      if (!engine || (s().conflicts === 0 && s().failed === 0)) return { conflicts: [], failed: [] }
      return {
        conflicts: await engine.conflicts(),
        failed: (await engine.outbox()).filter((e) => e.status === 'failed'),
      }
    },
  )
  return (
    <section class="sync" aria-label="Sync" data-testid="sync-status">
      <span class={s().online ? 'badge ok' : 'badge off'} data-testid="sync-online">
        {s().online ? t('sync.online') : t('sync.offline')}
      </span>
      <span class="badge" data-testid="sync-pending" data-count={s().pending}>
        {t('sync.pendingCount', { count: s().pending })}
      </span>
      <Show when={s().failed > 0}>
        <span class="badge warn">{t('sync.failedCount', { count: s().failed })}</span>
      </Show>
      <Show when={s().conflicts > 0}>
        <span class="badge warn" data-testid="sync-conflicts">
          {t('sync.conflictCount', { count: s().conflicts })}
        </span>
      </Show>
      <button
        type="button"
        class="small"
        disabled={s().syncing || !currentEngine()}
        onClick={() => void currentEngine()?.replay()}
      >
        {s().syncing ? t('sync.syncing') : t('sync.now')}
      </button>
      <Show when={s().lastSync}>
        {(last) => (
          <small class="muted">{t('sync.last', { time: dateTime(new Date(last()).toISOString()) })}</small>
        )}
      </Show>
      <Show when={(value(details)?.conflicts.length ?? 0) > 0 || (value(details)?.failed.length ?? 0) > 0}>
        <div class="sync-panel">
          <For each={value(details)?.conflicts ?? []}>
            {(c) => (
              <article class="conflict" data-testid="conflict">
                <h2>{t('conflict.heading', { name: conflictName(c), count: conflictFields(c).length })}</h2>
                <p class="muted">{t('conflict.keepMineHint')}</p>
                <table class="conflict-diff">
                  <thead>
                    <tr>
                      <th scope="col">{t('conflict.field')}</th>
                      <th scope="col">{t('conflict.mine')}</th>
                      <th scope="col">{t('conflict.server')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={conflictFields(c)}>
                      {(k) => (
                        <tr classList={{ differs: show(c.mine[k]) !== show(c.server[k]) }}>
                          <th scope="row">{fieldLabel(k)}</th>
                          <td>{show(c.mine[k])}</td>
                          <td>{show(c.server[k])}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <button type="button" onClick={() => void currentEngine()?.resolveConflict(c.id, 'mine')}>
                  {t('conflict.keepMine')}
                </button>
                <button type="button" onClick={() => void currentEngine()?.resolveConflict(c.id, 'theirs')}>
                  {t('conflict.takeTheirs')}
                </button>
              </article>
            )}
          </For>
          <For each={value(details)?.failed ?? []}>
            {(e) => (
              <article class="conflict">
                <h2>{t('outbox.failed')}</h2>
                <p>
                  {tMaybe(`outbox.op.${e.method}`, e.method)} · {e.label ?? e.path} —{' '}
                  {e.lastError?.detail ?? e.lastError?.title}
                </p>
                <button type="button" onClick={() => void currentEngine()?.discard(e.id)}>
                  {t('outbox.discard')}
                </button>
              </article>
            )}
          </For>
        </div>
      </Show>
    </section>
  )
}
