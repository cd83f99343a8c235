import { API_PREFIX } from '../../gateway.ts'
import { isFetcher, type WorkerBindings } from './bindings.ts'
import { serviceBinding } from './names.ts'

/** The resource owning a path: the longest mounted name that prefixes it. */
export function resourceFor(pathname: string, names: readonly string[]): string | undefined {
  if (pathname === '/health') return 'health'
  if (!pathname.startsWith(`${API_PREFIX}/`)) return undefined
  const rest = pathname.slice(API_PREFIX.length + 1)
  return longestFirst(names).find((name) => rest === name || rest.startsWith(`${name}/`))
}

const sorted = new WeakMap<readonly string[], readonly string[]>()
function longestFirst(names: readonly string[]): readonly string[] {
  let list = sorted.get(names)
  if (!list) {
    list = [...names].sort((a, b) => b.length - a.length)
    sorted.set(names, list)
  }
  return list
}

/** Hono's requestId rule (hono/request-id): a caller's id is kept if short and plain, else a new one. */
export function requestIdOf(request: Request): string {
  const id = request.headers.get('x-request-id')
  return id && id.length <= 255 && !/[^\w\-=]/.test(id) ? id : crypto.randomUUID()
}

/**
 * The gateway's hot path, outside Hono (ADR 0053): the request goes to its resource Worker over
 * the service binding as it came — its body stream handed on, never read or re-encoded — with
 * the request id the resource Worker's logs will carry; the response comes back untouched.
 * Undefined when no resource Worker owns the path (the caller answers: docs or a 404).
 */
export function forwardToResource(
  request: Request,
  bindings: WorkerBindings,
  names: readonly string[],
  url: URL = new URL(request.url),
): Promise<Response> | undefined {
  const name = resourceFor(url.pathname, names)
  const target = name ? bindings[serviceBinding(name)] : undefined
  if (!isFetcher(target)) return undefined
  // /health is the health Worker's /api/v1/health; the request id travels so logs line up.
  if (url.pathname === '/health') url.pathname = `${API_PREFIX}/health`
  const forwarded = new Request(url, request)
  forwarded.headers.set('x-request-id', requestIdOf(request))
  return target.fetch(forwarded)
}
