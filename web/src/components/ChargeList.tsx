// Charges (expenses and an owner's shares of them) as the building page, the owner page and the
// owner portal show them: an owner's share (and, on the owner page, what the association paid its suppliers), and one line per charge with
// what it is and its state on the left, its amount on the right (a card line on a phone too).
import { For, type JSX, Show } from 'solid-js'
import { money, t, tEnum } from '../lib/i18n'

export interface ChargeLine {
  amount_cents: number
  payment_status: string
}

export function ChargeTotals(props: {
  totals: { total_cents: number; supplier_paid_cents: number }
  /** The owner page shows how much of the share the association already paid its suppliers;
   * the portal does not (it says nothing of what the owner owes, ADR 0031). */
  showSupplierPaid?: boolean
  testId?: string
}): JSX.Element {
  return (
    <ul class="stats" data-testid={props.testId}>
      <li class="stat">
        <span class="stat-value">{money(props.totals.total_cents)}</span>
        <span class="stat-label">{t('charges.share')}</span>
      </li>
      <Show when={props.showSupplierPaid}>
        <li class="stat">
          <span class="stat-value">{money(props.totals.supplier_paid_cents)}</span>
          <span class="stat-label">{t('charges.supplierPaid')}</span>
        </li>
      </Show>
    </ul>
  )
}

/** An owner's share line says whether the association paid that supplier — not what the owner paid. */
export function supplierState(line: ChargeLine): string {
  return t(line.payment_status === 'Paid' ? 'charges.supplierPaid' : 'charges.supplierUnpaid')
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
            {/* The state under the label, not beside the amount: "Supplier not yet paid" would
                push the amount off a 390 px phone. */}
            <span>
              {props.label(line)}
              <br />
              <span class="muted">{state(line)}</span>
            </span>
            <span class="amount">{money(line.amount_cents)}</span>
          </li>
        )}
      </For>
    </ul>
  )
}
