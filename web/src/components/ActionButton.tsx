// A row action that needs the server (activate a user…): a failure, offline included, is said
// next to the button in the user's language instead of escaping as an uncaught error.
import { createSignal, type JSX, Show } from 'solid-js'
import { errorText } from '../lib/error-text'

export function ActionButton(props: {
  label: string
  run: () => Promise<unknown>
  onDone?: () => void
}): JSX.Element {
  const [error, setError] = createSignal<string | null>(null)
  return (
    <>
      <button
        type="button"
        class="small"
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
