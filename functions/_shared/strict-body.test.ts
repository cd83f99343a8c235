import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { describe, expect, it } from 'vitest'
import { strictRoute, strictSchema } from './strict-body.ts'

describe('strictSchema (issue #20, item 8)', () => {
  const Line = z.object({ label: z.string() })
  const Body = z
    .object({
      name: z.string().openapi({ description: 'kept' }),
      lines: z.array(Line).optional(),
      main: Line.nullable().optional(),
      id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
    })
    .openapi('StrictExample')

  it('refuses unknown keys at every depth and keeps valid bodies valid', () => {
    const strict = strictSchema(Body)
    expect(
      strict.safeParse({ name: 'a', lines: [{ label: 'x' }], main: { label: 'y' }, id: '' }).success,
    ).toBe(true)
    const top = strict.safeParse({ name: 'a', extra: 1 })
    expect(top.error?.issues.map((i) => [i.code, i.path])).toEqual([['unrecognized_keys', []]])
    const nested = strict.safeParse({
      name: 'a',
      lines: [{ label: 'x', vat: 21 }],
      main: { label: 'y', z: 1 },
    })
    expect(nested.error?.issues.map((i) => i.path.join('.'))).toEqual(['lines.0', 'main'])
    // The original schema is untouched (other users of it, e.g. responses, are not affected).
    expect(Body.safeParse({ name: 'a', extra: 1 }).success).toBe(true)
  })

  it('keeps the component name and metadata in the OpenAPI document, with additionalProperties: false', () => {
    const app = new OpenAPIHono()
    const route = createRoute({
      method: 'post',
      path: '/',
      request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
      responses: { 204: { description: 'ok' } },
    })
    app.openapi(strictRoute(route), (c) => c.body(null, 204))
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } })
    const schema = doc.components?.schemas?.StrictExample as Record<string, unknown>
    expect(schema.additionalProperties).toBe(false)
    expect((schema.properties as Record<string, { description?: string }>).name?.description).toBe('kept')
  })

  it('gives a body-less write an optional empty strict body, and leaves reads alone', () => {
    const post = strictRoute(
      createRoute({ method: 'post', path: '/x', responses: { 204: { description: 'ok' } } }),
    )
    expect((post as { request?: { body?: { required?: boolean } } }).request?.body?.required).toBe(false)
    const get = createRoute({ method: 'get', path: '/x', responses: { 200: { description: 'ok' } } })
    expect(strictRoute(get)).toBe(get)
  })
})
