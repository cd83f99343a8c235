import { describe, expect, it } from 'vitest'
import { forwardToResource, requestIdOf, resourceFor } from './gateway-forward.ts'

/** A service binding that records what the gateway sent it. */
function recordingWorker() {
  const seen: Request[] = []
  return {
    seen,
    fetch: async (request: Request) => {
      seen.push(request)
      return new Response(await request.text(), { status: 201, headers: { 'x-from': 'resource' } })
    },
  }
}

describe('the edge gateway forwards without Hono (ADR 0053)', () => {
  const names = ['buildings', 'buildings-search', 'units', 'health']

  it('picks the longest resource name that prefixes the path', () => {
    expect(resourceFor('/api/v1/buildings-search/x', names)).toBe('buildings-search')
    expect(resourceFor('/api/v1/buildings/1/units', names)).toBe('buildings')
    expect(resourceFor('/api/v1/buildingsx', names)).toBeUndefined()
    expect(resourceFor('/health', names)).toBe('health')
    expect(resourceFor('/other', names)).toBeUndefined()
  })

  it('hands the body on unchanged with the caller request id and returns the response as is', async () => {
    const units = recordingWorker()
    const body = JSON.stringify({ unit_number: 'A1', tantiemes: 100 })
    const response = await forwardToResource(
      new Request('http://edge/api/v1/units?x=1', {
        method: 'POST',
        body,
        headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'x-request-id': 'abc-1' },
      }),
      { SVC_UNITS: units },
      names,
    )
    expect(response?.status).toBe(201)
    expect(response?.headers.get('x-from')).toBe('resource')
    expect(await response?.text()).toBe(body)
    const sent = units.seen[0]
    expect(sent?.url).toBe('http://edge/api/v1/units?x=1')
    expect(sent?.method).toBe('POST')
    expect(sent?.headers.get('authorization')).toBe('Bearer t')
    expect(sent?.headers.get('x-request-id')).toBe('abc-1')
  })

  it('rewrites /health to the health Worker path; no Worker for the path → undefined', async () => {
    const health = recordingWorker()
    await forwardToResource(new Request('http://edge/health'), { SVC_HEALTH: health }, names)
    expect(health.seen[0]?.url).toBe('http://edge/api/v1/health')
    expect(
      forwardToResource(new Request('http://edge/api/v1/nope'), { SVC_HEALTH: health }, names),
    ).toBeUndefined()
    // A resource in the table without a binding is not forwarded either (the gateway answers 404).
    expect(forwardToResource(new Request('http://edge/api/v1/units'), {}, names)).toBeUndefined()
  })

  it("keeps a plain caller's request id, replaces a long or odd one", () => {
    const id = (value?: string) =>
      requestIdOf(new Request('http://edge/', value ? { headers: { 'x-request-id': value } } : {}))
    expect(id('req_1-a=')).toBe('req_1-a=')
    expect(id('bad id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(id('x'.repeat(256))).toMatch(/^[0-9a-f-]{36}$/)
    expect(id()).toMatch(/^[0-9a-f-]{36}$/)
  })
})
