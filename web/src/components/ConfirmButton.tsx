// Destructive actions ask first: an inline confirm step (keyboard-friendly, no window.confirm
// so e2e tests and screen readers handle it like any other button).
import { createSignal, type JSX, Show } from 'solid-js'
import { t } from '../lib/i18n'

export function ConfirmButton(props: {
  label: string
  question?: string
  onConfirm: () => void | Promise<void>
  class?: string
  disabled?: boolean
  describedBy?: string
}): JSX.Element {
  const [asking, setAsking] = createSignal(false)
  let confirmRef: HTMLButtonElement | undefined
  return (
    <Show
      when={asking()}
      fallback={
        <button
          type="button"
          class={props.class ?? 'danger'}
          disabled={props.disabled}
          aria-describedby={props.describedBy}
          onClick={() => {
            setAsking(true)
            confirmRef?.focus()
          }}
        >
          {props.label}
        </button>
      }
    >
      <span class="confirm">
        <span>{props.question ?? t('common.confirmDelete')}</span>
        <button
          type="button"
          class="danger"
          ref={(el) => {
            confirmRef = el
            queueMicrotask(() => el.focus())
          }}
          onClick={async () => {
            setAsking(false)
            await props.onConfirm()
          }}
        >
          {t('common.confirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </span>
    </Show>
  )
}
