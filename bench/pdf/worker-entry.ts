// A Worker that renders the sample distribution document: bench/pdf/render.ts builds it with
// wrangler (same config and aliases as the API Workers) and runs it in workerd.
import { pdfLibRenderer } from '../../functions/_shared/pdf/pdf-lib-renderer.ts'
import { sampleReport } from './sample-report.ts'

export default {
  async fetch(request: Request): Promise<Response> {
    const lots = Number(new URL(request.url).searchParams.get('lots') ?? 120)
    const bytes = await pdfLibRenderer.render(sampleReport(lots))
    // A fresh ArrayBuffer-backed copy: Response wants BufferSource, pdf-lib types ArrayBufferLike.
    return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/pdf' } })
  },
}
