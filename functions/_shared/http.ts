import { z } from '@hono/zod-openapi'
import {
  DEFAULT_PER_PAGE,
  DomainErrors,
  MAX_PER_PAGE,
  type Page,
  type PageRequest,
  type Result,
} from '@koprogo/domain'
import type { Context } from 'hono'
import { ProblemError, ProblemSchema, problemResponse } from './problem.ts'

/**
 * Maps a use case's Result: Ok → the given success response, Err → the one problem mapper.
 * The problem is typed as the success response because @hono/zod-openapi types only JSON
 * bodies; the route configs still document every problem+json status in the OpenAPI output.
 */
export function respond<T, R extends Response>(c: Context, result: Result<T>, onOk: (value: T) => R): R {
  return result.ok ? onOk(result.value) : (problemResponse(c, result.error) as R)
}

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })

/**
 * `per_page` above the maximum is clamped to it, not refused (issue #20, item 10): v1 clients ask
 * `per_page=1000` for "all rows". The page answered says the size used (`pagination.per_page`).
 */
const perPage = z.coerce
  .number()
  .int()
  .min(1)
  .transform((n) => Math.min(n, MAX_PER_PAGE))
  .default(DEFAULT_PER_PAGE)
  .openapi({
    type: 'integer',
    minimum: 1,
    default: DEFAULT_PER_PAGE,
    description: `Page size; a larger value is clamped to ${MAX_PER_PAGE} (see pagination.per_page)`,
  })

/** `page`, `per_page`, `order` and a whitelisted `sort_by`: an unknown field is a 400, never SQL. */
export function pageQuery<const S extends readonly [string, ...string[]]>(
  sortFields: S,
  defaultSort: S[number],
) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    per_page: perPage,
    sort_by: z.enum(sortFields).default(defaultSort),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
}

/**
 * The organization filter of every top-level list, one convention (issue #20, item 11): a
 * superadmin without it lists every organization (paginated), with it one organization; for every
 * other role the list is their own organization's and this parameter is ignored.
 */
export const organizationFilter = z
  .uuid()
  .optional()
  .openapi({
    param: { name: 'organization_id', in: 'query' },
    description:
      'Superadmin: only this organization (without it: every organization). Ignored for other roles, who see their own organization.',
  })

/**
 * An optional id in a body: absent, null or '' all mean "not given" (issue #20, item 12). HTML
 * forms send an untouched field as '', and v1's forms send `"organization_id": ""` for the server
 * to take the tenant from the token.
 */
export const optionalId = () =>
  z
    .preprocess((v) => (v === '' ? undefined : v), z.uuid().nullish())
    .openapi({ description: 'Optional; an empty string means not given' })

export function toPageRequest<S extends string>(q: {
  page: number
  per_page: number
  sort_by: S
  order: 'asc' | 'desc'
}): PageRequest<S> {
  return { page: q.page, perPage: q.per_page, sortBy: q.sort_by, order: q.order }
}

export const PaginationSchema = z
  .object({
    current_page: z.number().int(),
    per_page: z.number().int(),
    total_items: z.number().int(),
    total_pages: z.number().int(),
    has_next: z.boolean(),
    has_previous: z.boolean(),
  })
  .openapi('Pagination')

export function paginated<T, D>(page: Page<T>, request: PageRequest, toDto: (item: T) => D) {
  const totalPages = Math.ceil(page.total / request.perPage)
  return {
    data: page.items.map(toDto),
    pagination: {
      current_page: request.page,
      per_page: request.perPage,
      total_items: page.total,
      total_pages: totalPages,
      has_next: request.page < totalPages,
      has_previous: request.page > 1,
    },
  }
}

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), pagination: PaginationSchema }).openapi(name)
}

/** `5`, `"5"` or `W/"5"` (the version as an entity tag); `*` means "any version". */
const IF_MATCH = /^(?:\*|(?:W\/)?"([1-9]\d{0,14})"|([1-9]\d{0,14}))$/

/**
 * The expected version of a write: `If-Match` or else the body's `version`. A header that is not
 * a version (`W/"abc"`, `0x2`, `1.5`, `-1`, a list) is a 400: reading it leniently (Number())
 * turned `0x2` into version 2 and silently dropped the others, i.e. wrote without the check.
 */
export function expectedVersion(c: Context, bodyVersion?: number | undefined): number | undefined {
  const header = c.req.header('if-match')
  if (header === undefined) return bodyVersion
  const match = IF_MATCH.exec(header.trim())
  if (!match) {
    throw new ProblemError(DomainErrors.invalidField('If-Match', 'must be the row version: 5, "5" or W/"5"'))
  }
  const digits = match[1] ?? match[2]
  return digits === undefined ? bodyVersion : Number(digits)
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
})

/** Error responses shared by routes, for the OpenAPI document. */
export const errors = {
  400: problem('Invalid request'),
  401: problem('Missing, invalid or expired token'),
  403: problem('The role does not allow this'),
  404: problem('Not found (or another organization’s)'),
  409: problem('Conflict or stale version'),
  422: problem('Idempotency-Key reused with another body'),
  429: problem('Too many attempts'),
} as const

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})

export const bearer = [{ bearerAuth: [] }]
