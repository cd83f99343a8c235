// The one module that imports the chart library: ExpenseCharts loads it with import(), so only a
// page that shows a chart downloads uPlot (≈ 20 KB gzip with its CSS) — the login page, the owner
// portal and the lists never pay for it. uPlot: small, maintained, canvas, no dependencies.
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export type BarChart = { resize(width: number): void; destroy(): void }

/** Vertical bars, one per label, on `el`; `format` writes the value axis (money in the locale). */
export function drawBars(
  el: HTMLElement,
  labels: readonly string[],
  values: readonly number[],
  format: (value: number) => string,
): BarChart {
  const xs = labels.map((_, i) => i)
  const height = 220
  const bars = uPlot.paths.bars?.({ size: [0.6, 64], align: 0 })
  const chart = new uPlot(
    {
      width: Math.max(el.clientWidth, 240),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        {
          splits: () => xs,
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          gap: 4,
          size: 40,
        },
        { values: (_u, splits) => splits.map(format), size: 80 },
      ],
      series: [
        {},
        {
          ...(bars ? { paths: bars } : {}),
          fill: 'rgba(31, 94, 168, 0.75)',
          stroke: '#1f5ea8',
          points: { show: false },
        },
      ],
    },
    [xs, [...values]],
    el,
  )
  return {
    resize: (width) => chart.setSize({ width: Math.max(width, 240), height }),
    destroy: () => chart.destroy(),
  }
}
