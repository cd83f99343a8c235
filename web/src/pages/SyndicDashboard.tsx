// Syndic: organization figures, then one tab per managed resource (same screens as /buildings...).
import { useSearchParams } from '@solidjs/router'
import { For, type JSX, Match, Switch } from 'solid-js'
import { Deferred } from '../components/Deferred'
import { ExpenseCharts } from '../components/ExpenseCharts'
import { StatCards } from '../components/StatCards'
import { t } from '../lib/i18n'
import DocumentsPage from './DocumentsPage'
import { BuildingsPage, ExpensesPage, MeetingsPage, OwnersPage, UnitsPage } from './ResourcePages'

const TABS = ['buildings', 'units', 'owners', 'expenses', 'meetings', 'documents'] as const
type Tab = (typeof TABS)[number]

export default function SyndicDashboard(): JSX.Element {
  const [params, setParams] = useSearchParams<{ tab?: string }>()
  const tab = (): Tab =>
    (TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'buildings'
  return (
    <div class="dashboard" data-testid="dashboard-syndic">
      <h1>{t('syndic.title')}</h1>
      <StatCards
        keys={['total_buildings', 'total_units', 'total_owners', 'total_expenses', 'total_meetings']}
      />
      <ExpenseCharts />
      <div class="tabs" role="tablist" aria-label={t('syndic.title')}>
        <For each={TABS}>
          {(name) => (
            <button
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab() === name}
              aria-controls="syndic-panel"
              onClick={() => setParams({ tab: name })}
            >
              {t(`nav.${name}`)}
            </button>
          )}
        </For>
      </div>
      <div id="syndic-panel" role="tabpanel" aria-labelledby={`tab-${tab()}`}>
        {/* Below the figures and charts on a phone: the list is built in a task of its own, near
            the viewport or when idle (issue #19), and stays built across tab changes. */}
        <Deferred minHeight="24rem">
          <Switch>
            <Match when={tab() === 'buildings'}>
              <BuildingsPage heading="h2" />
            </Match>
            <Match when={tab() === 'units'}>
              <UnitsPage heading="h2" />
            </Match>
            <Match when={tab() === 'owners'}>
              <OwnersPage heading="h2" />
            </Match>
            <Match when={tab() === 'expenses'}>
              <ExpensesPage heading="h2" />
            </Match>
            <Match when={tab() === 'meetings'}>
              <MeetingsPage heading="h2" />
            </Match>
            <Match when={tab() === 'documents'}>
              <DocumentsPage heading="h2" />
            </Match>
          </Switch>
        </Deferred>
      </div>
    </div>
  )
}
