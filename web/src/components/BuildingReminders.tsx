// The building page's reminders (issue #16 item 4, ADR 0039), for the syndic: the ladder's steps,
// the reminder fee and late interest with the basis that allows them, a run for a day (the server
// decides which lines are due and computes the interest), and the reminders sent with their
// letters. Online only: a run posts interest and fees in the books.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, money, t } from '../lib/i18n'
import { user } from '../lib/session'
import type { ArrearsSettings, Reminder } from '../lib/wire-types'
import { Disclosure } from './Disclosure'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

type Owner = { id: string; name: string }
type Flash = { kind: 'success' | 'error'; text: string } | null
const OFFLINE_ID = 'reminders-offline'

/** Opens a stored document (a reminder letter) in a new tab. */
async function openDocument(id: string, setNotice: (n: Flash) => void) {
  try {
    const { blob } = await api.documents.download(id)
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.target = '_blank'
    a.rel = 'noopener'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (e) {
    setNotice({ kind: 'error', text: errorText(e) })
  }
}

export function BuildingReminders(props: { buildingId: string; owners: readonly Owner[] }): JSX.Element {
  const [notice, setNotice] = createSignal<Flash>(null)
  const [list, { refetch }] = createResource(
    () => props.buildingId,
    (id) =>
      api.reminders.list(id).then(
        (r) => r.data,
        () => [] as Reminder[],
      ),
  )
  const ownerName = (id: string) => props.owners.find((o) => o.id === id)?.name ?? id
  return (
    <Show when={['syndic', 'superadmin'].includes(user()?.role ?? '')}>
      <section class="card" aria-labelledby="building-reminders-title" data-testid="building-reminders">
        <h2 id="building-reminders-title">{t('remindersUi.title')}</h2>
        <p class="muted">{t('remindersUi.intro')}</p>
        <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
        <NeedsConnection id={OFFLINE_ID} />
        <SettingsForm buildingId={props.buildingId} setNotice={setNotice} />
        <RunForm buildingId={props.buildingId} setNotice={setNotice} onRun={() => void refetch()} />
        <h3>{t('remindersUi.list')}</h3>
        <Show when={(list() ?? []).length > 0} fallback={<p class="muted">{t('remindersUi.none')}</p>}>
          <div class="table-wrap">
            <table class="cards" data-testid="reminders-list">
              <thead>
                <tr>
                  <th scope="col">{t('remindersUi.date')}</th>
                  <th scope="col">{t('remindersUi.owner')}</th>
                  <th scope="col">{t('remindersUi.kind')}</th>
                  <th scope="col">{t('remindersUi.total')}</th>
                  <th scope="col">{t('remindersUi.interestFee')}</th>
                  <th scope="col">{t('remindersUi.delivery')}</th>
                  <th scope="col">{t('remindersUi.letter')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(r) => (
                    <tr data-testid="reminder-row">
                      <td data-label={t('remindersUi.date')}>{date(r.reminder_date)}</td>
                      <td data-label={t('remindersUi.owner')}>{ownerName(r.owner_id)}</td>
                      <td data-label={t('remindersUi.kind')}>{t(`remindersUi.kind.${r.kind}`)}</td>
                      <td data-label={t('remindersUi.total')}>{money(r.total_cents)}</td>
                      <td data-label={t('remindersUi.interestFee')}>
                        {money(r.interest_cents + r.fee_cents)}
                      </td>
                      <td data-label={t('remindersUi.delivery')}>
                        {t(`remindersUi.delivery.${r.delivery}`)}
                      </td>
                      <td data-label={t('remindersUi.letter')}>
                        <Show when={r.document_id} fallback="—">
                          {(doc) => (
                            <button type="button" onClick={() => void openDocument(doc(), setNotice)}>
                              {t('remindersUi.letter')}
                            </button>
                          )}
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </Show>
  )
}

function SettingsForm(props: { buildingId: string; setNotice: (n: Flash) => void }): JSX.Element {
  return (
    <Disclosure summary={t('remindersUi.settings')}>
      <SettingsLoader buildingId={props.buildingId} setNotice={props.setNotice} />
    </Disclosure>
  )
}

/** The settings, read from the server once the disclosure is first opened. */
function SettingsLoader(props: { buildingId: string; setNotice: (n: Flash) => void }): JSX.Element {
  const [current] = createResource(
    () => props.buildingId,
    (id) => api.reminders.settings(id).catch(() => null as ArrearsSettings | null),
  )
  return (
    <Show when={current()} keyed>
      {(s) => <SettingsFields settings={s} buildingId={props.buildingId} setNotice={props.setNotice} />}
    </Show>
  )
}

function SettingsFields(props: {
  settings: ArrearsSettings
  buildingId: string
  setNotice: (n: Flash) => void
}): JSX.Element {
  const [days, setDays] = createSignal(props.settings.steps.map((s) => s.days_after_due))
  const [kinds] = createSignal(props.settings.steps.map((s) => s.kind))
  const [fee, setFee] = createSignal(props.settings.reminder_fee_cents)
  const [feeRef, setFeeRef] = createSignal(props.settings.fee_basis_ref ?? '')
  const [interest, setInterest] = createSignal(props.settings.interest_enabled)
  const [basis, setBasis] = createSignal<'statutes' | 'assembly'>(props.settings.interest_basis ?? 'statutes')
  const [ref, setRef] = createSignal(props.settings.interest_basis_ref ?? '')
  const [daily, setDaily] = createSignal(props.settings.daily_run)
  const [term, setTerm] = createSignal(props.settings.regularisation_term_days)
  const [version, setVersion] = createSignal(props.settings.version)
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    try {
      const saved = await api.reminders.saveSettings(props.buildingId, {
        steps: kinds().map((kind, i) => ({ kind, days_after_due: days()[i] ?? 1 })),
        reminder_fee_cents: fee(),
        fee_basis: fee() > 0 ? 'statutes' : null,
        fee_basis_ref: fee() > 0 ? feeRef() : null,
        interest_enabled: interest(),
        interest_basis: interest() ? basis() : null,
        interest_basis_ref: interest() ? ref() : null,
        daily_run: daily(),
        regularisation_term_days: term(),
        version: version(),
      })
      setVersion(saved.version)
      props.setNotice({ kind: 'success', text: t('remindersUi.saved') })
    } catch (err) {
      props.setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <form onSubmit={submit} data-testid="arrears-settings-form">
      <For each={kinds()}>
        {(kind, i) => (
          <label>
            {t('remindersUi.step', { n: i() + 1 })} — {t(`remindersUi.kind.${kind}`)} ·{' '}
            {t('remindersUi.daysAfterDue')}
            <input
              type="number"
              min="1"
              max="3650"
              required
              value={days()[i()]}
              onInput={(e) => {
                const next = [...days()]
                next[i()] = Number(e.currentTarget.value)
                setDays(next)
              }}
            />
          </label>
        )}
      </For>
      <label>
        {t('remindersUi.fee')}
        <input
          type="number"
          min="0"
          max="10000"
          value={fee()}
          onInput={(e) => setFee(Number(e.currentTarget.value))}
        />
      </label>
      <Show when={fee() > 0}>
        <label>
          {t('remindersUi.feeBasisRef')}
          <input
            required
            maxLength={200}
            value={feeRef()}
            onInput={(e) => setFeeRef(e.currentTarget.value)}
          />
        </label>
      </Show>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={interest()}
          onChange={(e) => setInterest(e.currentTarget.checked)}
          data-testid="interest-enabled"
        />
        {t('remindersUi.interest')}
      </label>
      <Show when={interest()}>
        <label>
          {t('remindersUi.basis')}
          <select
            value={basis()}
            onChange={(e) => setBasis(e.currentTarget.value === 'assembly' ? 'assembly' : 'statutes')}
          >
            <option value="statutes">{t('remindersUi.basis.statutes')}</option>
            <option value="assembly">{t('remindersUi.basis.assembly')}</option>
          </select>
        </label>
        <label>
          {t('remindersUi.interestBasisRef')}
          <input required maxLength={200} value={ref()} onInput={(e) => setRef(e.currentTarget.value)} />
        </label>
      </Show>
      <label class="checkbox">
        <input type="checkbox" checked={daily()} onChange={(e) => setDaily(e.currentTarget.checked)} />
        {t('remindersUi.daily')}
      </label>
      <label>
        {t('remindersUi.regularisationTerm')}
        <input
          type="number"
          min="0"
          max="365"
          required
          value={term()}
          onInput={(e) => setTerm(Number(e.currentTarget.value))}
          data-testid="regularisation-term"
        />
      </label>
      <button type="submit" disabled={!online()} aria-describedby={offlineDescribedBy(OFFLINE_ID)}>
        {t('remindersUi.save')}
      </button>
    </form>
  )
}

function RunForm(props: {
  buildingId: string
  setNotice: (n: Flash) => void
  onRun: () => void
}): JSX.Element {
  const today = new Date().toISOString().slice(0, 10)
  const [asOf, setAsOf] = createSignal(today)
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    try {
      const r = await api.reminders.run(props.buildingId, asOf())
      props.setNotice({
        kind: 'success',
        text:
          r.reminders.length > 0
            ? t('remindersUi.ran', { count: r.reminders.length })
            : t('remindersUi.nothing'),
      })
      props.onRun()
    } catch (err) {
      props.setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <form onSubmit={submit} data-testid="run-reminders-form">
      <label>
        {t('remindersUi.asOf')}
        <input
          type="date"
          max={today}
          required
          value={asOf()}
          onInput={(e) => setAsOf(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={!online()} aria-describedby={offlineDescribedBy(OFFLINE_ID)}>
        {t('remindersUi.run')}
      </button>
    </form>
  )
}
