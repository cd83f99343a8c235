// Onboarding a building from a spreadsheet (issue #20 item 17): download the template in the UI
// language, export the register, choose a CSV/Excel file, check it (a dry run listing every error
// by sheet row and column), then import it — all or nothing. Online only, like document uploads.
import { createSignal, For, type JSX, Show } from 'solid-js'
import * as api from '../lib/api'
import { locale, t } from '../lib/i18n'
import type { RegisterImportReport } from '../lib/wire-types'
import { Notice } from './Notice'
import { NeedsConnection, offlineDescribedBy, online } from './OnlineOnly'

function save(file: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(file.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function RegisterImport(props: {
  buildingId: string
  buildingName: string
  onImported: () => void
}): JSX.Element {
  const [open, setOpen] = createSignal(false)
  const [file, setFile] = createSignal<File | null>(null)
  const [report, setReport] = createSignal<RegisterImportReport | null>(null)
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = createSignal(false)
  // The list is reloaded when the panel closes, not at once: reloading re-renders the row and
  // would take the success message away with this panel.
  const [imported, setImported] = createSignal(false)
  const toggle = () => {
    setOpen(!open())
    if (!open() && imported()) {
      setImported(false)
      props.onImported()
    }
  }
  const id = () => `register-${props.buildingId}`

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setNotice(null)
    try {
      await action()
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : t('common.error') })
    } finally {
      setBusy(false)
    }
  }
  const check = () =>
    run(async () => {
      const f = file()
      if (!f) return
      setReport(await api.register.importFile(props.buildingId, f, true))
    })
  const confirm = () =>
    run(async () => {
      const f = file()
      if (!f) return
      const done = await api.register.importFile(props.buildingId, f, false)
      setReport(null)
      setFile(null)
      setNotice({ kind: 'success', text: t('register.done', { lots: done.lots, links: done.links }) })
      setImported(true)
    })
  const download = (what: 'template' | 'export', format: 'csv' | 'xlsx') =>
    run(async () =>
      save(
        what === 'template'
          ? await api.register.template(format, locale())
          : await api.register.export(props.buildingId, format, locale()),
      ),
    )

  return (
    <>
      <button type="button" class="small" aria-expanded={open()} onClick={toggle}>
        {t('register.import')}
      </button>
      <Show when={open()}>
        <section class="register-import" aria-label={`${t('register.import')} — ${props.buildingName}`}>
          <p class="register-links">
            <span>{t('register.template')}:</span>
            <button type="button" class="link" onClick={() => download('template', 'xlsx')}>
              Excel
            </button>
            <button type="button" class="link" onClick={() => download('template', 'csv')}>
              CSV
            </button>
            <span>{t('register.export')}:</span>
            <button type="button" class="link" onClick={() => download('export', 'xlsx')}>
              Excel
            </button>
            <button type="button" class="link" onClick={() => download('export', 'csv')}>
              CSV
            </button>
          </p>
          <label for={`${id()}-file`}>{t('register.file')}</label>
          <input
            id={`${id()}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null)
              setReport(null)
              setNotice(null)
            }}
          />
          <button
            type="button"
            disabled={!file() || busy() || !online()}
            aria-describedby={offlineDescribedBy(`${id()}-offline`)}
            onClick={check}
          >
            {t('register.check')}
          </button>
          <NeedsConnection id={`${id()}-offline`} />
          <Show when={notice()}>{(n) => <Notice kind={n().kind} message={n().text} />}</Show>
          <Show when={report()}>
            {(r) => (
              <Show
                when={r().errors.length === 0}
                fallback={
                  <div class="register-errors" role="alert">
                    <p>{t('register.errors', { count: r().errors.length })}</p>
                    <div class="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t('register.row')}</th>
                            <th scope="col">{t('register.column')}</th>
                            <th scope="col">{t('register.problem')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={r().errors}>
                            {(e) => (
                              <tr>
                                <td>{e.row}</td>
                                <td>{e.column}</td>
                                <td>{e.message}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </div>
                  </div>
                }
              >
                <p class="register-summary">
                  {t('register.summary', {
                    lots: r().lots,
                    ownersNew: r().owners_new,
                    ownersMatched: r().owners_matched,
                    links: r().links,
                  })}
                </p>
                <button
                  type="button"
                  disabled={busy() || !online()}
                  aria-describedby={offlineDescribedBy(`${id()}-offline`)}
                  onClick={confirm}
                >
                  {t('register.confirm')}
                </button>
              </Show>
            )}
          </Show>
        </section>
      </Show>
    </>
  )
}
