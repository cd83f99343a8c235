// Changing an expense after it is recorded (ADR 0031, ADR 0037): a draft is edited in place
// (PATCH); an approved one is corrected (the server reverses it and posts the correction) or
// cancelled with a reason (reversed). Each posts in the books, so each is online only (ADR 0034):
// disabled offline with the reason said by the list's NeedsConnection note. A refusal (409
// expense_not_draft, a paid expense…) is the server's `detail`, already in the user's language.
import { createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { ApiError } from '../lib/api-error'
import { errorText } from '../lib/error-text'
import { t } from '../lib/i18n'
import { enumOptions } from '../lib/lookups'
import type { CorrectExpense, EditDraftExpense } from '../lib/wire-types'
import { type FieldDef, FormField, fieldErrorsFor, toBody, toValues, validate } from './FormField'
import { Modal } from './Modal'
import { offlineDescribedBy, online } from './OnlineOnly'
import type { Row } from './ResourcePage'

/** The id of the expenses list's NeedsConnection note (one per list, not one per row). */
export const EXPENSE_OFFLINE_NOTE = 'expense-changes-offline'

const CATEGORIES = [
  'Maintenance',
  'Repairs',
  'Insurance',
  'Utilities',
  'Cleaning',
  'Administration',
  'Works',
  'Other',
] as const

const FIELDS: FieldDef[] = [
  {
    name: 'category',
    label: 'field.category',
    type: 'select',
    required: true,
    options: enumOptions('category', CATEGORIES),
  },
  { name: 'description', label: 'field.description', type: 'text', required: true },
  {
    name: 'amount',
    label: 'field.amount',
    type: 'number',
    required: true,
    greaterThan: 0,
    decimal: { places: 2, scaledAs: 'amount_cents' },
  },
  { name: 'expense_date', label: 'field.expense_date', type: 'date', required: true },
  {
    name: 'amount_excl_vat',
    label: 'expense.amountExclVat',
    type: 'number',
    greaterThan: 0,
    decimal: { places: 2, scaledAs: 'amount_excl_vat_cents' },
  },
  { name: 'vat_rate', label: 'expense.vatRate', type: 'number', step: '1' },
  { name: 'supplier', label: 'field.supplier', type: 'text' },
  { name: 'supplier_enterprise_number', label: 'expense.enterpriseNumber', type: 'text' },
  { name: 'supplier_iban', label: 'expense.iban', type: 'text' },
  { name: 'invoice_number', label: 'field.invoice_number', type: 'text' },
]

/** The row as the form shows it: euros from the exact cents. */
function prefill(row: Row): Record<string, string> {
  const cents = (v: unknown) => (typeof v === 'number' ? v / 100 : v)
  return toValues(FIELDS, {
    ...row,
    amount: cents(row.amount_cents) ?? row.amount,
    amount_excl_vat: cents(row.amount_excl_vat_cents),
  })
}

/**
 * PATCH with the version the user saw. A stale version (409 with current_version) most often means
 * the draft was approved meanwhile: re-read it, and if it is no longer a draft, send again with the
 * current version so the server says why in its own words (409 expense_not_draft: correct or
 * cancel it) — that retry cannot change anything, a non-draft is never edited. A draft edited by
 * someone else keeps the stale-version refusal (the user reopens it to see the new values).
 */
async function editDraft(expenseId: string, body: EditDraftExpense, version: number | undefined) {
  try {
    return await api.expenseLifecycle.editDraft(expenseId, body, version)
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 409 || err.currentVersion === undefined) throw err
    const fresh = await api.expenses.get(expenseId).catch(() => null)
    if (!fresh || fresh.status === 'draft') throw err
    return await api.expenseLifecycle.editDraft(expenseId, body, fresh.version)
  }
}

/** "Edit" (a draft) or "Correct" (an approved expense): a dialog prefilled with its values. */
export function ExpenseChangeButton(props: { row: Row; mode: 'edit' | 'correct'; reload: () => void }) {
  const [open, setOpen] = createSignal(false)
  return (
    <>
      <button
        type="button"
        class="small"
        data-testid={`expense-${props.mode}`}
        disabled={!online()}
        aria-describedby={offlineDescribedBy(EXPENSE_OFFLINE_NOTE)}
        onClick={() => setOpen(true)}
      >
        {t(props.mode === 'edit' ? 'expense.edit' : 'expense.correct')}
      </button>
      <Show when={open()}>
        <ExpenseChangeDialog
          row={props.row}
          mode={props.mode}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false)
            props.reload()
          }}
        />
      </Show>
    </>
  )
}

function ExpenseChangeDialog(props: {
  row: Row
  mode: 'edit' | 'correct'
  onClose: () => void
  onDone: () => void
}): JSX.Element {
  const [values, setValues] = createSignal(prefill(props.row))
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [refusal, setRefusal] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    setRefusal(null)
    const invalid = validate(FIELDS, values())
    setErrors(invalid)
    if (Object.keys(invalid).length > 0) return
    const body = toBody(FIELDS, values())
    // Cleared optional fields are sent as null: a correction replaces the whole expense.
    for (const f of FIELDS) {
      const key = f.decimal?.scaledAs ?? f.name
      if (!(key in body) && !f.required) body[key] = null
    }
    setBusy(true)
    const version = typeof props.row.version === 'number' ? props.row.version : undefined
    try {
      if (props.mode === 'edit') await editDraft(props.row.id, body as EditDraftExpense, version)
      else await api.expenseLifecycle.correct(props.row.id, body as CorrectExpense)
      props.onDone()
    } catch (err) {
      // Field errors go under their inputs; the rest (409 expense_not_draft…) in the banner.
      if (err instanceof ApiError && err.errors.length > 0) {
        const { byField, rest } = fieldErrorsFor(FIELDS, err.fieldErrors)
        setErrors(byField)
        setRefusal(
          rest.length > 0 ? rest.join(' · ') : Object.keys(byField).length > 0 ? null : errorText(err),
        )
      } else setRefusal(errorText(err))
    } finally {
      setBusy(false)
    }
  }
  const title = () => t(props.mode === 'edit' ? 'expense.editTitle' : 'expense.correctTitle')
  return (
    <Modal titleId="expense-change-title" title={title()} onClose={props.onClose} testId="expense-change">
      <form onSubmit={submit} novalidate>
        <Show when={props.mode === 'correct'}>
          <p class="muted">{t('expense.correctIntro')}</p>
        </Show>
        <For each={FIELDS}>
          {(f) => (
            <FormField
              field={f}
              idPrefix="expense-change"
              value={values()[f.name] ?? ''}
              error={errors()[f.name]}
              onInput={(v) => setValues({ ...values(), [f.name]: v })}
            />
          )}
        </For>
        <Show when={refusal()}>
          <p role="alert" class="notice notice-error" data-testid="expense-change-error">
            {refusal()}
          </p>
        </Show>
        <div class="actions">
          <button type="submit" disabled={busy() || !online()}>
            {props.mode === 'edit' ? t('common.save') : t('expense.correct')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

/** Cancel (a draft or an approved, unpaid expense): asks first, with the reason kept on the record. */
export function CancelExpense(props: { row: Row; reload: () => void }): JSX.Element {
  const [asking, setAsking] = createSignal(false)
  const [reason, setReason] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const reasonId = () => `cancel-reason-${props.row.id}`
  const confirm = async () => {
    setError(null)
    try {
      await api.expenseLifecycle.cancel(props.row.id, reason().trim() || undefined)
      setAsking(false)
      props.reload()
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <>
      <Show
        when={asking()}
        fallback={
          <button
            type="button"
            class="small danger"
            data-testid="expense-cancel"
            disabled={!online()}
            aria-describedby={offlineDescribedBy(EXPENSE_OFFLINE_NOTE)}
            onClick={() => setAsking(true)}
          >
            {t('expense.cancel')}
          </button>
        }
      >
        <span class="confirm" data-testid="expense-cancel-confirm">
          <span>{t('expense.cancelQuestion')}</span>
          <label for={reasonId()}>{t('expense.cancelReason')}</label>
          <input
            id={reasonId()}
            type="text"
            value={reason()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <button type="button" class="danger" disabled={!online()} onClick={confirm}>
            {t('common.confirm')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </span>
      </Show>
      <Show when={error()}>
        <span role="alert">{error()}</span>
      </Show>
    </>
  )
}
