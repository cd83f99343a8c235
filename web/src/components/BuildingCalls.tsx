// The building page's calls for funds (issue #15 item 6), for the syndic: the bank accounts calls
// are paid into, a call issued from the approved budget's period (the server computes every line),
// the calls and their lines with the letter PDFs and the postal list, and a payment recorded by
// hand with the allocation the server made. Online only: numbers and communications are the
// server's.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { useBuildingBudgets } from '../lib/building-budgets'
import { errorText } from '../lib/error-text'
import { date, money, t } from '../lib/i18n'
import { parseDecimal } from '../lib/input/decimal'
import { isReadOnly } from '../lib/roles'
import { user } from '../lib/session'
import type { CallForFunds, OwnerPayment } from '../lib/wire-types'
import { Disclosure } from './Disclosure'
import { Notice } from './Notice'

type Owner = { id: string; name: string }
type Flash = { kind: 'success' | 'error'; text: string } | null
const PURPOSES = ['working_capital', 'reserve'] as const
const PERIODS = { monthly: 12, quarterly: 4 } as const

/** Opens a stored document (a call letter) in a new tab. */
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

export function BuildingCalls(props: { buildingId: string; owners: readonly Owner[] }): JSX.Element {
  const [notice, setNotice] = createSignal<Flash>(null)
  const readOnly = () => isReadOnly(user()?.role ?? 'owner')
  const [calls, { refetch }] = createResource(
    () => props.buildingId,
    (id) =>
      api.calls.list(id).then(
        (r) => r.data,
        () => [] as CallForFunds[],
      ),
  )
  return (
    <Show when={['syndic', 'superadmin', 'auditor'].includes(user()?.role ?? '')}>
      <section class="card" aria-labelledby="building-calls-title" data-testid="building-calls">
        <h2 id="building-calls-title">{t('callsUi.title')}</h2>
        <p class="muted">{t('callsUi.intro')}</p>
        <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
        {/* The account auditor reads the calls and their lines; the forms are the syndic's. */}
        <Show when={!readOnly()}>
          <BankAccountForm buildingId={props.buildingId} setNotice={setNotice} />
          <IssueForm buildingId={props.buildingId} setNotice={setNotice} onIssued={() => void refetch()} />
        </Show>
        <h3>{t('callsUi.list')}</h3>
        <Show when={(calls() ?? []).length > 0} fallback={<p class="muted">{t('callsUi.none')}</p>}>
          <div class="table-wrap">
            <table class="cards" data-testid="calls-list">
              <thead>
                <tr>
                  <th scope="col">{t('callsUi.number')}</th>
                  <th scope="col">{t('callsUi.label')}</th>
                  <th scope="col">{t('callsUi.dueDate')}</th>
                  <th scope="col">{t('callsUi.total')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('callsUi.showLines')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={calls()}>
                  {(c) => <CallRow call={c} owners={props.owners} setNotice={setNotice} />}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
        <Show when={!readOnly()}>
          <PaymentForm buildingId={props.buildingId} owners={props.owners} setNotice={setNotice} />
        </Show>
      </section>
    </Show>
  )
}

function BankAccountForm(props: { buildingId: string; setNotice: (n: Flash) => void }): JSX.Element {
  const [purpose, setPurpose] = createSignal<(typeof PURPOSES)[number]>('working_capital')
  const [iban, setIban] = createSignal('')
  const [holder, setHolder] = createSignal('')
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    try {
      await api.calls.saveBankAccount(props.buildingId, purpose(), { iban: iban(), holder_name: holder() })
      props.setNotice({ kind: 'success', text: t('callsUi.accountSaved') })
    } catch (err) {
      props.setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <Disclosure summary={t('callsUi.accounts')}>
      <form onSubmit={submit} data-testid="bank-account-form">
        <label>
          {t('callsUi.purpose')}
          <select
            value={purpose()}
            onChange={(e) => setPurpose(e.currentTarget.value === 'reserve' ? 'reserve' : 'working_capital')}
          >
            <For each={PURPOSES}>{(p) => <option value={p}>{t(`callsUi.purpose.${p}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('callsUi.iban')}
          <input required value={iban()} onInput={(e) => setIban(e.currentTarget.value)} autocomplete="off" />
        </label>
        <label>
          {t('callsUi.holder')}
          <input required value={holder()} onInput={(e) => setHolder(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('callsUi.saveAccount')}</button>
      </form>
    </Disclosure>
  )
}

function IssueForm(props: {
  buildingId: string
  setNotice: (n: Flash) => void
  onIssued: () => void
}): JSX.Element {
  const all = useBuildingBudgets(() => props.buildingId)
  const budgets = () =>
    (all() ?? []).filter((b) => b.status === 'approved').sort((a, b) => b.fiscal_year - a.fiscal_year)
  const [year, setYear] = createSignal<number | null>(null)
  const [kind, setKind] = createSignal<'provision' | 'reserve'>('provision')
  const [period, setPeriod] = createSignal(1)
  const [label, setLabel] = createSignal('')
  const [due, setDue] = createSignal('')
  const budget = () => (budgets() ?? []).find((b) => b.fiscal_year === year()) ?? (budgets() ?? [])[0]
  const periods = () => PERIODS[budget()?.provision_periodicity ?? 'quarterly']
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const b = budget()
    if (!b) return
    try {
      const call = await api.calls.issue(props.buildingId, {
        kind: kind(),
        label: label(),
        due_date: due(),
        period: period(),
        fiscal_year: b.fiscal_year,
      })
      props.setNotice({
        kind: 'success',
        text: t('callsUi.issued', { number: call.number, total: money(call.total_cents) }),
      })
      setLabel('')
      props.onIssued()
    } catch (err) {
      props.setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <>
      <h3>{t('callsUi.issue')}</h3>
      <Show when={(budgets() ?? []).length > 0} fallback={<p class="muted">{t('callsUi.noBudget')}</p>}>
        <form onSubmit={submit} data-testid="issue-call-form">
          <label>
            {t('callsUi.fiscalYear')}
            <select value={budget()?.fiscal_year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
              <For each={budgets()}>{(b) => <option value={b.fiscal_year}>{b.fiscal_year}</option>}</For>
            </select>
          </label>
          <label>
            {t('callsUi.kind')}
            <select
              value={kind()}
              onChange={(e) => setKind(e.currentTarget.value === 'reserve' ? 'reserve' : 'provision')}
            >
              <option value="provision">{t('callsUi.kind.provision')}</option>
              <option value="reserve">{t('callsUi.kind.reserve')}</option>
            </select>
          </label>
          <label>
            {t('callsUi.period')}
            <select value={period()} onChange={(e) => setPeriod(Number(e.currentTarget.value))}>
              <For each={Array.from({ length: periods() }, (_, i) => i + 1)}>
                {(p) => <option value={p}>{t('callsUi.periodOf', { period: p, periods: periods() })}</option>}
              </For>
            </select>
          </label>
          <label>
            {t('callsUi.label')}
            <input
              required
              maxLength={255}
              value={label()}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('callsUi.dueDate')}
            <input required type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('callsUi.issue')}</button>
        </form>
      </Show>
    </>
  )
}

function CallRow(props: {
  call: CallForFunds
  owners: readonly Owner[]
  setNotice: (n: Flash) => void
}): JSX.Element {
  const [open, setOpen] = createSignal(false)
  const [detail] = createResource(
    () => (open() ? props.call.id : null),
    (id) => api.calls.get(id),
  )
  const [postal, setPostal] = createSignal<{ owner: string; lot: string; address: string[] }[] | null>(null)
  const ownerName = (id: string) => props.owners.find((o) => o.id === id)?.name ?? '…'
  const loadPostal = async () => {
    try {
      const list = await api.calls.postalList(props.call.id)
      setPostal(
        list.letters.map((l) => ({ owner: ownerName(l.owner_id), lot: l.unit_number, address: l.address })),
      )
    } catch (err) {
      props.setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <>
      <tr data-testid="call-row">
        <td data-label={t('callsUi.number')}>{props.call.number}</td>
        <td data-label={t('callsUi.label')}>{props.call.label}</td>
        <td data-label={t('callsUi.dueDate')}>{date(props.call.due_date)}</td>
        <td data-label={t('callsUi.total')}>{money(props.call.total_cents)}</td>
        <td class="row-actions">
          <button type="button" aria-expanded={open()} onClick={() => setOpen(!open())}>
            {t('callsUi.showLines')}
          </button>
        </td>
      </tr>
      <Show when={open() && detail()}>
        {(d) => (
          <tr>
            <td colSpan={5}>
              <h4>{t('callsUi.lines', { number: props.call.number })}</h4>
              <ul class="plain" data-testid="call-lines">
                <For each={d().lines}>
                  {(l) => (
                    <li data-testid="call-line">
                      <strong>{ownerName(l.owner_id)}</strong> · {t('callsUi.lot')} {l.unit_number} ·{' '}
                      {money(l.amount_cents)} · <code>{l.communication}</code> ·{' '}
                      {l.delivery === 'post'
                        ? t('callsUi.delivery.post')
                        : l.emailed_at
                          ? t('callsUi.delivery.email')
                          : t('callsUi.delivery.emailPending')}{' '}
                      {/* A letter is addressed to one owner: private, even to the account auditor. */}
                      <Show when={!isReadOnly(user()?.role ?? 'owner')}>
                        <Show
                          when={l.document_id}
                          fallback={<span class="muted">{t('callsUi.letterPending')}</span>}
                        >
                          {(doc) => (
                            <button type="button" onClick={() => void openDocument(doc(), props.setNotice)}>
                              {t('callsUi.letter')}
                            </button>
                          )}
                        </Show>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <button type="button" onClick={() => void loadPostal()}>
                {t('callsUi.postalList')}
              </button>
              <Show when={postal()}>
                {(p) => (
                  <Show when={p().length > 0} fallback={<p class="muted">{t('callsUi.postalNone')}</p>}>
                    <ul class="plain" data-testid="postal-list">
                      <For each={p()}>
                        {(l) => (
                          <li>
                            {l.owner} · {t('callsUi.lot')} {l.lot} — {l.address.join(', ')}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                )}
              </Show>
            </td>
          </tr>
        )}
      </Show>
    </>
  )
}

function PaymentForm(props: {
  buildingId: string
  owners: readonly Owner[]
  setNotice: (n: Flash) => void
}): JSX.Element {
  const [owner, setOwner] = createSignal('')
  const [amount, setAmount] = createSignal('')
  const [paid, setPaid] = createSignal('')
  const [communication, setCommunication] = createSignal('')
  const [result, setResult] = createSignal<OwnerPayment | null>(null)
  // Each allocated line named as the owner reads it: call label, lot and communication.
  const [lineNames, setLineNames] = createSignal<Map<string, string>>(new Map())
  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const cents = parseDecimal(amount(), 2)
    if (!cents.ok || cents.scaled <= 0) {
      props.setNotice({ kind: 'error', text: t('common.error') })
      return
    }
    try {
      const payment = await api.calls.recordPayment(props.buildingId, {
        ...(owner() ? { owner_id: owner() } : {}),
        amount_cents: cents.scaled,
        payment_date: paid(),
        communication: communication().trim() || null,
      })
      setResult(payment)
      // The newest 500 lines and every open one (ADR 0048): the lines a payment settles.
      const account = (
        await api.calls
          .ownerAccount(payment.owner_id, { perPage: 500, buildingId: props.buildingId })
          .catch(() => null)
      )?.data
      setLineNames(
        new Map(
          (account?.buildings ?? []).flatMap((b) =>
            [...b.lines, ...b.open_lines].map((l) => [
              l.id,
              `${l.label} · ${t('callsUi.lot')} ${l.unit_number} · ${l.communication}`,
            ]),
          ),
        ),
      )
      props.setNotice({
        kind: 'success',
        text: t('callsUi.recorded', { amount: money(payment.amount_cents) }),
      })
    } catch (err) {
      props.setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  return (
    <>
      <h3>{t('callsUi.payment')}</h3>
      <form onSubmit={submit} data-testid="payment-form">
        <label>
          {t('callsUi.owner')}
          <select value={owner()} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">—</option>
            <For each={props.owners}>{(o) => <option value={o.id}>{o.name}</option>}</For>
          </select>
        </label>
        <label>
          {t('callsUi.amount')}
          <input
            required
            inputmode="decimal"
            value={amount()}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('callsUi.paymentDate')}
          <input required type="date" value={paid()} onInput={(e) => setPaid(e.currentTarget.value)} />
        </label>
        <label>
          {t('callsUi.communication')}
          <input value={communication()} onInput={(e) => setCommunication(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('callsUi.record')}</button>
      </form>
      <Show when={result()}>
        {(p) => (
          <div data-testid="payment-allocation">
            <h4>{t('callsUi.allocations')}</h4>
            <ul class="plain">
              <For each={p().allocations ?? []}>
                {(a) => (
                  <li>
                    {t('callsUi.allocation', {
                      line: lineNames().get(a.line_id) ?? a.line_id.slice(0, 8),
                      amount: money(a.amount_cents),
                    })}
                  </li>
                )}
              </For>
            </ul>
            <Show when={p().credit_cents > 0}>
              <p>{t('callsUi.credit', { amount: money(p().credit_cents) })}</p>
            </Show>
          </div>
        )}
      </Show>
    </>
  )
}
