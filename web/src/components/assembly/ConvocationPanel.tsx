// Who the convocation reached and how (issue #14 item 1, art. 3.87 §3): one line per owner, by
// e-mail (with consent, sent through the outbox) or to send by registered post — the postal list.
// The send and minutes buttons live in AssemblyActions; `tick` refetches after a send there.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { t } from '../../lib/i18n'

export function ConvocationPanel(props: { meetingId: string; tick?: number }): JSX.Element {
  const [deliveries] = createResource(
    () => [props.meetingId, props.tick ?? 0] as const,
    ([id]) => api.assemblyConvocation.deliveries(id),
  )
  // Names from the meeting's register (the owners who vote); an owner not in it shows its id.
  const [register] = createResource(
    () => props.meetingId,
    (id) => api.assembly.register(id).then((r) => r.data),
  )
  const nameOf = (ownerId: string) =>
    register()?.register.voters.find((v) => v.ownerId === ownerId)?.name ?? ownerId
  const rows = () => deliveries()?.data ?? []
  const count = (channel: 'email' | 'post') => rows().filter((d) => d.channel === channel).length
  const [printError, setPrintError] = createSignal<string | null>(null)
  // The letters are rendered by the job runner after the send; until then the server says so (409).
  const printPostal = async () => {
    setPrintError(null)
    try {
      const { blob } = await api.assemblyConvocation.postalLetters(props.meetingId)
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.target = '_blank'
      a.rel = 'noopener'
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (e) {
      setPrintError(errorText(e))
    }
  }
  return (
    <section class="card" aria-labelledby="agc-convocation" data-testid="convocation-deliveries">
      <h2 id="agc-convocation">{t('agc.convocation.title')}</h2>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('agc.convocation.none')}</p>}>
        <p>
          {t('agc.convocation.email')}: {count('email')} · {t('agc.convocation.post')}: {count('post')}
        </p>
        <Show when={count('post') > 0}>
          <p>
            <button type="button" data-testid="print-postal" onClick={() => void printPostal()}>
              {t('agc.convocation.printPostal')}
            </button>
          </p>
          <Show when={printError()}>
            {(text) => (
              <p class="error" role="alert">
                {text()}
              </p>
            )}
          </Show>
        </Show>
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('agc.convocation.owner')}</th>
                <th scope="col">{t('agc.convocation.channel')}</th>
                <th scope="col">{t('agc.convocation.status')}</th>
                <th scope="col">{t('agc.convocation.language')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(d) => (
                  <tr data-testid="delivery" data-channel={d.channel}>
                    <td data-label={t('agc.convocation.owner')}>{nameOf(d.owner_id)}</td>
                    <td data-label={t('agc.convocation.channel')}>
                      {t(d.channel === 'email' ? 'agc.convocation.email' : 'agc.convocation.post')}
                    </td>
                    <td data-label={t('agc.convocation.status')}>{t(`agc.status.${d.status}`)}</td>
                    <td data-label={t('agc.convocation.language')}>{d.language.toUpperCase()}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  )
}
