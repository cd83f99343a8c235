// Documents: list (paginated, filter by building), upload (multipart, online only: files are
// not queued offline), download, delete with confirmation.
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import { ConfirmButton } from '../components/ConfirmButton'
import { FormField } from '../components/FormField'
import { Notice } from '../components/Notice'
import { Pagination } from '../components/Pagination'
import * as api from '../lib/api'
import { ApiError } from '../lib/api-error'
import { date, num, t, tEnum } from '../lib/i18n'
import { enumOptions, useBuildingOptions } from '../lib/lookups'
import { dataRevision, syncStatus } from '../lib/offline/store'
import { value } from '../lib/resource-value'
import { canWrite } from '../lib/roles'
import { user } from '../lib/session'
import { DOCUMENT_TYPES, type DocumentMeta, type DocumentType } from '../lib/wire-types'
import { buildingName } from './resource-configs'

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

  const upload = async (e: SubmitEvent) => {
    e.preventDefault()
    const v = values()
    const errs: Record<string, string> = {}
    for (const k of ['building_id', 'document_type', 'title'])
      if (!v[k]?.trim()) errs[k] = t('common.required')
    const f = file()
    if (!f) errs.file = t('common.required')
    else if (f.size > MAX_BYTES) errs.file = '> 50 MB'
    setErrors(errs)
    if (Object.keys(errs).length || !f) return
    try {
      await api.documents.upload({
        file: f,
        file_name: f.name,
        building_id: v.building_id ?? '',
        document_type: (v.document_type ?? 'Other') as DocumentType,
        title: v.title ?? '',
        description: v.description,
      })
      setNotice({ kind: 'success', text: t('common.saved') })
      setValues({})
      setFile(null)
      setReloads((n) => n + 1)
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors)
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : t('common.error') })
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
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : t('common.error') })
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
      {props.heading === 'h2' ? <h2>{t('nav.documents')}</h2> : <h1>{t('nav.documents')}</h1>}
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
              aria-invalid={errors().file ? true : undefined}
              aria-describedby={errors().file ? 'doc-file-error' : undefined}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <Show when={errors().file}>
              <p class="field-error" id="doc-file-error">
                {errors().file}
              </p>
            </Show>
          </div>
          <div class="actions">
            <button type="submit" disabled={!syncStatus().online}>
              {t('document.upload')}
            </button>
          </div>
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
              <table>
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
                        <td>{d.title}</td>
                        <td>{tEnum('document_type', d.document_type)}</td>
                        <td>{buildingName(buildings, d.building_id)}</td>
                        <td>{num(d.file_size_mb, 2)} MB</td>
                        <td>{date(d.created_at)}</td>
                        <td class="row-actions">
                          <button type="button" class="small" onClick={() => void download(d)}>
                            {t('document.download')}
                          </button>
                          <Show when={writable()}>
                            <ConfirmButton
                              label={t('common.delete')}
                              class="small danger"
                              onConfirm={async () => {
                                await api.documents.remove(d.id)
                                setReloads((n) => n + 1)
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
