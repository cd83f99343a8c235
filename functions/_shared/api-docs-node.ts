import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ApiDocsAssets } from './api-docs.ts'

/** Swagger UI's script and stylesheet read once from the pinned package (Node profiles). */
let cached: ApiDocsAssets | undefined
export function nodeApiDocsAssets(): ApiDocsAssets {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const read = (file: string) => readFileSync(require.resolve(`swagger-ui-dist/${file}`), 'utf8')
  cached = { script: read('swagger-ui-bundle.js'), css: read('swagger-ui.css') }
  return cached
}
