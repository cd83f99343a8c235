import { z } from '@hono/zod-openapi'
import type { Result } from '@koprogo/domain'

/**
 * Parses a query-string value with a domain parser (exact euros, calendar days, instants) inside
 * a zod transform, so a refused value becomes the same 400 problem as any schema failure, with
 * the domain's message on the parameter's path.
 */
export function domainParsed<T>(parse: (value: string) => Result<T>, maxLength = 40) {
  return z
    .string()
    .max(maxLength)
    .transform((value, ctx) => {
      const result = parse(value)
      if (result.ok) return result.value
      const { error } = result
      const message = error.kind === 'validation' && error.issues[0] ? error.issues[0].message : error.message
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    })
}
