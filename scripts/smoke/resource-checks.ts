/**
 * Round trips per resource, keyed by their name in functions/resources.ts: the smoke test runs
 * the ones whose resource exists, so a resource landing on main switches its check on.
 * Each runs as a syndic of tenant A, with tenant B's syndic to prove isolation.
 */
import { expectStatus, field, type SmokeClient } from './client.ts'

export type ResourceContext = {
  api: SmokeClient
  tokenA: string
  tokenB: string
  /** Ids made by earlier checks (buildings → units → owners → expenses → documents). */
  ids: Map<string, string>
}

const need = (ctx: ResourceContext, key: string): string => {
  const id = ctx.ids.get(key)
  if (!id) throw new Error(`needs a ${key} from an earlier check`)
  return id
}

export const RESOURCE_CHECKS: Readonly<Record<string, (ctx: ResourceContext) => Promise<void>>> = {
  async buildings({ api, tokenA, tokenB, ids }) {
    const created = await api.call('POST', '/api/v1/buildings', {
      token: tokenA,
      body: {
        name: 'Résidence Smoke',
        address: 'Rue de la Loi 16',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgium',
        total_units: 4,
      },
    })
    expectStatus(created, 201, 'create building')
    const id = field(created, 'id')
    ids.set('building', id)
    expectStatus(await api.call('GET', `/api/v1/buildings/${id}`, { token: tokenA }), 200, 'read building')
    expectStatus(await api.call('GET', `/api/v1/buildings/${id}`, { token: tokenB }), 404, 'other tenant')
  },
  async units({ api, tokenA, ids }) {
    const building = need({ api, tokenA, tokenB: '', ids }, 'building')
    const created = await api.call('POST', '/api/v1/units', {
      token: tokenA,
      body: {
        building_id: building,
        unit_number: 'A1',
        unit_type: 'Apartment',
        floor: 1,
        surface_area: 85.5,
        quota: 250,
      },
    })
    expectStatus(created, 201, 'create unit')
    ids.set('unit', field(created, 'id'))
    const list = await api.call('GET', `/api/v1/buildings/${building}/units`, { token: tokenA })
    expectStatus(list, 200, 'list building units')
    if (!JSON.stringify(list.body).includes(field(created, 'id')))
      throw new Error('unit missing from its building')
  },
  async owners({ api, tokenA, ids }) {
    const created = await api.call('POST', '/api/v1/owners', {
      token: tokenA,
      body: {
        first_name: 'Marie',
        last_name: 'Dupont',
        email: `marie-${crypto.randomUUID().slice(0, 8)}@example.be`,
        address: 'Rue Neuve 1',
        city: 'Liège',
        postal_code: '4000',
        country: 'Belgium',
      },
    })
    expectStatus(created, 201, 'create owner')
    const owner = field(created, 'id')
    ids.set('owner', owner)
    const unit = ids.get('unit')
    if (unit) {
      const assigned = await api.call('PUT', `/api/v1/units/${unit}/assign-owner/${owner}`, { token: tokenA })
      expectStatus(assigned, 200, 'assign owner')
      const units = await api.call('GET', `/api/v1/owners/${owner}/units`, { token: tokenA })
      expectStatus(units, 200, "owner's units")
      if (!JSON.stringify(units.body).includes(unit)) throw new Error('assigned unit missing from the owner')
    }
  },
  async expenses({ api, tokenA, tokenB, ids }) {
    const building = need({ api, tokenA, tokenB, ids }, 'building')
    const created = await api.call('POST', '/api/v1/expenses', {
      token: tokenA,
      body: {
        building_id: building,
        category: 'Maintenance',
        description: 'Entretien ascenseur',
        amount_cents: 125050,
        expense_date: '2026-03-31',
      },
    })
    expectStatus(created, 201, 'create expense')
    const id = field(created, 'id')
    ids.set('expense', id)
    const read = await api.call('GET', `/api/v1/expenses/${id}`, { token: tokenA })
    expectStatus(read, 200, 'read expense')
    if (read.body.amount_cents !== 125050) throw new Error(`amount_cents ${String(read.body.amount_cents)}`)
    expectStatus(await api.call('GET', `/api/v1/expenses/${id}`, { token: tokenB }), 404, 'other tenant')
  },
  async documents({ api, tokenA, tokenB, ids }) {
    const building = need({ api, tokenA, tokenB, ids }, 'building')
    const pdf = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
    const upload = multipart({ building_id: building, document_type: 'Invoice', title: 'Facture smoke' }, pdf)
    const created = await api.call('POST', '/api/v1/documents', { token: tokenA, raw: upload })
    expectStatus(created, 201, 'upload document (R2)')
    const id = field(created, 'id')
    const download = await api.call('GET', `/api/v1/documents/${id}/download`, { token: tokenA })
    expectStatus(download, 200, 'download document')
    if (download.text !== pdf) throw new Error('downloaded bytes differ from the upload')
    if (!(download.headers.get('content-disposition') ?? '').startsWith('attachment'))
      throw new Error('download is not an attachment')
    const foreign = await api.call('GET', `/api/v1/documents/${id}/download`, { token: tokenB })
    expectStatus(foreign, 404, 'other tenant download')
    // KoproGo v1's order: the file first, uploaded_by last (ignored). Stored in R2, then checked.
    const v1Fields = { building_id: building, document_type: 'Invoice', title: 'Facture v1' }
    const v1 = multipart({ ...v1Fields, uploaded_by: crypto.randomUUID() }, pdf, 'first')
    const v1Created = await api.call('POST', '/api/v1/documents', { token: tokenA, raw: v1 })
    expectStatus(v1Created, 201, 'upload document, file first (R2)')
    const v1Download = await api.call('GET', `/api/v1/documents/${field(v1Created, 'id')}/download`, {
      token: tokenA,
    })
    expectStatus(v1Download, 200, 'download file-first document')
    if (v1Download.text !== pdf) throw new Error('file-first download differs from the upload')
    // Another tenant's building named after the file: the stored object is deleted, 404.
    const refused = await api.call('POST', '/api/v1/documents', { token: tokenB, raw: v1 })
    expectStatus(refused, 404, 'file first into another tenant’s building')
  },
}

/** A multipart/form-data body by hand: one file part (last unless `order` is 'first') plus text fields. */
function multipart(
  fields: Record<string, string>,
  file: string,
  order: 'first' | 'last' = 'last',
): { data: string; type: string } {
  const boundary = `smoke${crypto.randomUUID().replaceAll('-', '')}`
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  const filePart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="facture.pdf"\r\nContent-Type: application/pdf\r\n\r\n${file}\r\n`
  if (order === 'first') parts.unshift(filePart)
  else parts.push(filePart)
  return { data: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` }
}
