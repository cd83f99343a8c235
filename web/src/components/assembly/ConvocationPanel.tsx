// Convocation and minutes of one meeting (issue #14): send the convocation (e-mail with consent,
// the rest listed for the post), generate the minutes with the log's root hash and the 30-day
// deadline (art. 3.87 §3, §12). Mounted by the meeting page with one line.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../../lib/api'
import { t } from '../../lib/i18n'

type Minutes = Awaited<ReturnType<typeof api.assemblyConvocation.minutes>>

export function ConvocationPanel(props: { meetingId: string }): JSX.Element {
  const [deliveries, { refetch }] = createResource(() => props.meetingId, api.assemblyConvocation.deliveries)
  const [minutes, setMinutes] = createSignal<Minutes | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const run = async (work: () => Promise<unknown>) => {
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  const byChannel = (channel: 'email' | 'post') =>
    (deliveries()?.data ?? []).filter((d) => d.channel === channel)
  return (
    <section aria-labelledby="agc-convocation">
      <h2 id="agc-convocation">{t('agc.convocation.title')}</h2>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            await api.assemblyConvocation.convene(props.meetingId)
            await refetch()
          })
        }
      >
        {t('agc.convocation.send')}
      </button>
      <p>
        {t('agc.convocation.email')}: {byChannel('email').length} · {t('agc.convocation.post')}:{' '}
        {byChannel('post').length}
      </p>
      <ul>
        <For each={byChannel('post')}>{(d) => <li>{d.owner_id}</li>}</For>
      </ul>
      <button
        type="button"
        onClick={() => run(async () => setMinutes(await api.assemblyConvocation.minutes(props.meetingId)))}
      >
        {t('agc.minutes.generate')}
      </button>
      <Show when={minutes()}>
        {(m) => (
          <p>
            {t('agc.minutes.deadline', { date: m().deadline.slice(0, 10) })} — {t('agc.minutes.hash')}:{' '}
            <code>{m().root_hash}</code>
          </p>
        )}
      </Show>
      <Show when={error()}>
        <p role="alert">{error()}</p>
      </Show>
    </section>
  )
}
