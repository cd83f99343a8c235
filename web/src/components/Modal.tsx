// A modal dialog on the native <dialog>: the browser traps focus inside, Esc closes it, and the
// page behind is inert for screen readers. Focus returns to the opener when it closes.
import { type JSX, onCleanup, onMount } from 'solid-js'
import { t } from '../lib/i18n'

export function Modal(props: {
  titleId: string
  title: string
  onClose: () => void
  testId?: string
  /** Esc asks this first: true when it closed something inside (a form) instead of the dialog. */
  onEscape?: () => boolean
  children: JSX.Element
}): JSX.Element {
  let el: HTMLDialogElement | undefined
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const onEsc = () => {
    if (!props.onEscape?.()) props.onClose()
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    e.preventDefault()
    onEsc()
  }
  onMount(() => {
    el?.showModal()
    document.addEventListener('keydown', onKey)
  })
  onCleanup(() => {
    document.removeEventListener('keydown', onKey)
    if (el?.open) el.close()
    opener?.focus()
  })
  return (
    <dialog
      ref={el}
      class="modal"
      aria-labelledby={props.titleId}
      data-testid={props.testId}
      onClose={() => props.onClose()}
      // Esc closes the open form first, then the dialog. Handled by hand: with the focus on the
      // page body (a form just removed) Chromium sends the dialog no cancel at all.
      onCancel={(e) => {
        e.preventDefault()
        onEsc()
      }}
    >
      <div class="modal-head">
        <h2 id={props.titleId}>{props.title}</h2>
        <button type="button" class="small" onClick={() => props.onClose()}>
          {t('common.close')}
        </button>
      </div>
      {props.children}
    </dialog>
  )
}
