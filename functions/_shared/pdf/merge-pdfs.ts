import { PDFDocument } from 'pdf-lib'

/**
 * Joins PDFs page by page into one file (the postal convocations, printed in one go). Pages are
 * copied, not re-rendered: no fonts are loaded, so it is cheap enough for a request.
 */
export async function mergePdfs(files: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  const out = await PDFDocument.create()
  out.setTitle(title)
  for (const bytes of files) {
    const source = await PDFDocument.load(bytes)
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page)
  }
  return out.save()
}
