// Standalone pages for each resource; the dashboards embed the same components.
import { createSignal, For, type JSX, Show } from 'solid-js'
import { DistributionDocuments } from '../components/DistributionDocuments'
import { CancelExpense, EXPENSE_OFFLINE_NOTE, ExpenseChangeButton } from '../components/ExpenseChanges'
import { NeedsConnection } from '../components/OnlineOnly'
import { OwnerLotsDialog, UnitOwnersDialog, useOwnerNames } from '../components/OwnershipDialogs'
import { type ResourceConfig, ResourcePage, type Row } from '../components/ResourcePage'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { money, t } from '../lib/i18n'
import { useBuildingOptions, useOrganizationOptions } from '../lib/lookups'
import { canWrite } from '../lib/roles'
import { user } from '../lib/session'
import type { ExpenseDistribution } from '../lib/wire-types'
import {
  buildingsConfig,
  expensesConfig,
  meetingsConfig,
  ownersConfig,
  unitsConfig,
  withOrganization,
} from './resource-configs'
import { suppliersConfig } from './suppliers-config'

type Heading = { heading?: 'h1' | 'h2' }
const role = () => user()?.role ?? 'owner'
const isSuperadmin = () => role() === 'superadmin'

/**
 * A superadmin sees every organization's rows (the API's list convention): the page gets an
 * organization column and filter. Organizations are read only for them.
 */
function forRole(config: ResourceConfig, options: { create?: boolean } = {}): ResourceConfig {
  if (!isSuperadmin()) return config
  return withOrganization(config, useOrganizationOptions(isSuperadmin), options)
}

// Configs are built once per page, in the body: a JSX prop expression is re-run on every read.
export function BuildingsPage(p: Heading): JSX.Element {
  const config = forRole(buildingsConfig(), { create: true })
  return <ResourcePage config={config} canWrite={canWrite(role(), 'buildings')} heading={p.heading} />
}

export function UnitsPage(p: Heading): JSX.Element {
  const buildings = useBuildingOptions()
  const { name } = useOwnerNames()
  const [shown, setShown] = createSignal<{ row: Row; reload: () => void } | null>(null)
  const config = {
    ...forRole(unitsConfig(buildings, name)),
    // A lot's owners: on a date, history, and (for writers) add / end / sale / representatives.
    rowActions: (row: Row, reload: () => void) => (
      <Show when={!row.id.startsWith('tmp-')}>
        <button type="button" class="small" onClick={() => setShown({ row, reload })}>
          {t('own.button')}
        </button>
      </Show>
    ),
  }
  return (
    <>
      <ResourcePage config={config} canWrite={canWrite(role(), 'units')} heading={p.heading} />
      <Show when={shown()}>
        {(s) => (
          <UnitOwnersDialog
            unit={{ id: s().row.id, unit_number: String(s().row.unit_number ?? '') }}
            canWrite={canWrite(role(), 'units')}
            onClose={() => setShown(null)}
            onChanged={s().reload}
          />
        )}
      </Show>
    </>
  )
}

export function OwnersPage(p: Heading): JSX.Element {
  const [shown, setShown] = createSignal<Row | null>(null)
  const config = {
    ...forRole(ownersConfig(), { create: true }),
    rowActions: (row: Row) => (
      <Show when={!row.id.startsWith('tmp-')}>
        <button type="button" class="small" onClick={() => setShown(row)}>
          {t('own.lots')}
        </button>
      </Show>
    ),
  }
  return (
    <>
      <ResourcePage config={config} canWrite={canWrite(role(), 'owners')} heading={p.heading} />
      <Show when={shown()}>{(row) => <OwnerLotsDialog owner={row()} onClose={() => setShown(null)} />}</Show>
    </>
  )
}

const numOr = (v: unknown) => (typeof v === 'number' ? v : undefined)

/** Each unit's/owner's part of one expense (server-computed, exact to the cent). */
function Distribution(props: { expenseId: string }): JSX.Element {
  const [data, setData] = createSignal<ExpenseDistribution | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const [open, setOpen] = createSignal(false)
  const toggle = async () => {
    setOpen(!open())
    if (!data() && open()) {
      try {
        setData(await api.expenses.distribution(props.expenseId))
      } catch (e) {
        setError(e instanceof Error ? e.message : t('common.error'))
      }
    }
  }
  const shares = () => data()?.units ?? []
  return (
    <>
      <button type="button" class="small" aria-expanded={open()} onClick={toggle}>
        {t('accountant.distribution')}
      </button>
      <Show when={open()}>
        <div class="distribution" data-testid="distribution">
          <Show when={error()}>
            <p role="alert">{error()}</p>
          </Show>
          <ul>
            <For each={shares()}>
              {(s) => (
                <li>
                  {s.unit_number}: {money(s.amount_cents)}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </>
  )
}

/** Mark paid goes through the outbox (queued offline, shown paid at once); a refusal is said. */
function MarkPaid(props: { row: Row; reload: () => void }): JSX.Element {
  const [error, setError] = createSignal<string | null>(null)
  return (
    <>
      <button
        type="button"
        class="small"
        onClick={async () => {
          setError(null)
          try {
            await api.expenses.markPaid(props.row.id, numOr(props.row.version))
            props.reload()
          } catch (e) {
            setError(errorText(e))
          }
        }}
      >
        {t('accountant.markPaid')}
      </button>
      <Show when={error()}>
        <span role="alert">{error()}</span>
      </Show>
    </>
  )
}

/** Approve a draft (ADR 0031): online, it posts in the books. */
function ApproveExpense(props: { row: Row; reload: () => void }): JSX.Element {
  const [error, setError] = createSignal<string | null>(null)
  return (
    <>
      <button
        type="button"
        class="small"
        data-testid="expense-approve"
        onClick={async () => {
          setError(null)
          try {
            await api.expenseLifecycle.approve(props.row.id)
            props.reload()
          } catch (e) {
            setError(errorText(e))
          }
        }}
      >
        {t('expense.approve')}
      </button>
      <Show when={error()}>
        <span role="alert">{error()}</span>
      </Show>
    </>
  )
}

export function ExpensesPage(p: Heading): JSX.Element {
  const buildings = useBuildingOptions()
  const config = {
    ...forRole(expensesConfig(buildings)),
    rowActions: (row: Row, reload: () => void) => (
      <>
        {/* A row cached before the lifecycle existed has no status: its payment status decides. */}
        <Show
          when={
            canWrite(role(), 'expenses') &&
            (row.status === 'approved' ||
              (row.status === undefined &&
                row.payment_status !== 'Paid' &&
                row.payment_status !== 'Cancelled')) &&
            !row.id.startsWith('tmp-')
          }
        >
          <MarkPaid row={row} reload={reload} />
        </Show>
        <Show when={canWrite(role(), 'expenses') && row.status === 'draft' && !row.id.startsWith('tmp-')}>
          <ApproveExpense row={row} reload={reload} />
          <ExpenseChangeButton row={row} mode="edit" reload={reload} />
        </Show>
        <Show when={canWrite(role(), 'expenses') && row.status === 'approved' && !row.id.startsWith('tmp-')}>
          <ExpenseChangeButton row={row} mode="correct" reload={reload} />
        </Show>
        <Show
          when={
            canWrite(role(), 'expenses') &&
            (row.status === 'draft' || row.status === 'approved') &&
            !row.id.startsWith('tmp-')
          }
        >
          <CancelExpense row={row} reload={reload} />
        </Show>
        <Show when={!row.id.startsWith('tmp-')}>
          <Distribution expenseId={row.id} />
        </Show>
        <Show when={canWrite(role(), 'expenses') && !row.id.startsWith('tmp-')}>
          <DistributionDocuments expenseId={row.id} />
        </Show>
      </>
    ),
  }
  return (
    <>
      <ResourcePage config={config} canWrite={canWrite(role(), 'expenses')} heading={p.heading} />
      <NeedsConnection id={EXPENSE_OFFLINE_NOTE} message={t('expense.onlineOnly')} />
    </>
  )
}

export function SuppliersPage(p: Heading): JSX.Element {
  const config = forRole(suppliersConfig(), { create: true })
  return <ResourcePage config={config} canWrite={canWrite(role(), 'suppliers')} heading={p.heading} />
}

export function MeetingsPage(p: Heading): JSX.Element {
  const buildings = useBuildingOptions()
  const writable = () => canWrite(role(), 'meetings')
  // The agenda and the status actions are on the meeting's own page (its title links there).
  const config = meetingsConfig(buildings)
  return <ResourcePage config={config} canWrite={writable()} heading={p.heading} />
}
