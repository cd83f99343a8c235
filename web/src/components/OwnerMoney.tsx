// The owner portal's money part (issue #15 item 7), phone first: the balance, each line still to
// pay with the IBAN, the structured communication and the EPC QR code rendered from the same
// payload the letter carries (so scanning either pays the same transfer), and each closed year's
// regularisation that the balance includes.
import QRCode from 'qrcode'
import { createResource, For, type JSX, type Resource, Show } from 'solid-js'
import * as api from '../lib/api'
import { dueLineLabel } from '../lib/call-label'
import { date, money, t } from '../lib/i18n'
import { dataRevision } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import { AccountHistory, AccountTotals } from './AccountHistory'

/** A PNG data URL of the payload, error correction M as EPC069-12 requires. */
function QrImage(props: { payload: string; label: string }): JSX.Element {
  const [src] = createResource(
    () => props.payload,
    (payload) => QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, width: 220 }),
  )
  // The image's box is there before the code is drawn: nothing under it moves when it arrives.
  return (
    <Show when={value(src)} fallback={<span class="epc-qr epc-qr-pending" aria-hidden="true" />}>
      {(url) => (
        <img class="epc-qr" src={url()} alt={props.label} width="220" height="220" data-testid="epc-qr" />
      )}
    </Show>
  )
}

/** Opens the call's letter (PDF) in a new tab: the same IBAN, amount and QR code as above. */
async function openLetter(documentId: string) {
  const { blob } = await api.documents.download(documentId)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.target = '_blank'
  a.rel = 'noopener'
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

type Account = Awaited<ReturnType<typeof api.owners.account>>['data']

/** The owner's account once `when` (the owner is known), re-read when cached data changes. Made by the portal, which shows its
 * sections together once each has its first answer (no section pushes another down). */
export function createOwnerAccount(when: () => boolean): Resource<Account> {
  const [account] = createResource(
    () => (when() ? { revision: dataRevision() } : undefined),
    async () => (await api.owners.account()).data,
  )
  return account
}

export default function OwnerMoney(props: { account: Resource<Account> }): JSX.Element {
  const account = () => props.account
  return (
    <section class="card" aria-labelledby="money-title" data-testid="owner-money">
      <h2 id="money-title">{t('money.title')}</h2>
      <Show when={value(account())} fallback={<p>{t('money.none')}</p>}>
        {(a) => (
          <Show when={a().buildings.length > 0} fallback={<p>{t('money.none')}</p>}>
            <For each={a().buildings}>
              {(b) => (
                <div class="money-building">
                  <p data-testid="money-balance">
                    {t('money.balance')}: <strong>{money(b.balance_cents)}</strong>{' '}
                    {b.balance_cents > 0
                      ? t('money.owed')
                      : b.balance_cents < 0
                        ? t('money.credit')
                        : t('money.settled')}
                  </p>
                  <AccountTotals account={b} />
                  <h3>{t('money.dueLines')}</h3>
                  <ul class="due-lines">
                    {/* Every line still to pay whatever the history's length (ADR 0048); a copy
                        cached before the API paged the account has no open_lines: its lines then. */}
                    <For each={b.open_lines ?? b.lines.filter((l) => l.outstanding_cents > 0)}>
                      {(l) => (
                        <li data-testid="due-line">
                          <p>
                            <strong>{dueLineLabel(b, l)}</strong> — {money(l.outstanding_cents)} ·{' '}
                            {t('money.due', { date: date(l.due_date) })}
                            <Show when={l.overdue}> · {t('money.overdue')}</Show>
                          </p>
                          <dl>
                            <dt>{t('money.beneficiary')}</dt>
                            <dd>{l.holder_name}</dd>
                            <dt>{t('money.iban')}</dt>
                            <dd data-testid="due-iban">{l.iban_display}</dd>
                            <dt>{t('money.communication')}</dt>
                            <dd data-testid="due-communication">{l.communication}</dd>
                          </dl>
                          <Show when={l.document_id}>
                            {(doc) => (
                              <button
                                type="button"
                                data-testid="due-letter"
                                onClick={() => void openLetter(doc())}
                              >
                                {t('callsUi.letter')}
                              </button>
                            )}
                          </Show>
                          <Show when={l.epc_payload}>
                            {(payload) => (
                              <>
                                <QrImage
                                  payload={payload()}
                                  label={t('money.qr', {
                                    amount: money(l.outstanding_cents),
                                    communication: l.communication,
                                  })}
                                />
                                <p class="hint">{t('money.qrHint')}</p>
                              </>
                            )}
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  {/* A closed year's regularisation (ADR 0040) is on the owner's 410 and in the
                      balance above: listed so the balance adds up from what the owner sees. */}
                  <Show when={(b.regularisations ?? []).length > 0}>
                    <h3>{t('money.regularisations')}</h3>
                    <p class="hint">{t('money.regularisationHint')}</p>
                    <ul class="regularisations">
                      <For each={b.regularisations ?? []}>
                        {(r) => (
                          <li data-testid="regularisation-line">
                            <p>
                              {r.amount_cents >= 0
                                ? t('money.regularisationToPay', {
                                    year: String(r.fiscal_year),
                                    amount: money(r.amount_cents),
                                  })
                                : t('money.regularisationRefund', {
                                    year: String(r.fiscal_year),
                                    amount: money(-r.amount_cents),
                                  })}
                              <Show when={r.outstanding_cents > 0}>
                                {' '}
                                · {t('money.due', { date: date(r.due_date) })}
                                <Show when={r.overdue}> · {t('money.overdue')}</Show>
                              </Show>
                            </p>
                            <Show when={r.document_id}>
                              {(doc) => (
                                <button
                                  type="button"
                                  data-testid="regularisation-statement"
                                  onClick={() => void openLetter(doc())}
                                >
                                  {t('money.statement')}
                                </button>
                              )}
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <Show when={(b.pagination?.open_lines_total ?? 0) > (b.open_lines?.length ?? 0)}>
                    <p class="hint">
                      {t('money.moreOpen', {
                        count: String((b.pagination?.open_lines_total ?? 0) - (b.open_lines?.length ?? 0)),
                      })}
                    </p>
                  </Show>
                  <AccountHistory
                    account={b}
                    loadPage={async (page) =>
                      (await api.owners.account(page)).data.buildings.find(
                        (x) => x.building_id === b.building_id,
                      )
                    }
                  />
                </div>
              )}
            </For>
          </Show>
        )}
      </Show>
    </section>
  )
}
