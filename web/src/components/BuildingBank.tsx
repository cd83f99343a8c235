// The building page's reconciliation (issue #16, ADR 0038), for the syndic and the accountant:
// import a CODA or camt.053 file, the statements, the movements still to match with the server's
// suggestions (candidate owners and lines, or expenses, each with its reason), a match by hand
// and an unmatch. Online only: every match posts in the books, so nothing is queued offline.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, type MessageKey, money, t } from '../lib/i18n'
import { user } from '../lib/session'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

type Owner = { id: string; name: string }
type Flash = { kind: 'success' | 'error'; text: string } | null
type Movement = Awaited<ReturnType<typeof api.bank.movements>>['data'][number]

const OFFLINE_ID = 'bank-offline'

export function BuildingBank(props: { buildingId: string; owners: readonly Owner[] }): JSX.Element {
  const [notice, setNotice] = createSignal<Flash>(null)
  const [busy, setBusy] = createSignal(false)
  const [file, setFile] = createSignal<File | null>(null)
  const [statements, { refetch: refetchStatements }] = createResource(
    () => props.buildingId,
    (id) =>
      api.bank.statements(id).then(
        (r) => r.data,
        () => [],
      ),
  )
  const [movements, { refetch: refetchMovements }] = createResource(
    () => props.buildingId,
    (id) =>
      api.bank.movements(id).then(
        (r) => r.data,
        () => [] as Movement[],
      ),
  )
  const refresh = () => {
    refetchStatements()
    refetchMovements()
  }
  const unmatched = () => (movements() ?? []).filter((m) => m.status === 'unmatched')
  const matched = () => (movements() ?? []).filter((m) => m.status === 'matched')
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true)
    setNotice(null)
    try {
      const text = await action()
      if (text) setNotice({ kind: 'success', text })
      refresh()
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  const upload = () =>
    run(async () => {
      const f = file()
      if (!f) return null
      const r = await api.bank.importFile(props.buildingId, f)
      const created = r.statements.reduce((s, x) => s + x.movements_created, 0)
      const already = r.statements.reduce((s, x) => s + x.movements_already_imported, 0)
      const count = r.matched.communication + r.matched.iban + r.matched.manual + r.matched.expense
      return t('bank.imported', {
        statements: r.statements.length,
        created,
        already,
        matched: count,
        unmatched: r.unmatched,
      })
    })
  const disabled = () => busy() || !online()

  return (
    <Show when={['syndic', 'superadmin', 'accountant'].includes(user()?.role ?? '')}>
      <section class="card" aria-labelledby="building-bank-title" data-testid="building-bank">
        <h2 id="building-bank-title">{t('bank.title')}</h2>
        <p class="muted">{t('bank.intro')}</p>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault()
            void upload()
          }}
        >
          <label>
            {t('bank.file')}
            <input
              type="file"
              accept=".cod,.coda,.txt,.xml,.cod2"
              data-testid="bank-file"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <button
            type="submit"
            disabled={disabled() || !file()}
            aria-describedby={offlineDescribedBy(OFFLINE_ID)}
            data-testid="bank-import"
          >
            {t('bank.import')}
          </button>
        </form>
        <NeedsConnection id={OFFLINE_ID} message={t('bank.offline')} />
        <Show when={notice()}>{(n) => <Notice kind={n().kind} message={n().text} />}</Show>

        <h3>{t('bank.statements')}</h3>
        <Show when={(statements() ?? []).length > 0} fallback={<p class="muted">{t('bank.none')}</p>}>
          <ul data-testid="bank-statements">
            <For each={statements()}>
              {(s) => (
                <li class="bank-wrap">
                  {t('bank.statement', {
                    number: s.statement_number,
                    account: s.iban,
                    from: date(s.old_balance_date),
                    to: date(s.new_balance_date),
                    old: money(s.old_balance_cents),
                    new: money(s.new_balance_cents),
                  })}
                  <Show when={s.free_communication}>
                    {(text) => (
                      <p class="muted" data-testid="bank-free-communication">
                        {t('bank.freeCommunication')}: {text()}
                      </p>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>

        <h3>{t('bank.unmatched')}</h3>
        <Show when={unmatched().length > 0} fallback={<p class="muted">{t('bank.allMatched')}</p>}>
          <ul class="plain" data-testid="bank-unmatched">
            <For each={unmatched()}>
              {(m) => (
                <UnmatchedMovement movement={m} owners={props.owners} disabled={disabled()} run={run} />
              )}
            </For>
          </ul>
        </Show>

        <h3>{t('bank.matchedList')}</h3>
        <ul class="plain" data-testid="bank-matched">
          <For each={matched()}>
            {(m) => (
              <li class="bank-wrap" data-testid="bank-matched-movement">
                {movementLine(m, props.owners)} — {t('bank.matched')} (
                {t(`bank.kind.${m.match?.kind ?? 'manual'}` as MessageKey)}){' '}
                <Show when={m.match?.payment_id}>
                  <button
                    type="button"
                    class="secondary"
                    disabled={disabled()}
                    aria-describedby={offlineDescribedBy(OFFLINE_ID)}
                    onClick={() =>
                      run(async () => {
                        await api.bank.unmatch(m.id)
                        return null
                      })
                    }
                  >
                    {t('bank.unmatch')}
                  </button>
                </Show>
                <MovementFacts movement={m} />
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  )
}

function movementLine(m: Movement, owners: readonly Owner[]): string {
  const owner = owners.find((o) => o.id === m.match?.owner_id)?.name
  return t('bank.movement', {
    date: date(m.booking_date),
    amount: money(m.amount_cents),
    who: owner ?? m.counterparty_name ?? t('bank.unknownPayer'),
  })
}

/**
 * What the bank says about the other party and the transfer (CODA 2.3 and information records
 * 3.x, camt.053 related parties): the syndic reads it to recognise a payer the matching missed.
 */
function MovementFacts(props: { movement: Movement }): JSX.Element {
  const m = () => props.movement
  return (
    <Show when={m().counterparty_name || m().counterparty_address || m().information}>
      <dl class="facts bank-facts" data-testid="bank-movement-facts">
        <Show when={m().counterparty_name || m().counterparty_address}>
          <dt>{t('bank.counterparty')}</dt>
          <dd>{[m().counterparty_name, m().counterparty_address].filter(Boolean).join(', ')}</dd>
        </Show>
        <Show when={m().information}>
          {(text) => (
            <>
              <dt>{t('bank.information')}</dt>
              <dd>{text()}</dd>
            </>
          )}
        </Show>
      </dl>
    </Show>
  )
}

function UnmatchedMovement(props: {
  movement: Movement
  owners: readonly Owner[]
  disabled: boolean
  run: (action: () => Promise<string | null>) => Promise<void>
}): JSX.Element {
  const [detail] = createResource(
    () => props.movement.id,
    (id) => api.bank.movement(id).catch(() => null),
  )
  const [owner, setOwner] = createSignal('')
  const selectId = () => `bank-owner-${props.movement.id}`
  return (
    <li class="bank-wrap" data-testid="bank-movement">
      <strong>{movementLine(props.movement, props.owners)}</strong>
      <Show when={props.movement.communication ?? props.movement.free_text}>
        {(text) => <span class="muted"> · {text()}</span>}
      </Show>
      <MovementFacts movement={props.movement} />
      <div>
        {t('bank.suggestions')}:{' '}
        <Show
          when={(detail()?.suggestions ?? []).length > 0}
          fallback={<span class="muted">{t('bank.noSuggestion')}</span>}
        >
          <ul>
            <For each={detail()?.suggestions}>
              {(s) => (
                <li>
                  {s.owner_name ?? s.label} · {money(s.amount_cents)} ·{' '}
                  <span class="muted">{t(`bank.reason.${s.reason}` as MessageKey)}</span>{' '}
                  <button
                    type="button"
                    disabled={props.disabled}
                    aria-describedby={offlineDescribedBy(OFFLINE_ID)}
                    data-testid="bank-accept-suggestion"
                    onClick={() =>
                      props.run(async () => {
                        await api.bank.match(
                          props.movement.id,
                          s.expense_id
                            ? { expense_id: s.expense_id }
                            : { owner_id: s.owner_id ?? undefined, line_ids: [...s.line_ids] },
                        )
                        return t('bank.matched')
                      })
                    }
                  >
                    {t('bank.match')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
      <Show when={props.movement.amount_cents > 0}>
        <label for={selectId()}>{t('bank.matchOwner')}</label>{' '}
        <select id={selectId()} value={owner()} onChange={(e) => setOwner(e.currentTarget.value)}>
          <option value="" />
          <For each={props.owners}>{(o) => <option value={o.id}>{o.name}</option>}</For>
        </select>{' '}
        <button
          type="button"
          disabled={props.disabled || !owner()}
          aria-describedby={offlineDescribedBy(OFFLINE_ID)}
          data-testid="bank-match-owner"
          onClick={() =>
            props.run(async () => {
              await api.bank.match(props.movement.id, { owner_id: owner() })
              return t('bank.matched')
            })
          }
        >
          {t('bank.match')}
        </button>
      </Show>
    </li>
  )
}
