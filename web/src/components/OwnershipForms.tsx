// The four writes on a lot's owners — add a link, end one, record a sale, designate who votes /
// receives the calls — each a small form: focus goes to its first field when it opens, Esc closes
// it (the dialog routes Esc to the open form first), and the API's refusals show next to the fields.
// They are online-only (see OwnersDialog): the outbox cannot check shares against the history.
import { type Accessor, createMemo, createSignal, For, Index, type JSX, onMount, Show } from 'solid-js'
import * as api from '../lib/api'
import { NetworkError } from '../lib/api-error'
import { date, locale, type MessageKey, t, tEnum } from '../lib/i18n'
import type { Option } from '../lib/lookups'
import { type FormFailure, holdingOn, RIGHTS, toFormFailure } from '../lib/ownership'
import {
  allocate,
  type ParsedShare,
  parseShare,
  ppmToDecimal,
  remainingFor,
  type ShareResult,
  snapToRemaining,
} from '../lib/share'
import type { RightType, UnitOwnership } from '../lib/wire-types'
import { Notice } from './Notice'

const KNOWN_CODES = ['ownership_share_exceeded', 'owner_already_linked'] as const
const translateCode = (code: string, day: string | undefined) =>
  (KNOWN_CODES as readonly string[]).includes(code)
    ? t(`own.err.${code}` as MessageKey, { date: day ? date(day) : '' })
    : undefined

/**
 * Busy flag, failure and Idempotency-Key of one form. The key is kept only to re-send the same
 * body after a network failure (the first attempt may have been recorded); any answer ends it.
 */
function createSubmitter(onStale: () => void) {
  const [busy, setBusy] = createSignal(false)
  const [failure, setFailure] = createSignal<FormFailure | null>(null)
  let pending: { body: string; key: string } | null = null
  const keyFor = (body: unknown) => {
    const text = JSON.stringify(body)
    if (pending?.body !== text) pending = { body: text, key: api.newIdempotencyKey() }
    return pending.key
  }
  const run = async (
    fn: () => Promise<unknown>,
    codeField: Record<string, string>,
    onDone: () => void,
  ): Promise<void> => {
    if (busy()) return
    setBusy(true)
    setFailure(null)
    try {
      await fn()
      pending = null
      onDone()
    } catch (e) {
      if (!(e instanceof NetworkError)) pending = null
      const f = toFormFailure(e, translateCode, codeField, t('common.error'))
      if (f.stale) {
        f.message = t('own.err.stale')
        onStale()
      }
      if (e instanceof NetworkError) f.message = t('own.offline')
      setFailure(f)
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, run, keyFor, fieldError: (path: string) => failure()?.fields[path] }
}

function FieldError(props: { id: string; message?: string | undefined }): JSX.Element {
  return (
    <Show when={props.message}>
      <p class="field-error" id={props.id}>
        {props.message}
      </p>
    </Show>
  )
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

function shareMessage(r: ShareResult): string {
  return r.ok ? '' : t(`own.shareError.${r.error}` as MessageKey)
}

/** A share typed as 1/3, 0,5, 0.5 or 50 %, with what will be sent (and whether it is rounded). */
function ShareField(props: {
  id: string
  value: string
  onInput: (v: string) => void
  /** What will be sent, once valid (after allocation / completion of the lot). */
  sentPpm: number | null
  error?: string | undefined
  ref?: (el: HTMLInputElement) => void
}): JSX.Element {
  const parsed = () => parseShare(props.value, locale())
  const hintId = () => `${props.id}-hint`
  const errorId = () => `${props.id}-error`
  const ownError = () => (props.value.trim() && !parsed().ok ? shareMessage(parsed()) : undefined)
  const error = () => props.error ?? ownError()
  return (
    <div class="field">
      <label for={props.id}>
        {t('own.share')}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        id={props.id}
        ref={props.ref}
        inputmode="decimal"
        autocomplete="off"
        required
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={error() ? true : undefined}
        aria-describedby={describedBy(hintId(), Boolean(error()) && errorId())}
      />
      <p class="muted hint" id={hintId()}>
        {t('own.shareHint')}{' '}
        <Show when={parsed().ok && props.sentPpm !== null ? (props.sentPpm as number) : null}>
          {(ppm) => {
            const p = parsed()
            const exact = p.ok && p.value.exact && p.value.ppm === ppm()
            return (
              <span data-testid="share-sent">
                {exact
                  ? t('own.sentAs', { decimal: ppmToDecimal(ppm()) })
                  : t('own.rounded', { decimal: ppmToDecimal(ppm()), input: props.value.trim() })}
              </span>
            )
          }}
        </Show>
      </p>
      <FieldError id={errorId()} message={error()} />
    </div>
  )
}

function Select(props: {
  id: string
  label: string
  value: string
  options: Option[]
  onChange: (v: string) => void
  required?: boolean
  emptyLabel?: string
  error?: string | undefined
  ref?: (el: HTMLSelectElement) => void
}): JSX.Element {
  const errorId = () => `${props.id}-error`
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        <Show when={props.required}>
          <span aria-hidden="true"> *</span>
        </Show>
      </label>
      <select
        id={props.id}
        ref={props.ref}
        required={props.required}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId() : undefined}
      >
        <option value="">{props.emptyLabel ?? '—'}</option>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
      <FieldError id={errorId()} message={props.error} />
    </div>
  )
}

function DateInput(props: {
  id: string
  label: string
  value: string
  onInput: (v: string) => void
  error?: string | undefined
  ref?: (el: HTMLInputElement) => void
}): JSX.Element {
  const errorId = () => `${props.id}-error`
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        <span aria-hidden="true"> *</span>
      </label>
      <input
        id={props.id}
        ref={props.ref}
        type="date"
        required
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId() : undefined}
      />
      <FieldError id={errorId()} message={props.error} />
    </div>
  )
}

const rightOptions = (): Option[] => RIGHTS.map((r) => ({ value: r, label: tEnum('right_type', r) }))

function Actions(props: { busy: boolean; submitLabel: string; onCancel: () => void }): JSX.Element {
  return (
    <div class="actions">
      {/* aria-disabled, not disabled: a disabled button drops the focus out of the dialog. */}
      <button type="submit" aria-disabled={props.busy ? 'true' : undefined}>
        {props.submitLabel}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        {t('common.cancel')}
      </button>
    </div>
  )
}

export interface FormProps {
  unitId: string
  /** Every link of the lot, history included (to find who holds it on a date). */
  history: Accessor<UnitOwnership[]>
  owners: Accessor<Option[]>
  ownerName: (id: string) => string
  /** The date the dialog shows: the default of the form's dates. */
  viewDate: string
  onDone: () => void
  onCancel: () => void
  onStale: () => void
}

const required = (v: string) => (v.trim() ? undefined : t('common.required'))

export function AddOwnerForm(props: FormProps): JSX.Element {
  const [ownerId, setOwnerId] = createSignal('')
  const [share, setShare] = createSignal('')
  const [right, setRight] = createSignal<RightType>('full')
  const [start, setStart] = createSignal(props.viewDate)
  const [primary, setPrimary] = createSignal(false)
  const [local, setLocal] = createSignal<Record<string, string | undefined>>({})
  const s = createSubmitter(props.onStale)
  let first: HTMLSelectElement | undefined
  onMount(() => first?.focus())
  const sentPpm = createMemo(() => {
    const p = parseShare(share(), locale())
    if (!p.ok) return null
    const holding = holdingOn(props.history(), start() || props.viewDate).map((l) => ({
      share_ppm: l.share_ppm,
      right_type: l.right_type,
    }))
    return snapToRemaining(p.value, remainingFor(right(), holding))
  })
  const err = (f: string) => local()[f] ?? s.fieldError(f)
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const p = parseShare(share(), locale())
    const found = {
      owner_id: required(ownerId()),
      ownership_share: p.ok ? undefined : shareMessage(p),
      start_date: required(start()),
    }
    setLocal(found)
    const ppm = sentPpm()
    if (Object.values(found).some(Boolean) || ppm === null) return
    const body = {
      owner_id: ownerId(),
      ownership_share: ppmToDecimal(ppm),
      right_type: right(),
      is_primary_contact: primary(),
      start_date: start(),
    }
    void s.run(
      () => api.units.addOwner(props.unitId, body, { idempotencyKey: s.keyFor(body) }),
      { ownership_share_exceeded: 'ownership_share', owner_already_linked: 'owner_id' },
      props.onDone,
    )
  }
  return (
    <form class="card form" aria-label={t('own.add')} novalidate onSubmit={submit} data-testid="own-add-form">
      <h3>{t('own.add')}</h3>
      <Notice kind="error" message={s.failure()?.message} />
      <Select
        id="own-add-owner"
        label={t('own.owner')}
        required
        value={ownerId()}
        options={props.owners()}
        onChange={setOwnerId}
        error={err('owner_id')}
        ref={(el) => {
          first = el
        }}
      />
      <ShareField
        id="own-add-share"
        value={share()}
        onInput={setShare}
        sentPpm={sentPpm()}
        error={err('ownership_share')}
      />
      <Select
        id="own-add-right"
        label={t('own.right')}
        required
        value={right()}
        options={rightOptions()}
        onChange={(v) => setRight((v || 'full') as RightType)}
        error={err('right_type')}
      />
      <DateInput
        id="own-add-start"
        label={t('own.startDate')}
        value={start()}
        onInput={setStart}
        error={err('start_date')}
      />
      <div class="field checkbox">
        <input
          id="own-add-primary"
          type="checkbox"
          checked={primary()}
          onChange={(e) => setPrimary(e.currentTarget.checked)}
        />
        <label for="own-add-primary">{t('own.primary')}</label>
      </div>
      <Actions busy={s.busy()} submitLabel={t('common.save')} onCancel={props.onCancel} />
    </form>
  )
}

export function EndLinkForm(props: FormProps & { ownerId: string }): JSX.Element {
  const [end, setEnd] = createSignal(props.viewDate)
  const [local, setLocal] = createSignal<string | undefined>()
  const s = createSubmitter(props.onStale)
  let first: HTMLInputElement | undefined
  onMount(() => first?.focus())
  const title = () => t('own.endOf', { owner: props.ownerName(props.ownerId) })
  return (
    <form
      class="card form"
      aria-label={title()}
      novalidate
      data-testid="own-end-form"
      onSubmit={(e) => {
        e.preventDefault()
        setLocal(required(end()))
        if (!end()) return
        void s.run(() => api.units.removeOwner(props.unitId, props.ownerId, end()), {}, props.onDone)
      }}
    >
      <h3>{title()}</h3>
      <Notice kind="error" message={s.failure()?.message} />
      <DateInput
        id="own-end-date"
        label={t('own.endDate')}
        value={end()}
        onInput={setEnd}
        error={local() ?? s.fieldError('end_date')}
        ref={(el) => {
          first = el
        }}
      />
      <Actions busy={s.busy()} submitLabel={t('own.end')} onCancel={props.onCancel} />
    </form>
  )
}

interface BuyerRow {
  owner_id: string
  share: string
  right: RightType
  primary: boolean
}
const newBuyer = (): BuyerRow => ({ owner_id: '', share: '', right: 'full', primary: false })

export function TransferForm(props: FormProps & { unitVersion: () => number | undefined }): JSX.Element {
  const [deed, setDeed] = createSignal('')
  const [unticked, setUnticked] = createSignal<ReadonlySet<string>>(new Set())
  const [buyers, setBuyers] = createSignal<BuyerRow[]>([newBuyer()])
  const [local, setLocal] = createSignal<Record<string, string | undefined>>({})
  const s = createSubmitter(props.onStale)
  let first: HTMLInputElement | undefined
  onMount(() => first?.focus())
  // Who can sell: the owners holding the lot on the deed date (the view date until one is typed).
  const holders = createMemo(() => [
    ...new Set(holdingOn(props.history(), deed() || props.viewDate).map((l) => l.owner_id)),
  ])
  const sellers = () => holders().filter((id) => !unticked().has(id))
  const setBuyer = (i: number, patch: Partial<BuyerRow>) =>
    setBuyers((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  // Shares of one right are rounded together, so 1/3 + 2/3 (or three thirds) make exactly one lot.
  const allocation = createMemo(() => {
    const rows = buyers()
    const parsed = rows.map((b) => parseShare(b.share, locale()))
    const out: (number | null)[] = rows.map(() => null)
    for (const right of RIGHTS) {
      const idx = rows.flatMap((b, i) => (b.right === right && parsed[i]?.ok ? [i] : []))
      const values = idx.map((i) => (parsed[i] as { ok: true; value: ParsedShare }).value)
      allocate(values).forEach((ppm, k) => {
        out[idx[k] as number] = ppm
      })
    }
    return out
  })
  const err = (f: string) => local()[f] ?? s.fieldError(f)
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const found: Record<string, string | undefined> = { deed_date: required(deed()) }
    if (sellers().length === 0) found.sellers = t('common.required')
    buyers().forEach((b, i) => {
      found[`buyers.${i}.owner_id`] = required(b.owner_id)
      const p = parseShare(b.share, locale())
      found[`buyers.${i}.ownership_share`] = p.ok ? undefined : shareMessage(p)
    })
    setLocal(found)
    if (Object.values(found).some(Boolean)) return
    const ppm = allocation()
    const body = {
      deed_date: deed(),
      sellers: sellers(),
      buyers: buyers().map((b, i) => ({
        owner_id: b.owner_id,
        ownership_share: ppmToDecimal(ppm[i] as number),
        right_type: b.right,
        is_primary_contact: b.primary,
      })),
      version: props.unitVersion(),
    }
    void s.run(
      () => api.units.transfer(props.unitId, body, { idempotencyKey: s.keyFor(body) }),
      { ownership_share_exceeded: 'buyers.0.ownership_share', owner_already_linked: 'buyers.0.owner_id' },
      props.onDone,
    )
  }
  return (
    <form
      class="card form"
      aria-label={t('own.transfer')}
      novalidate
      onSubmit={submit}
      data-testid="own-transfer-form"
    >
      <h3>{t('own.transfer')}</h3>
      <Notice kind="error" message={s.failure()?.message} />
      <DateInput
        id="own-transfer-deed"
        label={t('own.deedDate')}
        value={deed()}
        onInput={setDeed}
        error={err('deed_date')}
        ref={(el) => {
          first = el
        }}
      />
      <fieldset aria-describedby="own-transfer-sellers-hint">
        <legend>{t('own.sellers')}</legend>
        <p class="muted hint" id="own-transfer-sellers-hint">
          {t('own.sellersHint')}
        </p>
        <Show when={holders().length > 0} fallback={<p class="muted">{t('own.noSellers')}</p>}>
          <For each={holders()}>
            {(id) => (
              <div class="field checkbox">
                <input
                  id={`own-seller-${id}`}
                  type="checkbox"
                  checked={!unticked().has(id)}
                  onChange={(e) => {
                    const next = new Set(unticked())
                    if (e.currentTarget.checked) next.delete(id)
                    else next.add(id)
                    setUnticked(next)
                  }}
                />
                <label for={`own-seller-${id}`}>{props.ownerName(id)}</label>
              </div>
            )}
          </For>
        </Show>
        <FieldError id="own-transfer-sellers-error" message={err('sellers') ?? err('sellers.0')} />
      </fieldset>
      <Index each={buyers()}>
        {(b, i) => (
          <fieldset data-testid={`own-buyer-${i}`}>
            <legend>{t('own.buyer', { n: i + 1 })}</legend>
            <Select
              id={`own-buyer-${i}-owner`}
              label={t('own.owner')}
              required
              value={b().owner_id}
              options={props.owners()}
              onChange={(v) => setBuyer(i, { owner_id: v })}
              error={err(`buyers.${i}.owner_id`)}
            />
            <ShareField
              id={`own-buyer-${i}-share`}
              value={b().share}
              onInput={(v) => setBuyer(i, { share: v })}
              sentPpm={allocation()[i] ?? null}
              error={err(`buyers.${i}.ownership_share`)}
            />
            <Select
              id={`own-buyer-${i}-right`}
              label={t('own.right')}
              required
              value={b().right}
              options={rightOptions()}
              onChange={(v) => setBuyer(i, { right: (v || 'full') as RightType })}
              error={err(`buyers.${i}.right_type`)}
            />
            <div class="field checkbox">
              <input
                id={`own-buyer-${i}-primary`}
                type="checkbox"
                checked={b().primary}
                onChange={(e) => {
                  const on = e.currentTarget.checked
                  // One primary contact at most: ticking one unticks the others.
                  setBuyers((bs) =>
                    bs.map((x, j) => ({ ...x, primary: j === i ? on : on ? false : x.primary })),
                  )
                }}
              />
              <label for={`own-buyer-${i}-primary`}>{t('own.primary')}</label>
            </div>
            <Show when={buyers().length > 1}>
              <button
                type="button"
                class="small"
                onClick={() => setBuyers((bs) => bs.filter((_, j) => j !== i))}
              >
                {t('own.removeBuyer', { n: i + 1 })}
              </button>
            </Show>
          </fieldset>
        )}
      </Index>
      <FieldError id="own-transfer-buyers-error" message={err('buyers')} />
      <button type="button" class="small" onClick={() => setBuyers((bs) => [...bs, newBuyer()])}>
        {t('own.addBuyer')}
      </button>
      <Actions busy={s.busy()} submitLabel={t('own.transfer')} onCancel={props.onCancel} />
    </form>
  )
}

export function RepresentativesForm(props: FormProps): JSX.Element {
  const [start, setStart] = createSignal(props.viewDate)
  const [voter, setVoter] = createSignal('')
  const [calls, setCalls] = createSignal('')
  const [local, setLocal] = createSignal<string | undefined>()
  const s = createSubmitter(props.onStale)
  let first: HTMLInputElement | undefined
  onMount(() => first?.focus())
  // The designee must hold a right on the start date: offer those owners only.
  const holders = createMemo(() =>
    [...new Set(holdingOn(props.history(), start() || props.viewDate).map((l) => l.owner_id))].map((id) => ({
      value: id,
      label: props.ownerName(id),
    })),
  )
  return (
    <form
      class="card form"
      aria-label={t('own.representatives')}
      novalidate
      data-testid="own-rep-form"
      onSubmit={(e) => {
        e.preventDefault()
        setLocal(required(start()))
        if (!start()) return
        void s.run(
          () =>
            api.units.setRepresentatives(props.unitId, {
              start_date: start(),
              voter_owner_id: voter() || null,
              calls_owner_id: calls() || null,
            }),
          {},
          props.onDone,
        )
      }}
    >
      <h3>{t('own.representatives')}</h3>
      <Notice kind="error" message={s.failure()?.message} />
      <DateInput
        id="own-rep-start"
        label={t('own.repFrom')}
        value={start()}
        onInput={setStart}
        error={local() ?? s.fieldError('start_date')}
        ref={(el) => {
          first = el
        }}
      />
      <Select
        id="own-rep-voter"
        label={t('own.voter')}
        value={voter()}
        options={holders()}
        onChange={setVoter}
        emptyLabel={t('own.default')}
        error={s.fieldError('voter_owner_id')}
      />
      <Select
        id="own-rep-calls"
        label={t('own.callsOwner')}
        value={calls()}
        options={holders()}
        onChange={setCalls}
        emptyLabel={t('own.default')}
        error={s.fieldError('calls_owner_id')}
      />
      <Actions busy={s.busy()} submitLabel={t('common.save')} onCancel={props.onCancel} />
    </form>
  )
}
