// The syndic's buttons around the meeting (issue #14 items 1, 5, 7 on the web): send the
// convocation (e-mail to the owners who consented, post list for the others), convene the second
// assembly after a quorum failure, generate the minutes from the recorded log (with its root hash).
// The rules are the server's (assembly-convocation): a refusal is shown as it says it.
import { A } from '@solidjs/router'
import { createSignal, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, t } from '../lib/i18n'
import { meetingHref } from './EntityLinks'
import { Notice } from './Notice'

export function AssemblyActions(props: { meetingId: string; onConvened?: () => void }): JSX.Element {
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [convocation, setConvocation] = createSignal<{ email: number; post: number } | null>(null)
  const [minutes, setMinutes] = createSignal<{ rootHash: string; deadline: string } | null>(null)
  const [second, setSecond] = createSignal<{ id: string; title: string } | null>(null)
  const [secondDate, setSecondDate] = createSignal('')
  const run = async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card" aria-labelledby="assembly-actions-title" data-testid="assembly-actions">
      <h2 id="assembly-actions-title">{t('assemblyActions.title')}</h2>
      <p class="actions">
        <button
          type="button"
          disabled={busy()}
          onClick={() =>
            run(async () => {
              const sent = await api.assembly.sendConvocation(props.meetingId)
              setConvocation({
                email: sent.data.filter((d) => d.channel === 'email').length,
                post: sent.data.filter((d) => d.channel !== 'email').length,
              })
              props.onConvened?.()
            })
          }
        >
          {t('assemblyActions.convene')}
        </button>{' '}
        <button
          type="button"
          disabled={busy()}
          onClick={() =>
            run(async () => {
              const m = await api.assembly.generateMinutes(props.meetingId)
              setMinutes({ rootHash: m.root_hash, deadline: m.deadline })
            })
          }
        >
          {t('assemblyActions.minutes')}
        </button>
      </p>
      <Show when={convocation()}>
        {(c) => (
          <p role="status" data-testid="convocation-result">
            {t('assemblyActions.convened', { email: c().email, post: c().post })}
          </p>
        )}
      </Show>
      <Show when={minutes()}>
        {(m) => (
          <p role="status" data-testid="minutes-result">
            {t('assemblyActions.minutesDone', { deadline: date(m().deadline) })}{' '}
            <code class="hash">{m().rootHash}</code>
          </p>
        )}
      </Show>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!secondDate()) return
          void run(async () => {
            const m = await api.assembly.conveneSecondAssembly(
              props.meetingId,
              new Date(secondDate()).toISOString(),
            )
            setSecond({ id: m.id, title: m.title })
          })
        }}
      >
        <div class="field">
          <label for="second-assembly-date">{t('assemblyActions.secondDate')}</label>
          <input
            id="second-assembly-date"
            type="datetime-local"
            value={secondDate()}
            onInput={(e) => setSecondDate(e.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={busy()}>
          {t('assemblyActions.second')}
        </button>
      </form>
      <Show when={second()}>
        {(m) => (
          <p role="status">
            <A href={meetingHref(m().id)}>{m().title}</A>
          </p>
        )}
      </Show>
      <Notice kind="error" message={error()} />
    </section>
  )
}
