// Charges (expenses and an owner's shares of them) as the building page, the owner page and the
// owner portal show them: the unpaid/paid totals as two figures, and one line per charge with
// what it is on the left and its amount and state on the right (a card line on a phone too).
import { For, type JSX } from 'solid-js'
import { money, t, tEnum } from '../lib/i18n'

export interface ChargeLine {
  amount_cents: number
  payment_status: string
}

export function ChargeTotals(props: {
  totals: { unpaid_cents: number; paid_cents: number }
  testId?: string
}): JSX.Element {
  return (
    <ul class="stats" data-testid={props.testId}>
      <li class="stat">
        <span class="stat-value">{money(props.totals.unpaid_cents)}</span>
        <span class="stat-label">{t('owner.unpaid')}</span>
      </li>
      <li class="stat">
        <span class="stat-value">{money(props.totals.paid_cents)}</span>
        <span class="stat-label">{t('owner.paid')}</span>
      </li>
    </ul>
  )
}

/** `label`: what the line is (date, description…); `state`: after the amount, by default the
 * payment status in the user's language. */
export function ChargeList<T extends ChargeLine>(props: {
  lines: readonly T[]
  label: (line: T) => JSX.Element
  state?: (line: T) => string
}): JSX.Element {
  const state = (line: T) => props.state?.(line) ?? tEnum('payment_status', line.payment_status)
  return (
    <ul class="plain list">
      <For each={props.lines} fallback={<li class="muted">{t('common.empty')}</li>}>
        {(line) => (
          <li class="line">
            <span>{props.label(line)}</span>
            <span class="amount">
              {money(line.amount_cents)} · {state(line)}
            </span>
          </li>
        )}
      </For>
    </ul>
  )
}
