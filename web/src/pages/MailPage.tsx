import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { Pagination } from '../components/Pagination'
import { capturedMail } from '../lib/api'
import { dateTime, t } from '../lib/i18n'

/** Superadmin: what the capture transport kept (embedded profile, or no transport configured). */
export default function MailPage(): JSX.Element {
  const [page, setPage] = createSignal(1)
  const [list] = createResource(page, (p) => capturedMail.list(p))
  const [openId, setOpenId] = createSignal<string | null>(null)
  const [open] = createResource(openId, (id) => capturedMail.get(id))

  return (
    <section class="card" data-testid="captured-mail">
      <h1>{t('mail.title')}</h1>
      <p>{t('mail.intro')}</p>
      <Show when={list()} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        {(l) => (
          <Show when={l().data.length > 0} fallback={<p>{t('mail.empty')}</p>}>
            <table>
              <thead>
                <tr>
                  <th>{t('mail.time')}</th>
                  <th>{t('mail.to')}</th>
                  <th>{t('mail.subject')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For each={l().data}>
                  {(m) => (
                    <tr>
                      <td>{dateTime(m.created_at)}</td>
                      <td>{m.to}</td>
                      <td>{m.subject}</td>
                      <td>
                        <button type="button" onClick={() => setOpenId(m.id)}>
                          {t('mail.open')}
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Pagination info={l().pagination} onPage={setPage} />
          </Show>
        )}
      </Show>
      <Show when={open()}>
        {(m) => (
          <article data-testid="captured-mail-body">
            <h2>{m().subject}</h2>
            <p>
              {m().from} → {m().to} · {dateTime(m().created_at)}
            </p>
            <h3>{t('mail.text')}</h3>
            <pre style={{ 'white-space': 'pre-wrap' }}>{m().text}</pre>
            <h3>{t('mail.html')}</h3>
            {/* No scripts, no same origin: the message is shown, never run. */}
            <iframe
              title={m().subject}
              sandbox=""
              srcdoc={m().html}
              style={{ width: '100%', height: '24rem' }}
            />
          </article>
        )}
      </Show>
    </section>
  )
}
