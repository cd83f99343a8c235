// The building page's bank and reminders, read only, for the account auditor (issue #16 item 5):
// what BuildingBank and BuildingReminders show the syndic, without the import, match, settings or
// run controls (the API refuses every write to an auditor anyway). Kept apart so the syndic's
// components stay as they are.
import { createResource, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { date, type MessageKey, money, t } from '../lib/i18n'
import type { Reminder } from '../lib/wire-types'

type Owner = { id: string; name: string }
type Movement = Awaited<ReturnType<typeof api.bank.movements>>['data'][number]

export function AuditorFinanceSections(props: { buildingId: string; owners: readonly Owner[] }): JSX.Element {
  const [statements] = createResource(
    () => props.buildingId,
    (id) =>
      api.bank.statements(id).then(
        (r) => r.data,
        () => [],
      ),
  )
  const [movements] = createResource(
    () => props.buildingId,
    (id) =>
      api.bank.movements(id).then(
        (r) => r.data,
        () => [] as Movement[],
      ),
  )
  const [reminders] = createResource(
    () => props.buildingId,
    (id) =>
      api.reminders.list(id).then(
        (r) => r.data,
        () => [] as Reminder[],
      ),
  )
  const ownerName = (id: string | null | undefined) => props.owners.find((o) => o.id === id)?.name
  const line = (m: Movement) =>
    t('bank.movement', {
      date: date(m.booking_date),
      amount: money(m.amount_cents),
      who: ownerName(m.match?.owner_id) ?? m.counterparty_name ?? t('bank.unknownPayer'),
    })
  return (
    <>
      <section class="card" aria-labelledby="audit-bank-title" data-testid="building-bank">
        <h2 id="audit-bank-title">{t('bank.title')}</h2>
        <h3>{t('bank.statements')}</h3>
        <Show when={(statements() ?? []).length > 0} fallback={<p class="muted">{t('bank.none')}</p>}>
          <ul data-testid="bank-statements">
            <For each={statements()}>
              {(s) => (
                <li>
                  {t('bank.statement', {
                    number: s.statement_number,
                    account: s.iban,
                    from: date(s.old_balance_date),
                    to: date(s.new_balance_date),
                    old: money(s.old_balance_cents),
                    new: money(s.new_balance_cents),
                  })}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <h3>{t('bank.matchedList')}</h3>
        <ul class="plain" data-testid="bank-movements">
          <For each={movements()} fallback={<li class="muted">{t('common.empty')}</li>}>
            {(m) => (
              <li>
                {line(m)} —{' '}
                {m.status === 'unmatched'
                  ? t('bank.unmatched')
                  : `${t('bank.matched')} (${t(`bank.kind.${m.match?.kind ?? 'manual'}` as MessageKey)})`}
              </li>
            )}
          </For>
        </ul>
      </section>
      <section class="card" aria-labelledby="audit-reminders-title" data-testid="building-reminders">
        <h2 id="audit-reminders-title">{t('remindersUi.title')}</h2>
        <Show when={(reminders() ?? []).length > 0} fallback={<p class="muted">{t('remindersUi.none')}</p>}>
          <ul class="plain list" data-testid="reminders-list">
            <For each={reminders()}>
              {(r) => (
                <li class="line">
                  <span>
                    {date(r.reminder_date)} · {ownerName(r.owner_id) ?? r.owner_id}
                  </span>
                  <span class="muted">
                    {t(`remindersUi.kind.${r.kind}` as MessageKey)} · {money(r.total_cents)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  )
}
