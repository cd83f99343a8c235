// Feedback line: role=status for success (polite), role=alert for errors (announced at once).
import { type JSX, Show } from 'solid-js'

export function Notice(props: { kind: 'success' | 'error' | 'info'; message?: string | null }): JSX.Element {
  return (
    <Show when={props.message}>
      <p class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
        {props.message}
      </p>
    </Show>
  )
}
