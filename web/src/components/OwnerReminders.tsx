// The owner portal's reminders (issue #16 item 4, ADR 0039), phone first: each reminder sent to
// the owner, its date, kind and total (interest and fee included) and its letter (PDF, with the
// QR code to pay). What is still due and its QR code are in the account just above.
import { createResource, For, type JSX, type Resource, Show } from 'solid-js'
import * as api from '../lib/api'
import { date, money, t } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { value } from '../lib/resource-value'

async function openLetter(documentId: string) {
  const { blob } = await api.documents.download(documentId)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.target = '_blank'
  a.rel = 'noopener'
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

type Reminder = Awaited<ReturnType<typeof api.reminders.mine>>['data']['data'][number]

/** The owner's reminders, re-read when cached data changes (made by the portal, as the account). */
export function createOwnerReminders(when: () => boolean): Resource<Reminder[]> {
  const [list] = createResource(
    () => (when() ? { revision: dataRevision() } : undefined),
    async () => (await api.reminders.mine()).data.data,
  )
  return list
}

export default function OwnerReminders(props: { list: Resource<Reminder[]> }): JSX.Element {
  const list = () => props.list
  return (
    <section class="card" aria-labelledby="owner-reminders-title" data-testid="owner-reminders">
      <h2 id="owner-reminders-title">{t('remindersUi.mine')}</h2>
      <Show when={(value(list()) ?? []).length > 0} fallback={<p>{t('remindersUi.mineNone')}</p>}>
        <ul class="due-lines">
          <For each={value(list())}>
            {(r) => (
              <li data-testid="owner-reminder">
                <p>
                  {t('remindersUi.mineLine', {
                    kind: t(`remindersUi.kind.${r.kind}`),
                    date: date(r.reminder_date),
                    total: money(r.total_cents),
                  })}
                </p>
                <Show when={r.document_id}>
                  {(doc) => (
                    <button
                      type="button"
                      data-testid="owner-reminder-letter"
                      onClick={() => void openLetter(doc())}
                    >
                      {t('remindersUi.letter')}
                    </button>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
