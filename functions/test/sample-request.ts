/**
 * Builds a plausible, valid request from an OpenAPI operation: path parameters and `*_id` body
 * fields come from `ids` (so a test can point every reference at another tenant's rows), other
 * fields get a sample value from their name, type and enum. Used by the generated tenant tests.
 */
export type JsonSchema = {
  type?: string | string[]
  enum?: unknown[]
  format?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  items?: JsonSchema
  minimum?: number
  $ref?: string
}

export type Operation = {
  parameters?: { name: string; in: string }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

export type IdResolver = (name: string, context: string) => string

const SAMPLES: Record<string, unknown> = {
  email: () => `sample-${crypto.randomUUID().slice(0, 8)}@example.test`,
  contact_email: 'contact@example.test',
  password: 'Sturdy-Pass-2026',
  amount: 12.5,
  quota: 1,
  total_units: 5,
  total_tantiemes: 1000,
  surface_area: 40,
  ownership_share: 0.1,
  construction_year: 1980,
  attendees_count: 3,
  expense_date: '2026-03-01',
  start_date: '2026-01-01',
  deed_date: '2026-04-01',
  paid_date: '2026-03-02',
  scheduled_date: '2027-06-01T18:00:00Z',
  due_date: '2027-01-15',
  payment_date: '2027-01-10',
  iban: 'BE68 5390 0754 7034',
  item: 'Divers',
  received_at: '2026-01-05T10:00:00Z',
  role: 'owner',
}

export function resolveRef(
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
  schema: JsonSchema,
) {
  let s = schema
  while (s.$ref) s = doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] ?? {}
  return s
}

export function sampleValue(
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
  name: string,
  schema: JsonSchema,
  ids: IdResolver,
  context: string,
): unknown {
  const s = resolveRef(doc, schema)
  const variants = s.anyOf ?? s.oneOf
  if (variants) {
    const first = variants.find((v) => resolveRef(doc, v).type !== 'null') ?? variants[0] ?? {}
    return sampleValue(doc, name, first, ids, context)
  }
  if (name.endsWith('_id') && name !== 'organization_id') return ids(name, context)
  if (name in SAMPLES) {
    const v = SAMPLES[name]
    return typeof v === 'function' ? v() : v
  }
  if (s.enum) return s.enum[0]
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  if (type === 'object') {
    const out: Record<string, unknown> = {}
    // Required fields, plus optional ones we know a sample for (e.g. `amount`, needed in practice).
    const keys = Object.keys(s.properties ?? {}).filter((k) => s.required?.includes(k) || k in SAMPLES)
    for (const key of keys) out[key] = sampleValue(doc, key, s.properties?.[key] ?? {}, ids, context)
    return out
  }
  if (type === 'array') return [sampleValue(doc, name, s.items ?? {}, ids, context)]
  if (type === 'integer' || type === 'number') return Math.max(1, s.minimum ?? 1)
  if (type === 'boolean') return false
  if (s.format === 'uuid') return ids(name, context)
  return `Sample ${name}`
}
