// The building page's distribution keys and budgets (issue #15 items 3 and 5): lists for every
// reader of the building, forms for the syndic (the server refuses anyone else anyway).
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { reloadBuildingBudgets, useBuildingBudgets } from '../lib/building-budgets'
import { errorText } from '../lib/error-text'
import { date, money, t, tEnum } from '../lib/i18n'
import { parseDecimal } from '../lib/input/decimal'
import { user } from '../lib/session'
import type { Budget, DistributionKey, Unit } from '../lib/wire-types'
import { EXPENSE_CATEGORIES } from '../pages/resource-configs'
import { Disclosure } from './Disclosure'
import { Notice } from './Notice'

type Lot = Pick<Unit, 'id' | 'unit_number'>
const manages = () => ['syndic', 'superadmin'].includes(user()?.role ?? '')

export function BudgetKeysSections(props: { buildingId: string; lots: readonly Lot[] }): JSX.Element {
  const [keys, { refetch: reloadKeys }] = createResource(
    () => props.buildingId,
    (id) => api.distributionKeys.list(id).catch(() => [] as DistributionKey[]),
  )
  return (
    <>
      <KeysCard buildingId={props.buildingId} lots={props.lots} keys={keys() ?? []} reload={reloadKeys} />
      <BudgetsCard buildingId={props.buildingId} keys={keys() ?? []} />
    </>
  )
}

function KeysCard(props: {
  buildingId: string
  lots: readonly Lot[]
  keys: readonly DistributionKey[]
  reload: () => void
}): JSX.Element {
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [name, setName] = createSignal('')
  const [kind, setKind] = createSignal<'subset' | 'custom'>('subset')
  const [resolution, setResolution] = createSignal('')
  const [statutory, setStatutory] = createSignal(false)
  const [picked, setPicked] = createSignal<Record<string, string | undefined>>({})
  const lotNumber = (id: string) => props.lots.find((l) => l.id === id)?.unit_number ?? id.slice(0, 8)

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const members = Object.entries(picked())
      .filter(([, w]) => w !== undefined)
      .map(([unit_id, w]) => ({ unit_id, weight: w?.trim() ? Number(w) : null }))
    try {
      await api.distributionKeys.create(props.buildingId, {
        name: name(),
        kind: kind(),
        members,
        statutory: statutory(),
        resolution_reference: resolution().trim() || null,
      })
      setNotice({ kind: 'success', text: t('keys.created') })
      setName('')
      setPicked({})
      setResolution('')
      props.reload()
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  const remove = async (key: DistributionKey) => {
    try {
      await api.distributionKeys.remove(props.buildingId, key.id)
      setNotice({ kind: 'success', text: t('keys.deleted') })
      props.reload()
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }

  return (
    <section class="card" aria-labelledby="building-keys-title" data-testid="building-keys">
      <h2 id="building-keys-title">{t('keys.title')}</h2>
      <p class="muted">{t('keys.intro')}</p>
      <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
      <Show when={props.keys.length > 0} fallback={<p class="muted">{t('keys.none')}</p>}>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('keys.name')}</th>
                <th scope="col">{t('keys.kind')}</th>
                <th scope="col">{t('keys.lots')}</th>
                <th scope="col">{t('keys.resolution')}</th>
                <Show when={manages()}>
                  <th scope="col">
                    <span class="visually-hidden">{t('keys.delete')}</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.keys}>
                {(k) => (
                  <tr data-testid="distribution-key">
                    <td>
                      {k.name}
                      <Show when={k.statutory}> · {t('keys.statutory')}</Show>
                    </td>
                    <td>{t(`keys.kind.${k.kind}`)}</td>
                    <td>
                      {k.members
                        .map((m) =>
                          m.weight === null ? lotNumber(m.unit_id) : `${lotNumber(m.unit_id)} (${m.weight})`,
                        )
                        .join(', ')}
                    </td>
                    <td>{k.resolution_reference ?? ''}</td>
                    <Show when={manages()}>
                      <td>
                        <button
                          type="button"
                          onClick={() => remove(k)}
                          aria-label={`${t('keys.delete')} ${k.name}`}
                        >
                          {t('keys.delete')}
                        </button>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={manages()}>
        <Disclosure summary={t('keys.add')}>
          <form onSubmit={submit} data-testid="key-form">
            <label>
              {t('keys.name')}
              <input
                required
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
                maxLength={120}
              />
            </label>
            <label>
              {t('keys.kind')}
              <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as 'subset' | 'custom')}>
                <option value="subset">{t('keys.kind.subset')}</option>
                <option value="custom">{t('keys.kind.custom')}</option>
              </select>
            </label>
            <fieldset>
              <legend>{t('keys.lots')}</legend>
              <p class="muted hint">{t('keys.weightHint')}</p>
              <For each={props.lots}>
                {(lot) => (
                  <div class="row-actions">
                    <label>
                      <input
                        type="checkbox"
                        checked={picked()[lot.id] !== undefined}
                        onChange={(e) =>
                          setPicked({ ...picked(), [lot.id]: e.currentTarget.checked ? '' : undefined })
                        }
                      />{' '}
                      {lot.unit_number}
                    </label>
                    <label>
                      <span class="visually-hidden">{t('keys.weight', { lot: lot.unit_number })}</span>
                      <input
                        type="number"
                        min="1"
                        step="1"
                        inputmode="numeric"
                        disabled={picked()[lot.id] === undefined}
                        value={picked()[lot.id] ?? ''}
                        onInput={(e) => setPicked({ ...picked(), [lot.id]: e.currentTarget.value })}
                      />
                    </label>
                  </div>
                )}
              </For>
            </fieldset>
            <label>
              <input
                type="checkbox"
                checked={statutory()}
                onChange={(e) => setStatutory(e.currentTarget.checked)}
              />{' '}
              {t('keys.statutory')}
            </label>
            <label>
              {t('keys.resolution')}
              <input
                value={resolution()}
                onInput={(e) => setResolution(e.currentTarget.value)}
                maxLength={500}
              />
            </label>
            <div class="actions">
              <button type="submit">{t('keys.create')}</button>
            </div>
          </form>
        </Disclosure>
      </Show>
    </section>
  )
}

type DraftLine = { category: string; label: string; key: string; amount: string }

function BudgetsCard(props: { buildingId: string; keys: readonly DistributionKey[] }): JSX.Element {
  const list = useBuildingBudgets(() => props.buildingId)
  const refetch = () => reloadBuildingBudgets(props.buildingId)
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [year, setYear] = createSignal(String(new Date().getFullYear()))
  const [periodicity, setPeriodicity] = createSignal<'monthly' | 'quarterly'>('quarterly')
  const [reserve, setReserve] = createSignal('')
  const [lines, setLines] = createSignal<DraftLine[]>([
    { category: 'Insurance', label: '', key: '', amount: '' },
  ])
  const [approveRef, setApproveRef] = createSignal('')
  const [approveOn, setApproveOn] = createSignal('')
  const keyName = (id: string | null) =>
    id === null ? t('keys.general') : (props.keys.find((k) => k.id === id)?.name ?? id.slice(0, 8))
  const cents = (text: string) => {
    const parsed = parseDecimal(text.trim() || '0', 2)
    return parsed.ok ? parsed.scaled : Number.NaN
  }
  const setLine = (i: number, patch: Partial<DraftLine>) =>
    setLines(lines().map((l, j) => (j === i ? { ...l, ...patch } : l)))

  const create = async (e: SubmitEvent) => {
    e.preventDefault()
    try {
      await api.budgets.create(props.buildingId, {
        fiscal_year: Number(year()),
        provision_periodicity: periodicity(),
        lines: lines().map((l) => ({
          category: l.category as (typeof EXPENSE_CATEGORIES)[number],
          label: l.label,
          distribution_key_id: l.key || null,
          amount_cents: cents(l.amount),
        })),
        reserve_contribution_cents: cents(reserve()),
      })
      setNotice({ kind: 'success', text: t('budget.created') })
      refetch()
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }
  const approve = async (b: Budget, e: SubmitEvent) => {
    e.preventDefault()
    try {
      await api.budgets.approve(props.buildingId, b.id, {
        resolution_reference: approveRef(),
        approved_on: approveOn(),
        version: b.version,
      })
      setNotice({ kind: 'success', text: t('budget.approved') })
      refetch()
    } catch (err) {
      // The 5 % rule's refusal carries its arithmetic: shown as the server wrote it.
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }

  return (
    <section class="card" aria-labelledby="building-budgets-title" data-testid="building-budgets">
      <h2 id="building-budgets-title">{t('budget.title')}</h2>
      <p class="muted">{t('budget.intro')}</p>
      <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
      <Show when={(list() ?? []).length > 0} fallback={<p class="muted">{t('budget.none')}</p>}>
        <For each={list() ?? []}>
          {(b) => (
            <article data-testid="budget" aria-label={`${t('budget.year')} ${b.fiscal_year}`}>
              <h3>
                {t('budget.year')} {b.fiscal_year} — {t(`budget.status.${b.status}`)}
              </h3>
              <p>
                {t('budget.workingCapital')}: {money(b.working_capital_cents)} ({t('budget.periodicity')}{' '}
                {t(`budget.periodicity.${b.provision_periodicity}`)}) · {t('budget.reserve')}:{' '}
                {money(b.reserve_contribution_cents)}
                <Show when={b.reserve_minimum_cents !== null}>
                  {' '}
                  ({t('budget.reserveMinimum', { amount: money(b.reserve_minimum_cents) })})
                </Show>
              </p>
              {/* Scrolls sideways on a phone: focusable so keyboard users can scroll it too (axe). */}
              <section class="table-wrap" tabindex="0" aria-label={`${t('budget.lines')} ${b.fiscal_year}`}>
                <table>
                  <caption class="visually-hidden">
                    {t('budget.lines')} {b.fiscal_year}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('budget.category')}</th>
                      <th scope="col">{t('budget.label')}</th>
                      <th scope="col">{t('field.distribution_key_id')}</th>
                      <th scope="col">{t('field.amount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={b.lines}>
                      {(l) => (
                        <tr>
                          <td>{tEnum('category', l.category)}</td>
                          <td>{l.label}</td>
                          <td>{keyName(l.distribution_key_id)}</td>
                          <td>{money(l.amount_cents)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
              <Show when={b.approval}>
                {(a) => (
                  <p>
                    {t('budget.approval')}: {a().resolution_reference ?? a().resolution_id} ·{' '}
                    {t('budget.approvedOn')} {date(a().approved_on)}
                  </p>
                )}
              </Show>
              <Show when={b.status === 'draft' && manages()}>
                <form onSubmit={(e) => approve(b, e)} data-testid="approve-form">
                  <fieldset>
                    <legend>{t('budget.approveTitle', { year: b.fiscal_year })}</legend>
                    <label>
                      {t('keys.resolution')}
                      <input
                        required
                        value={approveRef()}
                        onInput={(e) => setApproveRef(e.currentTarget.value)}
                      />
                    </label>
                    <label>
                      {t('budget.approvedOn')}
                      <input
                        type="date"
                        required
                        value={approveOn()}
                        onInput={(e) => setApproveOn(e.currentTarget.value)}
                      />
                    </label>
                    <div class="actions">
                      <button type="submit">{t('budget.approve')}</button>
                    </div>
                  </fieldset>
                </form>
              </Show>
            </article>
          )}
        </For>
      </Show>
      <Show when={manages()}>
        <Disclosure summary={t('budget.new')}>
          <form onSubmit={create} data-testid="budget-form">
            <label>
              {t('budget.year')}
              <input
                type="number"
                required
                min="2000"
                max="2100"
                value={year()}
                onInput={(e) => setYear(e.currentTarget.value)}
              />
            </label>
            <label>
              {t('budget.periodicity')}
              <select
                value={periodicity()}
                onChange={(e) => setPeriodicity(e.currentTarget.value as 'monthly' | 'quarterly')}
              >
                <option value="monthly">{t('budget.periodicity.monthly')}</option>
                <option value="quarterly">{t('budget.periodicity.quarterly')}</option>
              </select>
            </label>
            <fieldset>
              <legend>{t('budget.lines')}</legend>
              <For each={lines()}>
                {(l, i) => (
                  <div class="row-actions" data-testid="budget-line">
                    <label>
                      {t('budget.category')}
                      <select
                        value={l.category}
                        onChange={(e) => setLine(i(), { category: e.currentTarget.value })}
                      >
                        <For each={EXPENSE_CATEGORIES}>
                          {(c) => (
                            <option value={c} selected={c === l.category}>
                              {tEnum('category', c)}
                            </option>
                          )}
                        </For>
                      </select>
                    </label>
                    <label>
                      {t('budget.label')}
                      <input
                        value={l.label}
                        onInput={(e) => setLine(i(), { label: e.currentTarget.value })}
                      />
                    </label>
                    <label>
                      {t('field.distribution_key_id')}
                      <select value={l.key} onChange={(e) => setLine(i(), { key: e.currentTarget.value })}>
                        <option value="">{t('keys.general')}</option>
                        <For each={props.keys}>
                          {(k) => (
                            <option value={k.id} selected={k.id === l.key}>
                              {k.name}
                            </option>
                          )}
                        </For>
                      </select>
                    </label>
                    <label>
                      {t('budget.amount')}
                      <input
                        inputmode="decimal"
                        required
                        value={l.amount}
                        onInput={(e) => setLine(i(), { amount: e.currentTarget.value })}
                      />
                    </label>
                  </div>
                )}
              </For>
              <button
                type="button"
                onClick={() =>
                  setLines([...lines(), { category: 'Maintenance', label: '', key: '', amount: '' }])
                }
              >
                {t('budget.addLine')}
              </button>
            </fieldset>
            <label>
              {t('budget.reserve')} (€)
              <input
                inputmode="decimal"
                value={reserve()}
                onInput={(e) => setReserve(e.currentTarget.value)}
              />
            </label>
            <div class="actions">
              <button type="submit">{t('budget.create')}</button>
            </div>
          </form>
        </Disclosure>
      </Show>
    </section>
  )
}
