// Always-visible sync status (online/offline, pending, failed, conflicts, "sync now") with the
// conflict resolver and the refused entries in a disclosure panel.
import { createResource, For, type JSX, Show } from 'solid-js'
import { dateTime, t } from '../lib/i18n'
import { currentEngine, dataRevision, syncStatus } from '../lib/offline/store'
import { value } from '../lib/resource-value'

export function SyncIndicator(): JSX.Element {
  const s = syncStatus
  const [details] = createResource(
    () => `${dataRevision()}/${s().conflicts}/${s().failed}`,
    async () => {
      const engine = currentEngine()
      if (!engine) return { conflicts: [], failed: [] }
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
        {t('sync.pending', { n: s().pending })}
      </span>
      <Show when={s().failed > 0}>
        <span class="badge warn">{t('sync.failed', { n: s().failed })}</span>
      </Show>
      <Show when={s().conflicts > 0}>
        <span class="badge warn" data-testid="sync-conflicts">
          {t('sync.conflicts', { n: s().conflicts })}
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
                <h2>{t('conflict.title')}</h2>
                <p>
                  <code>{c.path}</code>
                </p>
                <div class="conflict-sides">
                  <div>
                    <h3>{t('conflict.mine')}</h3>
                    <pre>{JSON.stringify(c.mine, null, 2)}</pre>
                  </div>
                  <div>
                    <h3>{t('conflict.server')}</h3>
                    <pre>{JSON.stringify(c.server, null, 2)}</pre>
                  </div>
                </div>
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
                  <code>
                    {e.method} {e.path}
                  </code>{' '}
                  — {e.lastError?.detail ?? e.lastError?.title}
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
