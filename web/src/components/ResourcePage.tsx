// Generic list + create/edit/delete screen used by buildings, units, owners, expenses and
// meetings: paginated, sortable, filterable; writes go through the offline outbox.
import { createEffect, createResource, createSignal, For, type JSX, on, Show } from 'solid-js'
import type { Loaded } from '../lib/api'
import { ApiError } from '../lib/api-error'
import { downloadCsv, fetchAllPages } from '../lib/csv'
import { noteChange } from '../lib/data-changes'
import { errorText } from '../lib/error-text'
import { dateTime, locale, type MessageKey, t } from '../lib/i18n'
import { changedFields } from '../lib/offline/merge'
import { dataRevision } from '../lib/offline/store'
import type { WriteResult } from '../lib/offline/sync-engine'
import { value } from '../lib/resource-value'
import type { ListQuery, Page } from '../lib/wire-types'
import { ConfirmButton } from './ConfirmButton'
import {
  type FieldDef,
  FormField,
  fieldErrorsFor,
  initialValues,
  toBody,
  toValues,
  validate,
  visibleFields,
} from './FormField'
import { Notice } from './Notice'
import { Pagination } from './Pagination'

export type Row = Record<string, unknown> & { id: string; version?: number }

export interface Column {
  key: string
  label: MessageKey
  sortable?: boolean
  render?: (row: Row) => JSX.Element
}

/**
 * The resource's typed calls in lib/api.ts (e.g. `api.buildings`): a cached list, and a create
 * or edit that goes through the offline outbox. The form's body is built from the field
 * definitions, so it reaches the typed `save` as a plain record.
 */
export interface RowsApi {
  list(query: ListQuery): Promise<Loaded<Page<Row>>>
  save(
    body: Record<string, unknown>,
    existing?: { id: string; version?: number; base?: Record<string, unknown>; label?: string },
  ): Promise<WriteResult>
}

/** A row's name for people: in conflicts and in what signing out would discard. */
export function rowLabel(row: Record<string, unknown>): string | undefined {
  for (const k of ['name', 'title', 'description', 'unit_number', 'company_name'])
    if (typeof row[k] === 'string' && row[k]) return row[k] as string
  const person = [row.first_name, row.last_name].filter((p) => typeof p === 'string' && p).join(' ')
  return person || undefined
}

export interface ResourceConfig {
  rows: RowsApi
  /** false: rows are created, never edited (the API has no PUT for them). Default true. */
  canEdit?: boolean
  title: MessageKey
  testId: string
  columns: Column[]
  fields: FieldDef[]
  filters?: FieldDef[]
  /** Only these fields may be edited (the others are set at creation). */
  editable?: string[]
  defaultSort?: { sort_by: string; order: 'asc' | 'desc' }
  remove?: (row: Row) => Promise<unknown>
  rowActions?: (row: Row, reload: () => void) => JSX.Element
}

export function ResourcePage(props: {
  config: ResourceConfig
  canWrite: boolean
  heading?: 'h1' | 'h2'
}): JSX.Element {
  const c = () => props.config
  const [query, setQuery] = createSignal<ListQuery>({
    page: 1,
    per_page: 20,
    ...(props.config.defaultSort ?? {}),
    filters: {},
  })
  const [reloads, setReloads] = createSignal(0)
  const [list] = createResource(
    () => ({ q: query(), n: reloads(), rev: dataRevision() }),
    ({ q }) => c().rows.list(q),
  )
  const reload = () => {
    setReloads((n) => n + 1)
    noteChange()
  }

  const [editing, setEditing] = createSignal<Row | 'new' | null>(null)
  const [values, setValues] = createSignal<Record<string, string>>({})
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null)
  const [busy, setBusy] = createSignal(false)

  const formFields = () => {
    const e = editing()
    const fields =
      e && e !== 'new' && c().editable ? c().fields.filter((f) => c().editable?.includes(f.name)) : c().fields
    return visibleFields(fields, values())
  }

  // Focus goes into the form when it opens and back to the button that opened it when it
  // closes (Cancel, Esc or a save), so keyboard and screen-reader users keep their place.
  let formEl: HTMLFormElement | undefined
  let sectionEl: HTMLElement | undefined
  let opener: { el: HTMLElement; rowId?: string; label: string } | null = null
  let refocusUntil = 0

  const open = (row: Row | 'new') => {
    const active = document.activeElement
    if (active instanceof HTMLElement && active !== document.body)
      opener = {
        el: active,
        rowId: active.closest('tr')?.dataset.rowId,
        label: active.textContent ?? '',
      }
    refocusUntil = 0
    setEditing(row)
    setErrors({})
    setNotice(null)
    setValues(row === 'new' ? initialValues(c().fields) : toValues(c().fields, row))
    // Edit is in a row far below the form: bring the form into view, then its first field.
    formEl?.scrollIntoView({ block: 'start' })
    formEl?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true })
  }

  /** The opener, or after a save re-rendered the rows, the same button of the same row. */
  const focusOpener = () => {
    const o = opener
    if (!o) return
    const again = o.el.isConnected
      ? o.el
      : [...(sectionEl?.querySelectorAll<HTMLElement>(`tr[data-row-id="${o.rowId}"] button`) ?? [])].find(
          (b) => b.textContent === o.label,
        )
    again?.focus()
  }
  const close = () => {
    setEditing(null)
    focusOpener()
  }
  // A save reloads the list and re-renders its rows, the opener with them: the focus, left on
  // the page body, goes to the same row's button once they are back (a few seconds at most).
  createEffect(
    on(
      () => value(list),
      () => {
        const lost = document.activeElement === document.body || !document.activeElement?.isConnected
        if (lost && Date.now() < refocusUntil) focusOpener()
      },
      { defer: true },
    ),
  )

  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault()
    const fields = formFields()
    const found = validate(fields, values())
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const target = editing()
    setBusy(true)
    try {
      let body = toBody(fields, values())
      let existing: Parameters<RowsApi['save']>[1]
      if (target && target !== 'new') {
        // Only the fields this user changed are sent, each with the value it had before (the
        // base): a concurrent edit of other fields is kept, a 409 is merged field by field.
        const { changes, base } = changedFields(body, target)
        if (Object.keys(changes).length === 0) {
          setEditing(null)
          return
        }
        body = changes
        existing = { id: target.id, version: target.version, base, label: rowLabel(target) }
      }
      const result = await c().rows.save(body, existing)
      setNotice({
        kind: result.queued ? 'info' : 'success',
        text: result.queued ? t('sync.queued') : t('common.saved'),
      })
      close()
      refocusUntil = Date.now() + 5_000
      reload()
    } catch (e) {
      // The server's messages (in the Accept-Language language) go next to their fields; the
      // banner only points at them, or says what no field shows.
      const { byField, rest } =
        e instanceof ApiError ? fieldErrorsFor(fields, e.fieldErrors) : { byField: {}, rest: [] }
      setErrors(byField)
      const marked = Object.keys(byField).length > 0
      setNotice({
        kind: 'error',
        text: marked ? [t('form.fixFields'), ...rest].join(' ') : rest.length ? rest.join(' ') : errorText(e),
      })
    } finally {
      setBusy(false)
    }
  }

  const sortBy = (key: string) =>
    setQuery((q) => ({
      ...q,
      page: 1,
      sort_by: key,
      order: q.sort_by === key && q.order === 'asc' ? 'desc' : 'asc',
    }))

  const ariaSort = (key: string): 'ascending' | 'descending' | undefined =>
    query().sort_by === key ? (query().order === 'desc' ? 'descending' : 'ascending') : undefined

  // CSV of every row matching the current filters and sort: all pages fetched (100 at a time),
  // progress shown on the button, then downloaded (lib/csv.ts says why client-side).
  const [exporting, setExporting] = createSignal<string | null>(null)
  const exportCsv = async () => {
    setExporting(t('csv.exporting', { page: 1, pages: 1 }))
    try {
      const rows = await fetchAllPages(
        async (page) => {
          const got = (await c().rows.list({ ...query(), page, per_page: 100 })).data
          return { items: got.data, totalPages: got.pagination.total_pages }
        },
        (page, pages) => setExporting(t('csv.exporting', { page, pages })),
      )
      const columns = c().columns.map((col) => ({ key: col.key, label: t(col.label) }))
      downloadCsv(c().testId, columns, rows, locale())
      setNotice({ kind: 'success', text: t('csv.done', { count: rows.length }) })
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : t('common.error') })
    } finally {
      setExporting(null)
    }
  }

  const Heading = (hp: { children: JSX.Element }) =>
    props.heading === 'h2' ? <h2>{hp.children}</h2> : <h1>{hp.children}</h1>

  return (
    <section class="resource" data-testid={c().testId} ref={sectionEl}>
      <div class="resource-head">
        <Heading>{t(c().title)}</Heading>
        <button
          type="button"
          class="secondary"
          data-testid={`${c().testId}-csv`}
          disabled={exporting() !== null}
          aria-busy={exporting() !== null}
          onClick={exportCsv}
        >
          {exporting() ?? t('csv.export')}
        </button>
        <Show when={props.canWrite}>
          <button type="button" onClick={() => open('new')}>
            {t('common.new')}
          </button>
        </Show>
      </div>

      <Show when={c().filters?.length}>
        <form
          class="filters"
          aria-label={t('common.filter')}
          onSubmit={(e) => {
            e.preventDefault()
            const data = new FormData(e.currentTarget)
            const filters: Record<string, string> = {}
            for (const [k, v] of data.entries()) if (typeof v === 'string' && v) filters[k] = v
            setQuery((q) => ({ ...q, page: 1, filters }))
          }}
        >
          <For each={c().filters}>
            {(f) => <FormField field={f} value="" idPrefix={`${c().testId}-filter`} onInput={() => {}} />}
          </For>
          <button type="submit">{t('common.filter')}</button>
        </form>
      </Show>

      <Notice kind={notice()?.kind ?? 'info'} message={notice()?.text} />

      <Show when={editing()}>
        <form
          ref={formEl}
          class="card form"
          onSubmit={submit}
          // Native listener: it runs before a surrounding dialog's, which then leaves Esc alone.
          on:keydown={(e) => {
            if (e.key !== 'Escape' || e.defaultPrevented) return
            e.preventDefault()
            close()
          }}
          aria-label={t(editing() === 'new' ? 'common.create' : 'common.edit')}
          novalidate
        >
          <For each={formFields()}>
            {(f) => (
              <FormField
                field={f}
                idPrefix={c().testId}
                value={values()[f.name] ?? ''}
                error={errors()[f.name]}
                onInput={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))}
              />
            )}
          </For>
          <div class="actions">
            <button type="submit" disabled={busy()}>
              {editing() === 'new' ? t('common.create') : t('common.save')}
            </button>
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>

      <Show when={list.error}>
        <Notice kind="error" message={list.error instanceof Error ? list.error.message : t('common.error')} />
      </Show>
      <Show when={value(list)?.fromCache && value(list)?.storedAt}>
        {(at) => <p class="muted">{t('sync.cached', { time: dateTime(new Date(at()).toISOString()) })}</p>}
      </Show>
      {/* A failed read shows its error above, not an endless "loading" (the superadmin's 400s did). */}
      <Show
        when={value(list)}
        fallback={
          <Show when={!list.error}>
            <p aria-busy="true">{t('common.loading')}</p>
          </Show>
        }
      >
        {(loaded) => (
          <ListTable
            page={loaded().data}
            config={c()}
            canWrite={props.canWrite}
            ariaSort={ariaSort}
            sortBy={sortBy}
            onEdit={open}
            reload={reload}
            onError={(m) => setNotice({ kind: 'error', text: m })}
          />
        )}
      </Show>
      <Pagination info={value(list)?.data.pagination} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
    </section>
  )
}

function ListTable(props: {
  page: Page<Row>
  config: ResourceConfig
  canWrite: boolean
  ariaSort: (key: string) => 'ascending' | 'descending' | undefined
  sortBy: (key: string) => void
  onEdit: (row: Row) => void
  reload: () => void
  onError: (message: string) => void
}): JSX.Element {
  return (
    <Show when={props.page.data.length > 0} fallback={<p class="muted">{t('common.empty')}</p>}>
      <div class="table-wrap">
        {/* "cards": under the phone breakpoint each row is a card, each value under its label. */}
        <table class="cards">
          <thead>
            <tr>
              <For each={props.config.columns}>
                {(col) => (
                  <th scope="col" aria-sort={props.ariaSort(col.key)}>
                    <Show when={col.sortable} fallback={t(col.label)}>
                      <button type="button" class="link" onClick={() => props.sortBy(col.key)}>
                        {t(col.label)}
                        {props.ariaSort(col.key) === 'ascending'
                          ? ' ▲'
                          : props.ariaSort(col.key) === 'descending'
                            ? ' ▼'
                            : ''}
                      </button>
                    </Show>
                  </th>
                )}
              </For>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.page.data}>
              {(row) => (
                <tr classList={{ pending: row._pending === true }} data-row-id={row.id}>
                  <For each={props.config.columns}>
                    {(col) => (
                      <td data-label={t(col.label)}>
                        {col.render ? col.render(row) : String(row[col.key] ?? '')}
                      </td>
                    )}
                  </For>
                  <td class="row-actions" data-label={t('common.actions')}>
                    <Show when={props.canWrite}>
                      <Show when={props.config.canEdit !== false}>
                        <button type="button" class="small" onClick={() => props.onEdit(row)}>
                          {t('common.edit')}
                        </button>
                      </Show>
                      <Show when={props.config.remove && !row.id.startsWith('tmp-')}>
                        <ConfirmButton
                          label={t('common.delete')}
                          class="small danger"
                          onConfirm={async () => {
                            try {
                              await props.config.remove?.(row)
                              props.reload()
                            } catch (e) {
                              props.onError(errorText(e))
                            }
                          }}
                        />
                      </Show>
                    </Show>
                    {props.config.rowActions?.(row, props.reload)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
