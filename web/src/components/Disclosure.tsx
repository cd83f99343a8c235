// A <details> whose body is built the first time it is opened, then kept (what was typed stays
// when it is closed again). The building page's add/create/settings forms sat closed in the
// first render; built anyway, their date inputs and selects cost the page load (issue #19,
// Lighthouse) and the reminders' settings were read from the server for nobody.
import { createSignal, type JSX, Show } from 'solid-js'

export function Disclosure(props: { summary: JSX.Element; children: JSX.Element }): JSX.Element {
  const [opened, setOpened] = createSignal(false)
  return (
    <details
      on:toggle={(e) => {
        if (e.currentTarget.open) setOpened(true)
      }}
    >
      <summary>{props.summary}</summary>
      <Show when={opened()}>{props.children}</Show>
    </details>
  )
}
