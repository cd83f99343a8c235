import { type JSX, Show } from 'solid-js'
import { t } from '../lib/i18n'
import type { Pagination as PaginationInfo } from '../lib/wire-types'

export function Pagination(props: { info?: PaginationInfo; onPage: (page: number) => void }): JSX.Element {
  return (
    <Show when={props.info && props.info.total_pages > 1 ? props.info : undefined}>
      {(info) => (
        <nav class="pagination" aria-label="Pagination">
          <button
            type="button"
            disabled={!info().has_previous}
            onClick={() => props.onPage(info().current_page - 1)}
          >
            {t('common.previous')}
          </button>
          <span>{t('common.page', { page: info().current_page, pages: info().total_pages })}</span>
          <button
            type="button"
            disabled={!info().has_next}
            onClick={() => props.onPage(info().current_page + 1)}
          >
            {t('common.next')}
          </button>
        </nav>
      )}
    </Show>
  )
}
