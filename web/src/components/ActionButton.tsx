// A row action that needs the server (activate a user…): disabled offline, the reason said by the
// NeedsConnection note `offlineNote` names (one per list, not one per row); a failure is said next
// to the button in the user's language instead of escaping as an uncaught error.
import { createSignal, type JSX, Show } from 'solid-js'
import { errorText } from '../lib/error-text'
import { offlineDescribedBy, online } from './OnlineOnly'

export function ActionButton(props: {
  label: string
  run: () => Promise<unknown>
  onDone?: () => void
  /** The id of the NeedsConnection note that says why the button is disabled offline. */
  offlineNote: string
}): JSX.Element {
  const [error, setError] = createSignal<string | null>(null)
  return (
    <>
      <button
        type="button"
        class="small"
        disabled={!online()}
        aria-describedby={offlineDescribedBy(props.offlineNote)}
        onClick={async () => {
          setError(null)
          try {
            await props.run()
            props.onDone?.()
          } catch (e) {
            setError(errorText(e))
          }
        }}
      >
        {props.label}
      </button>
      <Show when={error()}>
        <span role="alert">{error()}</span>
      </Show>
    </>
  )
}
