// A modal dialog on the native <dialog>: the browser traps focus inside, Esc closes it, and the
// page behind is inert for screen readers. Focus returns to the opener when it closes.
import { type JSX, onCleanup, onMount } from 'solid-js'
import { t } from '../lib/i18n'

export function Modal(props: {
  titleId: string
  title: string
  onClose: () => void
  testId?: string
  children: JSX.Element
}): JSX.Element {
  let el: HTMLDialogElement | undefined
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  onMount(() => el?.showModal())
  onCleanup(() => {
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
