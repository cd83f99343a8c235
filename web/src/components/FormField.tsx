// One labelled input with its error message tied by aria-describedby (screen readers read it).

import { INTL_TAG } from '@koprogo/domain/i18n'
import { For, type JSX, Match, Show, Switch } from 'solid-js'
import { locale, type MessageKey, t, tMaybe } from '../lib/i18n'
import { decimalSeparator, formatDecimal, parseDecimal } from '../lib/input/decimal'

export interface Option {
  value: string
  label: string
}

export interface FieldDef {
  name: string
  label: MessageKey
  type:
    | 'text'
    | 'number'
    | 'email'
    | 'date'
    | 'datetime-local'
    | 'select'
    | 'textarea'
    | 'password'
    | 'checkbox'
  required?: boolean
  /** Shown (and sent, and checked) only when this holds for the form's current values. */
  visibleWhen?: (values: Record<string, string>) => boolean
  /** The value a new form starts with. */
  initial?: string
  /** Numbers: strictly greater than this (0 for counts, areas, amounts). */
  greaterThan?: number
  step?: string
  options?: () => Option[]
  /** A decimal typed as people write it ("1234,57" or "1234.57", issue #19 item 2): read exactly
   * with at most `places` decimals; ambiguous text (grouping separators) is refused. */
  decimal?: {
    places: number
    /** Send the value as this integer field scaled by 10^places (amount → amount_cents). */
    scaledAs?: string
  }
}

export function FormField(props: {
  field: FieldDef
  value: string
  error?: string
  idPrefix: string
  onInput: (value: string) => void
}): JSX.Element {
  const id = () => `${props.idPrefix}-${props.field.name}`
  const errorId = () => `${id()}-error`
  const common = () => ({
    id: id(),
    name: props.field.name,
    required: props.field.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId() : undefined,
  })
  return (
    <div class="field">
      <label for={id()}>
        {t(props.field.label)}
        <Show when={props.field.required}>
          <span aria-hidden="true"> *</span>
        </Show>
      </label>
      <Switch
        fallback={
          <input
            {...common()}
            // A decimal is a text input: type=number drops "1234,57" in some browsers and
            // languages; the decimal keypad still opens on phones.
            type={props.field.decimal ? 'text' : props.field.type}
            inputmode={props.field.decimal ? 'decimal' : undefined}
            autocomplete={props.field.decimal ? 'off' : undefined}
            step={props.field.decimal ? undefined : props.field.step}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        }
      >
        <Match when={props.field.type === 'select'}>
          <select {...common()} value={props.value} onChange={(e) => props.onInput(e.currentTarget.value)}>
            <option value="">—</option>
            <For each={props.field.options?.() ?? []}>
              {(o) => (
                <option value={o.value} selected={o.value === props.value}>
                  {o.label}
                </option>
              )}
            </For>
          </select>
        </Match>
        <Match when={props.field.type === 'checkbox'}>
          <input
            {...common()}
            type="checkbox"
            checked={props.value === 'true'}
            onChange={(e) => props.onInput(e.currentTarget.checked ? 'true' : 'false')}
          />
        </Match>
        <Match when={props.field.type === 'textarea'}>
          <textarea {...common()} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
        </Match>
      </Switch>
      <Show when={props.error}>
        <p class="field-error" id={errorId()}>
          {props.error}
        </p>
      </Show>
    </div>
  )
}

/** Client-side checks before sending (the server re-checks and its field errors win). */
export function validate(
  fields: readonly FieldDef[],
  values: Record<string, string>,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim()
    if (!v) {
      if (f.required) errors[f.name] = t('common.required')
      continue
    }
    if (f.decimal) {
      const r = parseDecimal(v, f.decimal.places)
      if (!r.ok) {
        errors[f.name] =
          r.error === 'tooManyDecimals'
            ? t('input.decimal.tooManyDecimals', { count: f.decimal.places })
            : t(`input.decimal.${r.error}`)
      } else if (f.greaterThan !== undefined && r.scaled <= f.greaterThan * 10 ** f.decimal.places) {
        errors[f.name] = t('common.invalidNumber')
      }
      continue
    }
    if (f.type === 'number') {
      const n = Number(v)
      if (!Number.isFinite(n) || (f.greaterThan !== undefined && n <= f.greaterThan)) {
        errors[f.name] = t('common.invalidNumber')
      }
    }
    if (f.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) errors[f.name] = t('common.invalidEmail')
  }
  return errors
}

/** Form strings → JSON body: numbers as numbers, empty optional fields left out. */
export function toBody(fields: readonly FieldDef[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim()
    if (v === '') continue
    const dec = f.decimal ? parseDecimal(v, f.decimal.places) : undefined
    if (f.decimal && dec?.ok) {
      // Integer arithmetic only: 123457 cents, or 8550 / 100 = 85.5 m² (exact for 2 places).
      if (f.decimal.scaledAs) body[f.decimal.scaledAs] = dec.scaled
      else body[f.name] = dec.scaled / 10 ** f.decimal.places
    } else if (f.type === 'number') body[f.name] = Number(v)
    else if (f.type === 'checkbox') body[f.name] = v === 'true'
    else if (f.type === 'datetime-local') body[f.name] = new Date(v).toISOString()
    else body[f.name] = v
  }
  return body
}

/** Row → form strings (datetime-local wants local "YYYY-MM-DDTHH:mm"). */
export function toValues(fields: readonly FieldDef[], row: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const f of fields) {
    const v = row[f.name]
    if (v === null || v === undefined) values[f.name] = ''
    else if (f.decimal && typeof v === 'number')
      values[f.name] = formatDecimal(v, f.decimal.places, decimalSeparator(INTL_TAG[locale()]))
    else if (f.type === 'datetime-local' && typeof v === 'string') {
      const d = new Date(v)
      const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000)
      values[f.name] = Number.isNaN(d.getTime()) ? '' : local.toISOString().slice(0, 16)
    } else if (f.type === 'date' && typeof v === 'string') values[f.name] = v.slice(0, 10)
    else values[f.name] = String(v)
  }
  return values
}

/**
 * The server's field errors (`errors[].path`) on the form's fields: a decimal sent scaled
 * (amount_cents) shows on its input (amount). Errors no field shows are returned apart, for
 * the banner.
 */
export function fieldErrorsFor(
  fields: readonly FieldDef[],
  server: Record<string, string>,
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {}
  const used = new Set<string>()
  for (const f of fields) {
    for (const key of [f.name, f.decimal?.scaledAs]) {
      const message = key ? server[key] : undefined
      if (message !== undefined && !(f.name in byField)) {
        byField[f.name] = message
        used.add(key as string)
      }
    }
  }
  const rest = Object.entries(server)
    .filter(([k]) => !used.has(k))
    .map(([k, m]) => `${tMaybe(`field.${k}`, k)}: ${m}`)
  return { byField, rest }
}

/** The fields shown for these values (a company's fields only for a company, etc.). */
export function visibleFields(fields: readonly FieldDef[], values: Record<string, string>): FieldDef[] {
  return fields.filter((f) => f.visibleWhen?.(values) ?? true)
}

/** A new form's starting values. */
export function initialValues(fields: readonly FieldDef[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const f of fields) if (f.initial !== undefined) values[f.name] = f.initial
  return values
}
