// Expenses by category and by month, for all buildings or one: a bar chart to look at, and the
// same figures as a summary sentence and a table for those who read (screen readers, print).
import { createEffect, createResource, createSignal, For, type JSX, onCleanup, Show } from 'solid-js'
import * as api from '../lib/api'
import { createChartDrawer } from '../lib/chart-draw'
import { localChanges } from '../lib/data-changes'
import { mountQueue } from '../lib/deferred-mount'
import { money, num, t, tEnum } from '../lib/i18n'
import { dateTimeFormat } from '../lib/i18n/format'
import { dataRevision } from '../lib/offline/store'
import { answered, value } from '../lib/resource-value'
import type { BarChart } from './bar-chart'

type Total = { key: string; total_cents: number; count: number }

/** The chart's text alternative: how many expenses, the total and the largest group. */
export function chartSummary(items: readonly Total[], label: (key: string) => string): string {
  const total = items.reduce((s, i) => s + i.total_cents, 0)
  const count = items.reduce((s, i) => s + i.count, 0)
  const top = items.reduce<Total | null>(
    (best, i) => (!best || i.total_cents > best.total_cents ? i : best),
    null,
  )
  return t('charts.summary', {
    count: num(count),
    total: money(total),
    top: top ? `${label(top.key)} (${money(top.total_cents)})` : '—',
  })
}

/** 2026-03 → "mars 2026" in the reader's language. */
function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number)
  if (!y || !m) return key
  return dateTimeFormat(document.documentElement.lang || 'en', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}

// The chart library, fetched on first use (its own chunk); until then the table says it all.
let barChart: typeof import('./bar-chart') | undefined
let barChartLoad: Promise<unknown> | undefined
const loadBarChart = () =>
  (barChartLoad ??= import('./bar-chart').then((m) => {
    barChart = m
  }))

function Chart(props: { id: string; title: string; items: Total[]; label: (key: string) => string }) {
  let box: HTMLDivElement | undefined
  let chart: BarChart | undefined
  let width = 0
  // Drawn near the viewport or when idle, one chart per task, not again for the same figures
  // (lib/chart-draw.ts, ADR 0057).
  const drawer = createChartDrawer({
    queue: mountQueue,
    loaded: () => barChart,
    load: loadBarChart,
    draw: (lib, el, data) => {
      chart?.destroy()
      width = el.clientWidth
      chart = lib.drawBars(el as HTMLElement, data.labels, data.values, (v) => money(Math.round(v * 100)))
      observer.observe(el)
    },
  })
  // Only a real change of width redraws (observing reports the current size once).
  const observer = new ResizeObserver(() => {
    if (box && chart && box.clientWidth !== width) {
      width = box.clientWidth
      chart.resize(width)
    }
  })
  createEffect(() => {
    const items = props.items
    const data = {
      labels: items.map((i) => props.label(i.key)),
      values: items.map((i) => i.total_cents / 100),
    }
    if (box) drawer.show(box, data)
  })
  onCleanup(() => {
    drawer.dispose()
    observer.disconnect()
    chart?.destroy()
  })
  return (
    <figure class="card chart" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <figcaption id={`${props.id}-title`}>
        <strong>{props.title}</strong>
        <p class="chart-summary">{chartSummary(props.items, props.label)}</p>
      </figcaption>
      <div ref={box} class="chart-canvas" aria-hidden="true" />
      <details>
        <summary>{t('charts.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('charts.key')}</th>
              <th scope="col">{t('charts.total')}</th>
              <th scope="col">{t('charts.count')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.items}>
              {(i) => (
                <tr>
                  <th scope="row">{props.label(i.key)}</th>
                  <td class="num">{money(i.total_cents)}</td>
                  <td class="num">{num(i.count)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  )
}

export function ExpenseCharts(): JSX.Element {
  const [building, setBuilding] = createSignal('')
  const [buildings] = createResource(
    () => ({ rev: dataRevision(), local: localChanges() }),
    () => api.buildings.list({ per_page: 100, sort_by: 'name', order: 'asc' }),
  )
  const load = (group: 'category' | 'month') =>
    createResource(
      () => ({ rev: dataRevision(), local: localChanges(), b: building() }),
      ({ b }) => api.stats.expenses(group, b || undefined),
    )[0]
  const byCategory = load('category')
  const byMonth = load('month')
  return (
    <section class="charts" aria-labelledby="charts-title" data-testid="expense-charts">
      <div class="charts-head">
        <h2 id="charts-title">{t('charts.title')}</h2>
        <label>
          {t('charts.building')}{' '}
          <select
            data-testid="charts-building"
            value={building()}
            onChange={(e) => setBuilding(e.currentTarget.value)}
          >
            <option value="">{t('charts.allBuildings')}</option>
            <For each={value(buildings)?.data.data ?? []}>
              {(b) => <option value={b.id}>{b.name}</option>}
            </For>
          </select>
        </label>
      </div>
      {/* Until the sums arrive, two empty cards of the charts' size: the page below stays put. */}
      <Show when={answered(byCategory, byMonth)} fallback={<ChartPlaceholders />}>
        <Show
          when={(value(byCategory)?.data.items.length ?? 0) > 0}
          fallback={<Show when={value(byCategory)}>{<p>{t('charts.empty')}</p>}</Show>}
        >
          <div class="chart-grid">
            <Chart
              id="chart-category"
              title={t('charts.byCategory')}
              items={value(byCategory)?.data.items ?? []}
              label={(k) => tEnum('category', k)}
            />
            <Chart
              id="chart-month"
              title={t('charts.byMonth')}
              items={value(byMonth)?.data.items ?? []}
              label={monthLabel}
            />
          </div>
        </Show>
      </Show>
    </section>
  )
}

function ChartPlaceholders(): JSX.Element {
  return (
    <div class="chart-grid" aria-busy="true">
      <For each={[t('charts.byCategory'), t('charts.byMonth')]}>
        {(title) => (
          <figure class="card chart">
            <figcaption>
              <strong>{title}</strong>
              <p class="chart-summary">{t('common.loading')}</p>
            </figcaption>
            <div class="chart-canvas" />
          </figure>
        )}
      </For>
    </div>
  )
}
