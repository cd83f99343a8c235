import { describe, expect, it, vi } from 'vitest'

// What a Worker bundle gets for exceljs (wrangler.toml [alias], scripts/edge/workers.ts).
vi.mock('exceljs', () => import('../_shared/edge/node-only-stub.ts'))

const { readXlsxSheet, writeXlsx, XLSX_UNAVAILABLE } = await import('./register-xlsx.ts')

describe('register XLSX on the edge (exceljs aliased to the node-only stub)', () => {
  it('answers a 415 problem telling to send CSV instead of crashing', async () => {
    const read = await readXlsxSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))
    expect(read).toEqual({ ok: false, error: { kind: 'unsupported_media_type', message: XLSX_UNAVAILABLE } })
    const written = await writeXlsx({ headers: ['a'], rows: [] }, new Set())
    expect(written.ok).toBe(false)
  })
})
