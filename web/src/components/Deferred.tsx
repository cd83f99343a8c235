// A section mounted late (lib/deferred-mount.ts): until then an empty block of the section's
// usual height stands in, so the page below it does not move when it arrives (ADR 0034).
import { createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js'
import { mountQueue } from '../lib/deferred-mount'

export function Deferred(props: { children: JSX.Element; minHeight?: string }): JSX.Element {
  const [shown, setShown] = createSignal(false)
  let placeholder: HTMLDivElement | undefined
  let stop = () => {}
  onMount(() => {
    if (placeholder) stop = mountQueue().add(placeholder, () => setShown(true))
  })
  onCleanup(() => stop())
  return (
    <Show
      when={shown()}
      fallback={
        <div ref={placeholder} class="deferred" style={{ 'min-height': props.minHeight ?? '12rem' }} />
      }
    >
      {props.children}
    </Show>
  )
}
