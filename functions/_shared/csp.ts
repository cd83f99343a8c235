/**
 * Content-Security-Policy of each kind of answer (docs/security.md § Browser-side exposure,
 * ADR 0017). Three policies, no `'unsafe-inline'` and no `'unsafe-eval'` in any of them:
 *
 * - API answers (JSON, problem+json, files): nothing may load or run in them, nobody may frame them.
 * - The API reference page (/api/v1/docs): its own scripts and styles only, calls to this origin.
 * - The web app: its own files and calls to this origin (it always calls the API at the relative
 *   `/api/v1`, web/src/lib/api.ts), plus the hashes of any inline script the built index.html holds.
 *
 * Handlers that serve HTML set their own policy; `applyStack` gives every other answer the API one
 * without overwriting a policy already set.
 */
export const API_CSP_DIRECTIVES = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] }
export const API_CSP = "default-src 'none'; frame-ancestors 'none'"

export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Swagger UI's stylesheet draws its icons as data: SVG images.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** The web app's policy: `scriptHashes` are `'sha256-…'` sources of the shell's inline scripts. */
export function webCsp(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}
