// Documents: list (paginated, filter by building), upload (multipart, online only: files are
// not queued offline), download, delete with confirmation.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { ConfirmButton } from '../components/ConfirmButton'
import { FormField } from '../components/FormField'
import { Notice } from '../components/Notice'
import { Pagination } from '../components/Pagination'
import * as api from '../lib/api'
import { ApiError } from '../lib/api-error'
import { downloadCsv, fetchAllPages } from '../lib/csv'
import { errorText } from '../lib/error-text'
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_TEXT, isAcceptedFileName } from '../lib/file-types'
import { date, locale, num, t, tEnum } from '../lib/i18n'
import { enumOptions, useBuildingOptions } from '../lib/lookups'
import { dataRevision, syncStatus } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import { canWrite } from '../lib/roles'
import { user } from '../lib/session'
import { DOCUMENT_TYPES, type DocumentMeta, type DocumentType } from '../lib/wire-types'
import { buildingCell } from './resource-configs'

const MAX_BYTES = 50 * 1024 * 1024

export default function DocumentsPage(props: { heading?: 'h1' | 'h2' }): JSX.Element {
  const buildings = useBuildingOptions()
  const [page, setPage] = createSignal(1)
  const [buildingFilter, setBuildingFilter] = createSignal('')
  const [reloads, setReloads] = createSignal(0)
  const [list] = createResource(
    () => ({ page: page(), b: buildingFilter(), n: reloads(), rev: dataRevision() }),
    ({ page, b }) =>
      api.documents.list({
        page,
        per_page: 20,
        sort_by: 'created_at',
        order: 'desc',
        filters: { building_id: b || undefined },
      }),
  )
  const writable = () => canWrite(user()?.role ?? 'owner', 'documents')

  const [values, setValues] = createSignal<Record<string, string>>({})
  const [file, setFile] = createSignal<File | null>(null)
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null)
  // Share of the upload's bytes sent (0..1) while it runs, null otherwise: the progress bar.
  const [sent, setSent] = createSignal<number | null>(null)

  // CSV of every document of the current filter, like every other list (lib/csv.ts): all pages,
  // 100 at a time, progress on the button; names and labels as the screen shows them.
  const [exporting, setExporting] = createSignal<string | null>(null)
  const exportCsv = async () => {
    setExporting(t('csv.exporting', { page: 1, pages: 1 }))
    try {
      const docs = await fetchAllPages(
        async (n) => {
          const got = (
            await api.documents.list({
              page: n,
              per_page: 100,
              sort_by: 'created_at',
              order: 'desc',
              filters: { building_id: buildingFilter() || undefined },
            })
          ).data
          return { items: got.data, totalPages: got.pagination.total_pages }
        },
        (n, pages) => setExporting(t('csv.exporting', { page: n, pages })),
      )
      const buildingName = new Map(buildings().map((b) => [b.value, b.label]))
      const rows = docs.map((d) => ({
        title: d.title,
        document_type: tEnum('document_type', d.document_type),
        building: buildingName.get(d.building_id) ?? d.building_id,
        original_filename: d.original_filename,
        file_size: d.file_size,
        created_at: d.created_at.slice(0, 10),
      }))
      const columns = [
        { key: 'title', label: t('field.title') },
        { key: 'document_type', label: t('field.document_type') },
        { key: 'building', label: t('field.building_id') },
        { key: 'original_filename', label: t('field.file') },
        { key: 'file_size', label: t('field.file_size') },
        { key: 'created_at', label: t('field.expense_date') },
      ]
      downloadCsv('documents', columns, rows, locale())
      setNotice({ kind: 'success', text: t('csv.done', { count: rows.length }) })
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
    } finally {
      setExporting(null)
    }
  }

  const upload = async (e: SubmitEvent) => {
    e.preventDefault()
    const v = values()
    const errs: Record<string, string> = {}
    for (const k of ['building_id', 'document_type', 'title'])
      if (!v[k]?.trim()) errs[k] = t('common.required')
    const f = file()
    if (!f) errs.file = t('common.required')
    else if (!isAcceptedFileName(f.name))
      errs.file = t('document.typeRefused', { types: ACCEPTED_TYPES_TEXT })
    else if (f.size > MAX_BYTES) errs.file = t('document.tooLarge')
    setErrors(errs)
    if (Object.keys(errs).length || !f) return
    setSent(0)
    try {
      await api.documents.upload(
        {
          file: f,
          file_name: f.name,
          building_id: v.building_id ?? '',
          document_type: (v.document_type ?? 'Other') as DocumentType,
          title: v.title ?? '',
          description: v.description,
        },
        { onProgress: (sent, total) => setSent(total > 0 ? sent / total : 0) },
      )
      setNotice({ kind: 'success', text: t('common.saved') })
      setValues({})
      setFile(null)
      setReloads((n) => n + 1)
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {}
      setErrors(fields)
      setNotice({ kind: 'error', text: Object.keys(fields).length ? t('form.fixFields') : errorText(err) })
    } finally {
      setSent(null)
    }
  }

  const download = async (d: DocumentMeta) => {
    try {
      const { blob, fileName } = await api.documents.download(d.id)
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = fileName
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) })
    }
  }

  const field = (
    name: string,
    label: Parameters<typeof t>[0],
    type: 'text' | 'select' | 'textarea',
    options?: () => { value: string; label: string }[],
  ) => (
    <FormField
      field={{ name, label, type, required: name !== 'description', options }}
      idPrefix="doc"
      value={values()[name] ?? ''}
      error={errors()[name]}
      onInput={(val) => setValues((p) => ({ ...p, [name]: val }))}
    />
  )

  return (
    <section class="resource" data-testid="documents">
      <div class="resource-head">
        {props.heading === 'h2' ? <h2>{t('nav.documents')}</h2> : <h1>{t('nav.documents')}</h1>}
        <button
          type="button"
          class="secondary"
          data-testid="documents-csv"
          disabled={exporting() !== null}
          aria-busy={exporting() !== null}
          onClick={exportCsv}
        >
          {exporting() ?? t('csv.export')}
        </button>
      </div>
      <Notice kind={notice()?.kind ?? 'success'} message={notice()?.text} />
      <Show when={writable()}>
        <form class="card form" onSubmit={upload} aria-label={t('document.upload')} novalidate>
          {field('building_id', 'field.building_id', 'select', buildings)}
          {field(
            'document_type',
            'field.document_type',
            'select',
            enumOptions('document_type', DOCUMENT_TYPES),
          )}
          {field('title', 'field.title', 'text')}
          {field('description', 'field.description', 'textarea')}
          <div class="field">
            <label for="doc-file">{t('field.file')} *</label>
            <input
              id="doc-file"
              type="file"
              required
              accept={ACCEPT_ATTRIBUTE}
              aria-invalid={errors().file ? true : undefined}
              aria-describedby={errors().file ? 'doc-file-hint doc-file-error' : 'doc-file-hint'}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <p class="muted" id="doc-file-hint">
              {t('document.acceptedTypes', { types: ACCEPTED_TYPES_TEXT })}
            </p>
            <Show when={errors().file}>
              <p class="field-error" id="doc-file-error">
                {errors().file}
              </p>
            </Show>
          </div>
          <div class="actions">
            <button
              type="submit"
              disabled={!syncStatus().online || sent() !== null}
              aria-describedby={syncStatus().online ? undefined : 'doc-offline'}
            >
              {t('document.upload')}
            </button>
            <Show when={!syncStatus().online}>
              <span class="muted" id="doc-offline">
                {t('offline.uploadDisabled')}
              </span>
            </Show>
          </div>
          <Show when={sent() !== null}>
            <p role="status" data-testid="upload-progress">
              <progress max="100" value={Math.round((sent() ?? 0) * 100)} aria-label={t('document.upload')} />{' '}
              {t('progress.upload', { percent: Math.round((sent() ?? 0) * 100) })}
            </p>
          </Show>
        </form>
      </Show>
      <div class="filters">
        <FormField
          field={{ name: 'building_id', label: 'field.building_id', type: 'select', options: buildings }}
          idPrefix="doc-filter"
          value={buildingFilter()}
          onInput={(v) => {
            setBuildingFilter(v)
            setPage(1)
          }}
        />
      </div>
      <Show when={list.error}>
        <Notice kind="error" message={list.error instanceof Error ? list.error.message : t('common.error')} />
      </Show>
      <Show when={value(list)} fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        {(l) => (
          <Show when={l().data.data.length > 0} fallback={<p class="muted">{t('common.empty')}</p>}>
            <div class="table-wrap">
              <table class="cards">
                <thead>
                  <tr>
                    <th scope="col">{t('field.title')}</th>
                    <th scope="col">{t('field.document_type')}</th>
                    <th scope="col">{t('field.building_id')}</th>
                    <th scope="col">{t('field.file_size')}</th>
                    <th scope="col">{t('field.expense_date')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={l().data.data}>
                    {(d) => (
                      <tr>
                        <td data-label={t('field.title')}>{d.title}</td>
                        <td data-label={t('field.document_type')}>
                          {tEnum('document_type', d.document_type)}
                        </td>
                        <td data-label={t('field.building_id')}>{buildingCell(buildings, d.building_id)}</td>
                        <td data-label={t('field.file_size')}>{num(d.file_size_mb, 2)} MB</td>
                        <td data-label={t('field.expense_date')}>{date(d.created_at)}</td>
                        <td class="row-actions" data-label={t('common.actions')}>
                          <button type="button" class="small" onClick={() => void download(d)}>
                            {t('document.download')}
                          </button>
                          <Show when={writable()}>
                            <ConfirmButton
                              label={t('common.delete')}
                              class="small danger"
                              onConfirm={async () => {
                                try {
                                  await api.documents.remove(d.id, d.title)
                                  setReloads((n) => n + 1)
                                } catch (err) {
                                  setNotice({ kind: 'error', text: errorText(err) })
                                }
                              }}
                            />
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
      <Pagination info={value(list)?.data.pagination} onPage={setPage} />
    </section>
  )
}
