// A signature drawn with a finger, a pen or the mouse on a canvas (issue #14 item 3, "a plus"):
// the typed name and the time are the signature; the drawing is kept as a PNG data: URL beside it.
import { createSignal, type JSX, onMount } from 'solid-js'

export function SignaturePad(props: {
  label: string
  clearLabel: string
  /** Gives the parent a getter of the drawing (undefined while nothing is drawn). */
  bind: (get: () => string | undefined) => void
}): JSX.Element {
  let canvas: HTMLCanvasElement | undefined
  const [drawn, setDrawn] = createSignal(false)
  let drawing = false
  const point = (e: PointerEvent) => {
    const r = (canvas as HTMLCanvasElement).getBoundingClientRect()
    return {
      x: ((e.clientX - r.left) * (canvas as HTMLCanvasElement).width) / r.width,
      y: ((e.clientY - r.top) * (canvas as HTMLCanvasElement).height) / r.height,
    }
  }
  onMount(() => {
    props.bind(() => (drawn() && canvas ? canvas.toDataURL('image/png') : undefined))
  })
  const ctx = () => canvas?.getContext('2d') ?? null
  return (
    <div class="signature-pad">
      <span class="label" id="signature-pad-label">
        {props.label}
      </span>
      <canvas
        ref={canvas}
        width="480"
        height="160"
        role="img"
        aria-labelledby="signature-pad-label"
        data-testid="signature-canvas"
        onPointerDown={(e) => {
          const c = ctx()
          if (!c) return
          drawing = true
          canvas?.setPointerCapture(e.pointerId)
          const p = point(e)
          c.lineWidth = 3
          c.lineCap = 'round'
          c.strokeStyle = '#111'
          c.beginPath()
          c.moveTo(p.x, p.y)
        }}
        onPointerMove={(e) => {
          const c = ctx()
          if (!drawing || !c) return
          const p = point(e)
          c.lineTo(p.x, p.y)
          c.stroke()
          setDrawn(true)
        }}
        onPointerUp={() => {
          drawing = false
        }}
      />
      <button
        type="button"
        class="small"
        onClick={() => {
          const c = ctx()
          if (c && canvas) c.clearRect(0, 0, canvas.width, canvas.height)
          setDrawn(false)
        }}
      >
        {props.clearLabel}
      </button>
    </div>
  )
}
