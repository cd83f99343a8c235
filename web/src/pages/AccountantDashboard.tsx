// Accountant: paid / unpaid totals, then the expenses list (mark paid, distribution per expense).
import { createResource, type JSX, Show } from 'solid-js'
import { ExpenseCharts } from '../components/ExpenseCharts'
import * as api from '../lib/api'
import { localChanges } from '../lib/data-changes'
import { money, t } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import { ExpensesPage } from './ResourcePages'

/** Sums over the first 100 expenses of each status (the API has no totals endpoint yet). */
async function totals(): Promise<{ paid: number; pending: number }> {
  const sum = async (status: string) => {
    const page = await api.expenses.list({ per_page: 100, filters: { status } })
    return page.data.data.reduce((s, e) => s + (e.amount_cents ?? Math.round(e.amount * 100)), 0)
  }
  const [paid, pending] = await Promise.all([sum('Paid'), sum('Pending')])
  return { paid, pending }
}

export default function AccountantDashboard(): JSX.Element {
  const [sums] = createResource(() => ({ rev: dataRevision(), local: localChanges() }), totals)
  return (
    <div class="dashboard" data-testid="dashboard-accountant">
      <h1>{t('accountant.title')}</h1>
      <Show when={value(sums)}>
        {(s) => (
          <ul class="stats" data-testid="expense-totals">
            <li class="card stat">
              <span class="stat-value">{money(s().paid)}</span>
              <span class="stat-label">{t('accountant.totalPaid')}</span>
            </li>
            <li class="card stat">
              <span class="stat-value">{money(s().pending)}</span>
              <span class="stat-label">{t('accountant.totalPending')}</span>
            </li>
          </ul>
        )}
      </Show>
      <ExpenseCharts />
      <ExpensesPage heading="h2" />
    </div>
  )
}
