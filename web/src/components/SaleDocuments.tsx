// The building page's section for issue #16 items 6–8 (docs/bank-and-closing.md): import a
// supplier's e-invoice (UBL / Peppol BIS 3.0) as draft expenses, request and track a lot's état
// daté (Civil Code art. 3.94) with its legal deadline and PDF, download the PCN report. Every
// action is online only (nothing to queue: the server checks and generates).
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { errorText } from '../lib/error-text'
import { date, locale, money, t } from '../lib/i18n'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

type Lot = { id: string; unit_number: string }
type Lang = 'fr' | 'nl' | 'de' | 'en'

function save(file: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(file.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function SaleDocuments(props: { buildingId: string; lots: readonly Lot[] }): JSX.Element {
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = createSignal(false)
  const offlineId = () => `sale-${props.buildingId}-offline`
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setNotice(null)
    try {
      await action()
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  const lang = (): Lang => (['fr', 'nl', 'de', 'en'].includes(locale()) ? (locale() as Lang) : 'en')

  // E-invoice import.
  const [xml, setXml] = createSignal<File | null>(null)
  const importInvoice = () =>
    run(async () => {
      const f = xml()
      if (!f) return
      const r = await api.saleDocuments.importEInvoice(props.buildingId, f)
      setNotice({
        kind: 'success',
        text: t('sale.einvoiceDone', {
          count: r.expenses.length,
          supplier: r.supplier.name,
          number: r.invoice_number,
          total: money(r.kind === 'credit-note' ? -r.total_incl_vat_cents : r.total_incl_vat_cents),
        }),
      })
    })

  // État daté of a lot.
  const [lot, setLot] = createSignal<string>('')
  const [requestedBy, setRequestedBy] = createSignal('')
  const [reference, setReference] = createSignal('')
  const [basis, setBasis] = createSignal<'art_3_94_1' | 'art_3_94_2'>('art_3_94_1')
  const [requestLang, setRequestLang] = createSignal<Lang>(lang())
  const selectedLot = () => lot() || props.lots[0]?.id || ''
  const [requests, { refetch }] = createResource(selectedLot, (unit) =>
    unit ? api.saleDocuments.etatDates(unit).then((r) => r.data) : Promise.resolve([]),
  )
  const request = () =>
    run(async () => {
      await api.saleDocuments.requestEtatDate(selectedLot(), {
        requested_by: requestedBy(),
        notary_reference: reference() || null,
        basis: basis(),
        language: requestLang(),
      })
      setRequestedBy('')
      setReference('')
      await refetch()
    })
  const statusText = (r: { status: string; days_left: number }) =>
    r.status === 'pending'
      ? t('sale.status.pending', { days: r.days_left })
      : t(`sale.status.${r.status as 'overdue' | 'delivered' | 'delivered_late'}`)

  return (
    <section class="card" aria-labelledby="sale-documents-title">
      <h2 id="sale-documents-title">{t('sale.title')}</h2>
      <NeedsConnection id={offlineId()} />
      <Show when={notice()}>{(n) => <Notice kind={n().kind} message={n().text} />}</Show>
      <h3>{t('sale.einvoice')}</h3>
      <p class="muted">{t('sale.einvoiceHint')}</p>
      <label>
        {t('sale.einvoiceFile')}
        <input
          type="file"
          accept=".xml,application/xml,text/xml"
          data-testid="einvoice-file"
          onChange={(e) => setXml(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <button
        type="button"
        disabled={!xml() || busy() || !online()}
        aria-describedby={offlineDescribedBy(offlineId())}
        onClick={importInvoice}
      >
        {t('sale.einvoice')}
      </button>
      <h3>{t('sale.etatDate')}</h3>
      <Show when={props.lots.length > 0}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault()
            void request()
          }}
        >
          <label>
            {t('sale.lot')}
            <select
              value={selectedLot()}
              onChange={(e) => setLot(e.currentTarget.value)}
              data-testid="etat-date-lot"
            >
              <For each={props.lots}>{(l) => <option value={l.id}>{l.unit_number}</option>}</For>
            </select>
          </label>
          <label>
            {t('sale.requestedBy')}
            <input required value={requestedBy()} onInput={(e) => setRequestedBy(e.currentTarget.value)} />
          </label>
          <label>
            {t('sale.reference')}
            <input value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />
          </label>
          <label>
            {t('sale.basis')}
            <select
              value={basis()}
              onChange={(e) => setBasis(e.currentTarget.value as 'art_3_94_1' | 'art_3_94_2')}
            >
              <option value="art_3_94_1">{t('sale.basis.art_3_94_1')}</option>
              <option value="art_3_94_2">{t('sale.basis.art_3_94_2')}</option>
            </select>
          </label>
          <label>
            {t('sale.language')}
            <select value={requestLang()} onChange={(e) => setRequestLang(e.currentTarget.value as Lang)}>
              <For each={['fr', 'nl', 'de', 'en'] as const}>
                {(l) => <option value={l}>{l.toUpperCase()}</option>}
              </For>
            </select>
          </label>
          <button
            type="submit"
            disabled={busy() || !online() || !requestedBy().trim()}
            aria-describedby={offlineDescribedBy(offlineId())}
          >
            {t('sale.request')}
          </button>
        </form>
        <ul class="plain list" data-testid="etat-date-list">
          <For each={requests() ?? []} fallback={<li class="muted">{t('common.empty')}</li>}>
            {(r) => (
              <li class="line">
                <span>
                  {r.requested_by} · {date(r.request_date)} ·{' '}
                  {t('sale.deadline', { date: date(r.deadline_date) })}
                </span>
                <span class="muted">
                  {statusText(r)}
                  <Show when={r.figures}>
                    {(f) => <> · {t('sale.arrears', { amount: money(f().arrears_cents) })}</>}
                  </Show>
                  <Show when={r.document_id}>
                    {(doc) => (
                      <>
                        {' · '}
                        <button
                          type="button"
                          class="link"
                          disabled={!online()}
                          onClick={() => run(async () => save(await api.documents.download(doc())))}
                        >
                          {t('sale.pdf')}
                        </button>
                      </>
                    )}
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t('sale.pcn')}</h3>
      <button
        type="button"
        disabled={busy() || !online()}
        onClick={() => run(async () => save(await api.saleDocuments.pcnPdf(props.buildingId, lang())))}
      >
        {t('sale.pcnPdf')}
      </button>{' '}
      <button
        type="button"
        disabled={busy() || !online()}
        onClick={() => run(async () => save(await api.saleDocuments.pcnExcel(props.buildingId, lang())))}
      >
        {t('sale.pcnExcel')}
      </button>
    </section>
  )
}
