import { type RouteConfig, z } from '@hono/zod-openapi'

/**
 * Unknown body fields are refused (issue #20, item 8): a field the API does not store must not be
 * answered with a 201 as if it had been saved. Every route of a resource app passes through
 * `strictRoute` (createResourceApp wraps `app.openapi`), so a body schema added or extended
 * anywhere is strict without its author doing anything, and the OpenAPI document states
 * `additionalProperties: false`.
 *
 * Objects are made strict at every depth (an array of objects in a body too). The copies are
 * zod clones with `parent` set, so they keep the original's OpenAPI metadata (its component
 * name, descriptions, examples) and the document still refers to `#/components/schemas/<Name>`.
 */

type AnySchema = z.ZodType & {
  _zod: { def: Record<string, unknown> & { type: string } }
  clone(def: Record<string, unknown>, params: { parent: boolean }): AnySchema
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional'])
const cache = new WeakMap<object, z.ZodType>()

/** The same schema with every object refusing unknown keys; the schema itself when nothing changes. */
export function strictSchema<T extends z.ZodType>(schema: T): T {
  const cached = cache.get(schema)
  if (cached) return cached as T
  const result = strictify(schema as unknown as AnySchema) as unknown as T
  cache.set(schema, result)
  return result
}

function strictify(schema: AnySchema): AnySchema {
  const def = schema._zod.def
  const copy = (changes: Record<string, unknown>) => schema.clone({ ...def, ...changes }, { parent: true })
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>
      const strictShape: Record<string, AnySchema> = {}
      for (const [key, field] of Object.entries(shape)) strictShape[key] = strictify(field)
      // An explicit catchall (a passthrough object) is a deliberate choice: left as it is.
      if (def.catchall !== undefined && (def.catchall as AnySchema)._zod.def.type !== 'never') return schema
      return copy({ shape: strictShape, catchall: z.never() })
    }
    case 'array': {
      const element = def.element as AnySchema
      const strict = strictify(element)
      return strict === element ? schema : copy({ element: strict })
    }
    case 'union': {
      const options = def.options as AnySchema[]
      const strict = options.map(strictify)
      return strict.every((o, i) => o === options[i]) ? schema : copy({ options: strict })
    }
    case 'pipe': {
      // z.preprocess(fn, schema): the output schema is what validates the object.
      const out = def.out as AnySchema
      const strict = strictify(out)
      return strict === out ? schema : copy({ out: strict })
    }
    default: {
      if (!WRAPPERS.has(def.type)) return schema
      const inner = def.innerType as AnySchema
      const strict = strictify(inner)
      return strict === inner ? schema : copy({ innerType: strict })
    }
  }
}

type Media = { schema?: unknown }

/**
 * Write routes that take no body still refuse one with fields: they declare this empty object
 * (optional, so a request without a body — or v1's empty JSON body, app.ts — passes).
 */
const NoBody = z.object({}).strict().openapi('NoBody', { description: 'This request takes no fields' })
const WRITES = new Set(['post', 'put', 'patch'])

/** A route config whose JSON body schemas are strict (other media types are left as they are). */
export function strictRoute<R extends RouteConfig>(route: R): R {
  const content = route.request?.body?.content as Record<string, Media> | undefined
  if (!content) {
    if (!WRITES.has(route.method)) return route
    const body = { content: { 'application/json': { schema: NoBody } }, required: false }
    return { ...route, request: { ...route.request, body } }
  }
  const strictContent: Record<string, Media> = {}
  let changed = false
  for (const [mediaType, media] of Object.entries(content)) {
    const schema = media.schema
    if (mediaType.includes('json') && isZod(schema)) {
      const strict = strictSchema(schema)
      changed ||= strict !== schema
      strictContent[mediaType] = { ...media, schema: strict }
    } else {
      strictContent[mediaType] = media
    }
  }
  if (!changed) return route
  const body = { ...route.request?.body, content: strictContent }
  return { ...route, request: { ...route.request, body } }
}

function isZod(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value
}
